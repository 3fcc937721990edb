package dev.promptwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.io.DiskWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's figures, taken from a real analysis of a small workspace and rendered, against the formulas of
 * {@code docs/cost-model.md} worked out here from the inputs: the prompt's tokens counted with jtokkit directly,
 * the prices read from the catalog and the traffic from the strategy file.
 */
class ReportFiguresTest {

    /** One user message, no variables, no examples, well under the 1,024 tokens a cache needs. */
    private static final String PROMPT = "Classify the support ticket as billing, outage or account."
            + " Answer with the queue's name only, in lower case, and nothing else.";
    private static final double REQUESTS_PER_DAY = 20_000;
    private static final int VARIABLE_TOKENS = 200;
    private static final int OUTPUT_TOKENS = 5;
    private static final int LABELED_EXAMPLES = 500;
    private static final String STRATEGY = """
            version: 1
            workloads:
              ticket-router:
                prompt: prompts/router.txt
                model: gpt-4o
                traffic: { requestsPerDay: 20000, avgInputTokens: 200, avgOutputTokens: 5 }
                data: { labeledExamples: 500 }
                fineTuning: { baseModel: gpt-4o-mini }
              self-tuned:
                prompt: prompts/router.txt
                model: gpt-4o-mini
                traffic: { requestsPerDay: 20000, avgInputTokens: 200, avgOutputTokens: 5 }
                data: { labeledExamples: 500 }
              no-prompt-yet:
                model: gpt-4o-mini
                traffic: { requestsPerDay: 10 }
            """;
    private static final double CENT = 0.005;

    @TempDir
    Path root;

    private WorkloadAnalysis router;
    private WorkloadAnalysis selfTuned;
    private WorkloadAnalysis noPrompt;

    // Independent figures.
    private int textTokens;
    private double nowPerRequest;
    private double nowPerMonth;
    private double fineTunedPerMonth;
    private double hybridPerMonth;
    private double trainingCost;
    private double switchPerMonth;
    private double selfTunedSaving;

    @BeforeEach
    void analyseAndWorkOutTheFigures() throws Exception {
        Files.createDirectories(root.resolve("prompts"));
        Files.writeString(root.resolve("prompts/router.txt"), PROMPT);
        Files.writeString(root.resolve("promptwise.yaml"), STRATEGY);
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled());
        AnalyzedStrategy strategy = analysis.analyzeStrategy(analysis.parseStrategy("promptwise.yaml", STRATEGY),
                Settings.DEFAULTS, new DiskWorkspace(root), Cancellation.NONE);
        router = strategy.workloads().get("ticket-router");
        selfTuned = strategy.workloads().get("self-tuned");
        noPrompt = strategy.workloads().get("no-prompt-yet");

