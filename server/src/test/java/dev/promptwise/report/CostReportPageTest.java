package dev.promptwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cost report's page, from figures given by hand: its parts, its charts, its escaping and a policy that lets
 * nothing run or load, which a VS Code webview and a browser both enforce.
 */
class CostReportPageTest {

    private static final CostReport.Workload TRIAGE = workload("support-triage", 9000.0, 3000.0, 4500.0, 120.0, 0.6,
            6000.0, curve(250_000, 9000, 3000, 4500), 12_000.0);
    private static final CostReport.Workload UNKNOWN = workload("<script>alert(1)</script>", null, null, null, null,
            null, null, List.of(), null);
    private static final CostReport REPORT = new CostReport("2026-11-28T12:00:00Z", List.of(TRIAGE, UNKNOWN),
            List.of(new CostReport.Prompt("prompts/triage.prompty", "gpt-4o", 1830, false, 0.0012, 9000.0),
                    new CostReport.Prompt("prompts/summarize.prompt", "gemini-2.5-flash", 512, true, null, null)),
            "The prompts that the workloads reference & those open.");

    @Test
    void thePolicyAllowsTheOneStylesheetByItsHashAndNothingElse() throws Exception {
        String page = CostReportPage.render(REPORT);
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
                .matcher(page);
        assertTrue(policy.find(), page);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertTrue(style.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertEquals("default-src 'none'; style-src 'sha256-" + hash + "'", policy.group(1));
        assertFalse(style.find(), "one style element");
        assertFalse(page.contains(" style="), "style attributes would be refused");
        assertFalse(page.contains("<script"), "no script");
        assertFalse(Pattern.compile("https?:|//[a-z]|src=|href=").matcher(page).find(), "nothing to load");
    }

    @Test
    void theStylesheetFollowsTheEditorsThemeAndFallsBackOutsideIt() {
        String style = CostReportPage.STYLE;
        assertTrue(style.contains("color:var(--vscode-foreground,#1f2328)"), style);
        assertTrue(style.contains("background:var(--vscode-editor-background,#ffffff)"), style);
        assertTrue(style.contains(".series-prompt{color:var(--vscode-charts-blue,#0969da)}"), style);
        Matcher variable = Pattern.compile("var\\(--vscode-[a-zA-Z-]+\\)").matcher(style);
        assertFalse(variable.find(), "every theme variable has a fallback for a browser");
    }

    @Test
    void theWorkloadTableShowsEveryFigureAndUnknownWhereUnknown() {
        String page = CostReportPage.render(REPORT);
        assertEquals(List.of("support-triage", "gpt-4o", "250,000", "$9,000.00", "$3,000.00", "$4,500.00",
                "$120.00", "less than a day", "fine-tuning"), row(page, "support-triage"));
        assertEquals(List.of("&lt;script&gt;alert(1)&lt;/script&gt;", "unknown", "unknown", "unknown", "unknown", "unknown", "unknown",
                "unknown", "fine-tuning"), row(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void breakEvenIsNeverOnlyWhenFineTuningSavesNothing() {
        assertEquals("never", CostReportPage.breakEven(workload("dear", 10.0, 12.0, 9.0, 5.0, null, -2.0, List.of(),
                null)));
        assertEquals("never", CostReportPage.breakEven(workload("even", 10.0, 10.0, 9.0, 5.0, null, 0.0, List.of(),
                null)));
        assertEquals("unknown", CostReportPage.breakEven(workload("no training price", 10.0, 8.0, 7.0, null, null, 2.0,
                List.of(), null)), "it saves, but when it pays back is unknown");
        assertEquals("unknown", CostReportPage.breakEven(workload("training priced per hour", 10.0, 12.0, 9.0, null,
                null, -2.0, List.of(), null)), "no training cost: not known to be never");
        assertEquals("37 days", CostReportPage.breakEven(workload("slow", 10.0, 8.0, 7.0, 2.4, 36.2, 2.0,
                List.of(), null)));
    }

    @Test
    void theBarChartDrawsOneBarPerKnownFigureScaledToTheLargest() {
        String page = CostReportPage.render(REPORT);
        Matcher bar = Pattern.compile("<rect class=\"bar (series-[a-z-]+)\" x=\"180\" y=\"\\d+\" width=\"([\\d.]+)\"")
                .matcher(page);
        List<String> bars = new ArrayList<>();
        while (bar.find()) {
            bars.add(bar.group(1) + " " + bar.group(2));
        }
        assertEquals(List.of("series-prompt 420.0", "series-fine-tuned 140.0", "series-hybrid 210.0"), bars);
        assertTrue(page.contains("<title>support-triage: Fine-tuned $3,000.00 per month</title>"), page);
    }

    @Test
    void eachWorkloadHasASectionWithItsCurvesAndBreakEvenOrSaysWhyNot() {
        String page = CostReportPage.render(REPORT);
        assertTrue(page.contains("<h3>support-triage</h3>\n<p class=\"muted\">promptwise.yaml · Because.</p>"),
                page);
        for (String series : List.of("series-prompt", "series-fine-tuned", "series-hybrid")) {
            assertEquals(1, count(page, "<polyline class=\"" + series + "\""), series);
        }
        // The curve runs to 500,000 requests a day over 640 pixels from x = 56: 12,000 a day is at 71.4.
        assertTrue(page.contains("<line class=\"break-even\" x1=\"71.4\""), page);
        assertTrue(page.contains("break-even 12,000/day"));
        assertTrue(page.contains("<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>"));
        assertEquals(1, count(page, "No chart: the prompt, its model's prices or the traffic are unknown."));
    }

    @Test
    void thePromptTableMarksEstimatedCounts() {
        String page = CostReportPage.render(REPORT);
        assertEquals(List.of("<code>prompts/triage.prompty</code>", "gpt-4o", "1,830", "$0.0012", "$9,000.00"),
                row(page, "<code>prompts/triage.prompty</code>"));
        assertEquals(List.of("<code>prompts/summarize.prompt</code>", "gemini-2.5-flash", "≈512", "unknown", "unknown"),
                row(page, "<code>prompts/summarize.prompt</code>"));
        assertTrue(page.contains("<p class=\"muted\">The prompts that the workloads reference &amp; those open.</p>"));
        assertTrue(page.contains("<p class=\"muted\">Generated 2026-11-28T12:00:00Z."), page);
    }

    @Test
    void anEmptyReportSaysWhatToDo() {
        String page = CostReportPage.render(new CostReport("now", List.of(), List.of(), "The prompts."));
        assertTrue(page.contains("<h1>Promptwise cost report</h1>"));
        assertTrue(page.contains("No workloads: describe them in <code>promptwise.yaml</code>"), page);
        assertTrue(page.contains("<p>No prompt files to price.</p>"), page);
        assertFalse(page.contains("<svg"));
        assertFalse(page.contains("<table"));
    }

    @Test
    void estimatedFiguresCarryTheirMarkAndAnUnconfirmedTrainingPriceItsFlag() {
        CostReport.Workload claude = new CostReport.Workload("claude-triage", "promptwise.yaml", "claude-sonnet-4",
                20_000.0, 1234.5, 600.0, 700.0, 19.305, 0.4, 634.5, "fine-tuning", "fine-tuning", "Because.", null,
                List.of(), null, true, true, true, null, null);
        String page = CostReportPage.render(new CostReport("now", List.of(claude), List.of(), ""));
        assertEquals(List.of("claude-triage", "claude-sonnet-4", "20,000", "≈$1,234.50",
                "≈$600.00 (unconfirmed price)", "≈$700.00 (unconfirmed price)", "≈$19.31 (unconfirmed price)",
                "less than a day", "fine-tuning"), row(page, "claude-triage"));
        assertTrue(page.contains("<title>claude-triage: Prompt only ≈$1,234.50 per month</title>"), page);
    }

    @Test
    void aLowerBoundSaysAtLeastAndWhatIsNotPricedAndAnInputOnlyPriceSaysSo() {
        // A receipt check whose image cannot be priced, and a prompt without traffic priced on its input alone.
        CostReport.Workload receipts = new CostReport.Workload("receipt-check", "promptwise.yaml", "gpt-4o",
                5_000.0, 1694.04, null, null, null, null, null, "prompt-engineering", "prompt-engineering",
                "Because.", null, List.of(), null, true, false, false, null, null, true,
                List.of("image:receipts/scan.png"));
        CostReport.Prompt refunds = new CostReport.Prompt("prompts/refund-policy.txt", "gpt-4o-mini", 6345, false,
                0.00095, null, true, false);
        CostReport.Prompt scan = new CostReport.Prompt("prompts/receipts/receipt-check.prompty", "gpt-4o", 7265, true,
                0.011, 1694.04, false, true);
        String page = CostReportPage.render(new CostReport("now", List.of(receipts), List.of(refunds, scan), ""));
        assertEquals("at least ≈$1,694.04", row(page, "receipt-check").get(3), page);
        assertTrue(page.contains("<p class=\"missing\">The prompt-only figure is a lower bound. Not taken into account:"
                + " image:receipts/scan.png.</p>"),
                page);
        assertEquals(List.of("<code>prompts/refund-policy.txt</code>", "gpt-4o-mini", "6,345",
                "$0.00095 (input only)", "unknown"), row(page, "<code>prompts/refund-policy.txt</code>"));
        assertEquals("at least ≈$0.011", row(page, "<code>prompts/receipts/receipt-check.prompty</code>").get(3));
    }

    @Test
    void longNamesAreCutInTheChartButNotInTheTable() {
        String name = "a-workload-name-longer-than-the-chart-has-room-for";
        String page = CostReportPage.render(new CostReport("now", List.of(workload(name, 1.0, null, null, null,
                null, null, List.of(), null)), List.of(), ""));
        assertTrue(page.contains(">a-workload-name-longer-…</text>"), page);
        assertTrue(page.contains("<tr><td>" + name + "</td>"));
    }

    private static CostReport.Workload workload(String name, Double now, Double fineTuned, Double hybrid,
            Double training, Double breakEvenDays, Double saving, List<CostReport.Point> curve, Double breakEven) {
        return new CostReport.Workload(name, "promptwise.yaml", now == null ? null : "gpt-4o",
                now == null ? null : 250_000.0, now, fineTuned, hybrid, training, breakEvenDays, saving,
                "fine-tuning", "fine-tuning", "Because.", null, curve, breakEven);
    }

    /** A straight curve from nothing to twice the volume, each figure in proportion to the traffic. */
    private static List<CostReport.Point> curve(double perDay, double now, double fineTuned, double hybrid) {
        List<CostReport.Point> points = new ArrayList<>();
        for (int i = 0; i <= 24; i++) {
            double share = 2.0 * i / 24;
            points.add(new CostReport.Point(perDay * share, now * share, fineTuned * share, hybrid * share));
        }
        return points;
    }

    private static List<String> row(String page, String first) {
        Matcher row = Pattern.compile("<tr><td>" + Pattern.quote(first) + "</td>(.*?)</tr>").matcher(page);
        assertTrue(row.find(), "no row for " + first + " in " + page);
        List<String> cells = new ArrayList<>(List.of(first));
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        return cells;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