        ModelInfo model = PriceCatalog.bundled().resolve("gpt-4o").orElseThrow();
        ModelInfo.FineTuning tuned = PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().fineTuning();
        textTokens = Encodings.newDefaultEncodingRegistry()
                .getEncoding(EncodingType.fromName(model.encoding()).orElseThrow()).countTokens(PROMPT);
        double requestsPerMonth = REQUESTS_PER_DAY * 30;
        // A request: the text, 3 tokens for its one message and 3 that prime the reply, then the variables.
        int inputTokens = textTokens + 3 + 3 + VARIABLE_TOKENS;
        nowPerRequest = (inputTokens * model.input() + OUTPUT_TOKENS * model.output()) / 1e6;
        nowPerMonth = nowPerRequest * requestsPerMonth;
        // The prompt has no examples to remove, so a fine-tuned gpt-4o-mini is sent the same request at its
        // fine-tuned prices. No changeFrequency: no retraining.
        fineTunedPerMonth = (inputTokens * tuned.input() + OUTPUT_TOKENS * tuned.output()) / 1e6 * requestsPerMonth;
        // The hybrid sends only the variables, in one user message.
        hybridPerMonth = ((3 + 3 + VARIABLE_TOKENS) * tuned.input() + OUTPUT_TOKENS * tuned.output()) / 1e6
                * requestsPerMonth;
        // A training line: 4 tokens for each of the two messages, the prompt, one example (a request's variables
        // and its answer, from the traffic), 3 more; 500 examples × 3 = 1,500 lies between 100 and 25,000, so 3
        // epochs.
        trainingCost = LABELED_EXAMPLES * (4 * 2 + textTokens + VARIABLE_TOKENS + OUTPUT_TOKENS + 3) * 3
                * tuned.training() / 1e6;
        // gpt-4o-mini fine-tuned costs more per token than gpt-4o-mini itself: that saving is negative.
        ModelInfo mini = PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow();
        // The model switch: the same request on plain gpt-4o-mini, which the fine-tuned one cannot beat, since the
        // prompt has no examples to remove.
        switchPerMonth = (inputTokens * mini.input() + OUTPUT_TOKENS * mini.output()) / 1e6 * requestsPerMonth;
        selfTunedSaving = ((inputTokens * mini.input() + OUTPUT_TOKENS * mini.output())
                - (inputTokens * tuned.input() + OUTPUT_TOKENS * tuned.output())) / 1e6 * requestsPerMonth;
    }

    @Test
    void aWorkloadsFiguresFollowTheCostModel() {
        CostReport.Workload figures = ReportFigures.workload("promptwise.yaml", router, false);
        assertEquals("ticket-router", figures.name());
        assertEquals("gpt-4o", figures.model());
        assertEquals(REQUESTS_PER_DAY, figures.requestsPerDay());
        assertEquals(nowPerMonth, figures.monthlyCostUsd(), 1e-9);
        assertEquals(fineTunedPerMonth, figures.fineTunedMonthlyUsd(), 1e-9);
        assertEquals(hybridPerMonth, figures.hybridMonthlyUsd(), 1e-9);
        assertEquals(trainingCost, figures.trainingCostUsd(), 1e-9);
        assertTrue(nowPerMonth > fineTunedPerMonth, "the fine-tuned gpt-4o-mini is cheaper than gpt-4o");
        // ... but only because gpt-4o-mini is: fine-tuning's own part of the saving is negative, and never pays back.
        assertEquals(switchPerMonth - fineTunedPerMonth, figures.fineTunedMonthlySavingUsd(), 1e-9);
        assertTrue(figures.fineTunedMonthlySavingUsd() < 0);
        assertNull(figures.breakEvenDays());
        assertEquals("gpt-4o-mini", figures.fineTuningBaseModel());
        assertEquals("Fine-tuned gpt-4o-mini would cost " + Money.perMonth(nowPerMonth - fineTunedPerMonth)
                + " less than gpt-4o now at 20,000 requests/day, but only as a model switch (the prompt as written on"
                + " gpt-4o-mini would cost " + Money.usd(nowPerMonth - switchPerMonth) + " less than on gpt-4o, and"
                + " the shorter prompt on fine-tuned gpt-4o-mini costs " + Money.usd(fineTunedPerMonth - switchPerMonth)
                + " more, retraining included).", figures.fineTuningNote());
        assertEquals(List.of(), figures.curve(), "no chart asked for");
    }

    @Test
    void aFineTuningThatCostsMoreNeverBreaksEven() {
        CostReport.Workload figures = ReportFigures.workload("promptwise.yaml", selfTuned, false);
        assertTrue(selfTunedSaving < 0, "fine-tuned tokens cost more than the base model's");
        assertEquals(selfTunedSaving, figures.fineTunedMonthlySavingUsd(), 1e-9);
        assertNull(figures.breakEvenDays());
        assertEquals("never", CostReportPage.breakEven(figures));
    }

    @Test
    void aPromptIsPricedAtItsWorkloadsTraffic() {
        CostReport.Prompt prompt = ReportFigures.prompt("prompts/router.txt", router.prompt());
        assertEquals(textTokens + 6, prompt.tokens(), "the text and the chat format's overhead");
        assertEquals(false, prompt.estimated());
        assertEquals(nowPerRequest, prompt.costPerRequestUsd(), 1e-12);
        assertEquals(nowPerMonth, prompt.monthlyCostUsd(), 1e-9);
    }

    @Test
    void theChartPricesTwentyFiveVolumesUpToTwiceTheTrafficOrTheBreakEven() {
        CostReport.Workload figures = ReportFigures.workload("promptwise.yaml", router, true);
        List<CostReport.Point> curve = figures.curve();
        assertEquals(ReportFigures.CHART_STEPS + 1, curve.size());
        double top = 2 * Math.max(REQUESTS_PER_DAY, figures.breakEvenRequestsPerDay());
        assertEquals(top, curve.get(curve.size() - 1).requestsPerDay(), 1e-9);
        assertEquals(0, curve.get(0).promptOnly(), 1e-12, "no traffic, no cost");
        // Serving costs grow in proportion to the traffic; at the workload's own volume they are the figures above.
        CostReport.Point half = curve.get(ReportFigures.CHART_STEPS / 2);
        assertEquals(top / 2, half.requestsPerDay(), 1e-9);
        assertEquals(nowPerMonth * half.requestsPerDay() / REQUESTS_PER_DAY, half.promptOnly(), 1e-6);
        assertEquals(hybridPerMonth * half.requestsPerDay() / REQUESTS_PER_DAY, half.hybrid(), 1e-6);
    }

    @Test
    void aWorkloadWithoutAPromptHasNoFiguresAndNoChart() {
        CostReport.Workload figures = ReportFigures.workload("promptwise.yaml", noPrompt, true);
        assertNull(figures.model());
        assertNull(figures.monthlyCostUsd());
        assertNull(figures.breakEvenDays());
        assertEquals(List.of(), figures.curve());
        assertEquals(CostReportPage.UNKNOWN, CostReportPage.breakEven(figures));
    }

    @Test
    void thePageShowsTheFiguresRoundedAsEveryOtherFigure() {
        String page = CostReportPage.render(new CostReport("2026-11-28T12:00:00Z",
                List.of(ReportFigures.workload("promptwise.yaml", router, true),
                        ReportFigures.workload("promptwise.yaml", selfTuned, true),
                        ReportFigures.workload("promptwise.yaml", noPrompt, true)),
                List.of(ReportFigures.prompt("prompts/router.txt", router.prompt())), "The prompts."));
        List<String> row = cells(page, "ticket-router");
        assertEquals(List.of("ticket-router", "gpt-4o", "20,000", usd(nowPerMonth),
                usd(fineTunedPerMonth) + " on gpt-4o-mini", usd(hybridPerMonth) + " on gpt-4o-mini", usd(trainingCost),
                "never", router.recommendation().label()), row);
        assertTrue(page.contains("<p class=\"fine-tuning\">Fine-tuned gpt-4o-mini would cost "), page);
        assertEquals("never", cells(page, "self-tuned").get(7));
        assertEquals(List.of("no-prompt-yet", "unknown", "unknown", "unknown", "unknown", "unknown", "unknown", "unknown",
                noPrompt.recommendation().label()), cells(page, "no-prompt-yet"));
        assertEquals(List.of("<code>prompts/router.txt</code>", "gpt-4o", Money.count(textTokens + 6),
                usd(nowPerRequest), usd(nowPerMonth)), cells(page, "<code>prompts/router.txt</code>"));
        assertEquals(6, count(page, "<polyline "), "three curves for each workload with a prompt");
        assertEquals(1, count(page, "<line class=\"break-even\""), "only ticket-router breaks even");
        assertTrue(page.contains("No chart: the prompt, its model's prices or the traffic are unknown."));
    }

    /** Rounds independently of Money to the cent, then checks Money says the same (above $1 it shows cents). */
    private static String usd(double amount) {
        String shown = Money.usd(amount);
        if (amount >= 1) {
            assertEquals(amount, Double.parseDouble(shown.replace("$", "").replace(",", "")), CENT, shown);
        }
        return shown;
    }

    /** Returns the cells of the table row whose first cell is {@code first}. */
    private static List<String> cells(String page, String first) {
        Matcher row = Pattern.compile("<tr><td>" + Pattern.quote(first) + "</td>(.*?)</tr>").matcher(page);
        assertTrue(row.find(), "no row for " + first);
        List<String> cells = new java.util.ArrayList<>(List.of(first));
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
