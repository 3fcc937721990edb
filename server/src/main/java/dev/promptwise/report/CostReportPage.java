package dev.promptwise.report;

import dev.promptwise.core.cost.Money;
import dev.promptwise.report.CostReport.Point;
import dev.promptwise.report.CostReport.Prompt;
import dev.promptwise.report.CostReport.Workload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Renders the cost report as one self-contained HTML page: the one renderer of the report, written to a file by
 * {@code promptwise report --html} and shown by the VS Code extension's webview. Pure text generation: no I/O, no
 * protocol.
 *
 * <p>The page holds no script and loads nothing. Its one stylesheet takes VS Code's theme variables and falls back
 * to fixed colours, so the same page follows the editor's theme in a webview and reads well in a browser. Its
 * Content-Security-Policy allows that stylesheet alone, by its SHA-256 hash: no nonce has to travel from the
 * webview to the server, and style attributes, scripts and every remote resource are refused.
 */
public final class CostReportPage {

    /** The stylesheet, the exact text of the page's one {@code <style>} element, which its hash allows. */
    static final String STYLE = """
            body{margin:0;padding:8px 24px 24px;line-height:1.45;\
            font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:var(--vscode-font-size,14px);\
            color:var(--vscode-foreground,#1f2328);background:var(--vscode-editor-background,#ffffff)}
            h1,h2,h3{font-weight:600}h2{margin-top:2rem}h3{margin:1.5rem 0 .25rem}
            .muted{color:var(--vscode-descriptionForeground,#59636e)}
            table{border-collapse:collapse;margin:.5rem 0 1rem}
            th,td{padding:.3rem .75rem .3rem 0;text-align:left;\
            border-bottom:1px solid var(--vscode-panel-border,var(--vscode-widget-border,#d0d7de))}
            td{white-space:nowrap}td.approach{white-space:normal}
            th.number,td.number{text-align:right;font-variant-numeric:tabular-nums}
            code{font-family:var(--vscode-editor-font-family,ui-monospace,monospace)}
            svg text{fill:var(--vscode-foreground,#1f2328);font-family:inherit;font-size:11px}
            svg .axis{stroke:var(--vscode-descriptionForeground,#8c959f)}
            svg rect{fill:currentColor}svg polyline{fill:none;stroke:currentColor;stroke-width:2}
            .series-prompt{color:var(--vscode-charts-blue,#0969da)}
            .series-fine-tuned{color:var(--vscode-charts-green,#1a7f37)}
            .series-hybrid{color:var(--vscode-charts-orange,#bc4c00)}
            svg .break-even{stroke:var(--vscode-charts-yellow,#9a6700);stroke-dasharray:4 3}
            """;

    /** The page's policy: nothing but {@link #STYLE}. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE) + "'";

    /** What a figure that is not known reads as: the word every message uses. */
    static final String UNKNOWN = Money.UNKNOWN;

    /** The three monthly figures each chart compares, in drawing order. */
    enum Series {
        PROMPT_ONLY("Prompt only", "series-prompt", Workload::monthlyCostUsd, Point::promptOnly),
        FINE_TUNED("Fine-tuned", "series-fine-tuned", Workload::fineTunedMonthlyUsd, Point::fineTuned),
        HYBRID("Hybrid", "series-hybrid", Workload::hybridMonthlyUsd, Point::hybrid);

        final String label;
        final String cssClass;
        final Function<Workload, Double> monthly;
        final ToDoubleFunction<Point> atVolume;

        Series(String label, String cssClass, Function<Workload, Double> monthly, ToDoubleFunction<Point> atVolume) {
            this.label = label;
            this.cssClass = cssClass;
            this.monthly = monthly;
            this.atVolume = atVolume;
        }
    }

    // The bar chart: one group of bars per workload.
    private static final int BAR_LABEL_WIDTH = 180;
    private static final int BAR_AREA_WIDTH = 420;
    private static final int BAR_VALUE_WIDTH = 100;
    private static final int BAR_HEIGHT = 14;
    private static final int BAR_GROUP_GAP = 14;
    private static final int LEGEND_HEIGHT = 24;
    private static final int BAR_LABEL_LENGTH = 24;

    // The line chart of one workload: monthly cost against requests per day.
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int MARGIN = 56;
    /** The plot's top edge: the largest monthly figure is written above it, clear of the axis. */
    private static final int TOP = 24;

    private CostReportPage() {}

    /** Returns the page of {@code report}. */
    public static String render(CostReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Promptwise cost report</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>Promptwise cost report</h1>\n")
                .append("<p class=\"muted\">Generated ").append(escape(report.generatedAt()))
                .append(". Monthly cost of each workload at its traffic, and what fine-tuning or a hybrid would cost")
                .append(" instead.</p>\n<h2>Workloads</h2>\n");
        if (report.workloads().isEmpty()) {
            html.append("<p>No workloads: describe them in <code>promptwise.yaml</code> to see monthly costs and")
                    .append(" break-even points.</p>\n");
        } else {
            html.append(barChart(report.workloads())).append(workloadTable(report.workloads()));
            for (Workload workload : report.workloads()) {
                html.append(section(workload));
            }
        }
        html.append("<h2>Prompts</h2>\n<p class=\"muted\">").append(escape(report.promptScope())).append("</p>\n");
        html.append(report.prompts().isEmpty() ? "<p>No prompt files to price.</p>\n" : promptTable(report.prompts()));
        return html.append("</body>\n</html>\n").toString();
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String workloadTable(List<Workload> workloads) {
        StringBuilder table = new StringBuilder("<table class=\"workloads\">\n<thead><tr><th>Workload</th>"
                + "<th>Model</th><th class=\"number\">Requests/day</th><th class=\"number\">Prompt only /month</th>"
                + "<th class=\"number\">Fine-tuned /month</th><th class=\"number\">Hybrid /month</th>"
                + "<th class=\"number\">Training</th><th class=\"number\">Break-even</th><th>Recommended</th>"
                + "</tr></thead>\n<tbody>\n");
        for (Workload workload : workloads) {
            table.append("<tr><td>").append(escape(workload.name()))
                    .append("</td><td>").append(workload.model() == null ? UNKNOWN : escape(workload.model()))
                    .append("</td>").append(number(workload.requestsPerDay() == null ? UNKNOWN
                            : Money.number(workload.requestsPerDay())))
                    .append(number(atLeast(workload.lowerBound(), workload.monthlyCostUsd(),
                            usd(workload.monthlyCostUsd(), workload.estimated(), false))))
                    .append(number(onBase(workload.fineTunedMonthlyUsd(), workload)))
                    .append(number(onBase(workload.hybridMonthlyUsd(), workload)))
                    .append(number(usd(workload.trainingCostUsd(), workload.estimated(),
                            workload.trainingPriceUnconfirmed())))
                    .append(number(breakEven(workload)))
                    .append("<td class=\"approach\">").append(escape(workload.recommendation()))
                    .append("</td></tr>\n");
        }
        return table.append("</tbody>\n</table>\n").toString();
    }

    /**
     * Says when fine-tuning pays back its training, as {@link Money#breakEven} words it for the lens too: the days,
     * "never" when the training cost is known and it saves nothing each month, and "unknown" when a figure it
     * needs is unknown (no fine-tuned price, no traffic, a training price per hour).
     */
    static String breakEven(Workload workload) {
        return Money.breakEven(workload.breakEvenDays(), workload.trainingCostUsd(),
                workload.fineTunedMonthlySavingUsd());
    }

    private static String section(Workload workload) {
        StringBuilder section = new StringBuilder("<section class=\"workload\">\n<h3>").append(escape(workload.name()))
                .append("</h3>\n<p class=\"muted\">").append(escape(workload.strategyFile())).append(" · ")
                .append(escape(workload.rationale())).append("</p>\n");
        if (!workload.missingInputs().isEmpty()) {
            section.append("<p class=\"missing\">").append(workload.lowerBound()
                    ? "The prompt-only figure is a lower bound. Not taken into account: " : "Not taken into account: ")
                    .append(escape(String.join(", ", workload.missingInputs()))).append(".</p>\n");
        }
        if (workload.fineTuningNote() != null) {
            section.append("<p class=\"fine-tuning\">").append(escape(workload.fineTuningNote())).append("</p>\n");
        }
        section.append(workload.curve().isEmpty()
                ? "<p class=\"muted\">No chart: the prompt, its model's prices or the traffic are unknown.</p>\n"
                : lineChart(workload));
        return section.append("</section>\n").toString();
    }

    private static String promptTable(List<Prompt> prompts) {
        StringBuilder table = new StringBuilder("<table class=\"prompts\">\n<thead><tr><th>Prompt</th><th>Model</th>"
                + "<th class=\"number\">Tokens</th><th class=\"number\">Per request</th>"
                + "<th class=\"number\">Per month</th></tr></thead>\n<tbody>\n");
        for (Prompt prompt : prompts) {
            table.append("<tr><td><code>").append(escape(prompt.path())).append("</code></td><td>")
                    .append(prompt.model() == null ? UNKNOWN : escape(prompt.model())).append("</td>")
                    .append(number(Money.count(prompt.tokens(), prompt.estimated())))
                    .append(number(atLeast(prompt.lowerBound(), prompt.costPerRequestUsd(),
                            usd(prompt.costPerRequestUsd(), prompt.estimated(), false))
                            + (prompt.inputOnly() && prompt.costPerRequestUsd() != null ? " (input only)" : "")))
                    .append(number(atLeast(prompt.lowerBound(), prompt.monthlyCostUsd(),
                            usd(prompt.monthlyCostUsd(), prompt.estimated(), false))))
                    .append("</tr>\n");
        }
        return table.append("</tbody>\n</table>\n").toString();
    }

    /** Draws one group of horizontal bars per workload, one bar per known monthly figure, scaled to the largest. */
    private static String barChart(List<Workload> workloads) {
        double largest = 0;
        for (Workload workload : workloads) {
            for (Series series : Series.values()) {
                Double value = series.monthly.apply(workload);
                largest = value == null ? largest : Math.max(largest, value);
            }
        }
        int groupHeight = Series.values().length * BAR_HEIGHT + BAR_GROUP_GAP;
        int height = LEGEND_HEIGHT + workloads.size() * groupHeight;
        int width = BAR_LABEL_WIDTH + BAR_AREA_WIDTH + BAR_VALUE_WIDTH;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"bars\" role=\"img\" aria-label=\"Monthly cost per workload\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\">%n", width, height, width, height));
        legend(svg, BAR_LABEL_WIDTH, 4);
        for (int index = 0; index < workloads.size(); index++) {
            Workload workload = workloads.get(index);
            int groupTop = LEGEND_HEIGHT + index * groupHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", groupTop + BAR_HEIGHT * 2 - 2,
                    escape(truncate(workload.name()))));
            for (Series series : Series.values()) {
                Double value = series.monthly.apply(workload);
                if (value == null) {
                    continue;
                }
                int y = groupTop + series.ordinal() * BAR_HEIGHT;
                double barWidth = largest > 0 ? Math.max(1, value / largest * BAR_AREA_WIDTH) : 1;
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%.1f\""
                        + " height=\"%d\"><title>%s: %s %s per month</title></rect>", series.cssClass,
                        BAR_LABEL_WIDTH, y, barWidth, BAR_HEIGHT - 2, escape(workload.name()), series.label,
                        Money.usd(value, workload.estimated())));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                        BAR_LABEL_WIDTH + barWidth + 4, y + BAR_HEIGHT - 3, Money.usd(value, workload.estimated())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
                BAR_LABEL_WIDTH, LEGEND_HEIGHT - 2, BAR_LABEL_WIDTH, height));
        return svg.append("</svg>\n").toString();
    }

    /** Draws each approach's monthly cost against requests per day, with the break-even volume marked. */
    private static String lineChart(Workload workload) {
        List<Point> curve = workload.curve();
        double maxX = curve.get(curve.size() - 1).requestsPerDay();
        double maxY = 0;
        for (Point point : curve) {
            for (Series series : Series.values()) {
                double value = series.atVolume.applyAsDouble(point);
                maxY = Double.isFinite(value) ? Math.max(maxY, value) : maxY;
            }
        }
        maxY = maxY > 0 ? maxY : 1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"curve\" role=\"img\""
                + " aria-label=\"%s: monthly cost against requests per day\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\">%n", escape(workload.name()), WIDTH + MARGIN * 2, HEIGHT + MARGIN,
                WIDTH + MARGIN * 2, HEIGHT + MARGIN));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
                MARGIN, HEIGHT, MARGIN + WIDTH, HEIGHT, MARGIN, TOP, MARGIN, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s requests/day</text>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", MARGIN + WIDTH, HEIGHT + 30, Money.count(maxX),
                MARGIN, TOP - 8, Money.perMonth(maxY, workload.estimated())));
        for (Series series : Series.values()) {
            StringBuilder points = new StringBuilder();
            for (Point point : curve) {
                double y = series.atVolume.applyAsDouble(point);
                if (Double.isFinite(y)) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ",
                            MARGIN + WIDTH * point.requestsPerDay() / maxX, HEIGHT - (HEIGHT - TOP) * y / maxY));
                }
            }
            if (points.length() > 0) {
                svg.append("<polyline class=\"").append(series.cssClass)
                        .append("\" fill=\"none\" stroke-width=\"2\" points=\"")
                        .append(points.toString().strip()).append("\"/>\n");
            }
        }
        Double breakEven = workload.breakEvenRequestsPerDay();
        if (breakEven != null && breakEven <= maxX) {
            double x = MARGIN + WIDTH * breakEven / maxX;
            svg.append(String.format(Locale.ROOT, "<line class=\"break-even\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
                    + " y2=\"%d\"/><text x=\"%.1f\" y=\"%d\">break-even %s/day</text>%n", x, TOP, x, HEIGHT,
                    x + 4, TOP + 20, Money.count(breakEven)));
        }
        legend(svg, MARGIN, HEIGHT + 20);
        return svg.append("</svg>\n").toString();
    }

    /** Draws a swatch and a label per series, left to right from {@code x}. */
    private static void legend(StringBuilder svg, int x, int y) {
        for (Series series : Series.values()) {
            int left = x + series.ordinal() * 120;
            svg.append(String.format(Locale.ROOT, "<rect class=\"swatch %s\" x=\"%d\" y=\"%d\" width=\"12\""
                    + " height=\"12\"/><text x=\"%d\" y=\"%d\">%s</text>%n", series.cssClass, left, y, left + 16,
                    y + 10, series.label));
        }
    }

    private static String number(String text) {
        return "<td class=\"number\">" + text + "</td>";
    }

    /** Returns a fine-tuned figure with the model it is priced on: {@code $3,167.06 on gpt-4o-mini}. */
    private static String onBase(Double value, Workload workload) {
        String figure = usd(value, workload.estimated(), workload.retrainingUnconfirmed());
        return value == null || workload.fineTuningBaseModel() == null ? figure
                : figure + " on " + escape(workload.fineTuningBaseModel());
    }

    /** Returns {@code figure} as a lower bound ("at least …") when {@code lowerBound} and the value is known. */
    private static String atLeast(boolean lowerBound, Double value, String figure) {
        return lowerBound && value != null ? "at least " + figure : figure;
    }

    private static String usd(Double value, boolean estimated, boolean unconfirmed) {
        return value == null ? UNKNOWN : escape(Money.flagged(Money.usd(value, estimated), unconfirmed));
    }

    private static String truncate(String text) {
        if (text.length() <= BAR_LABEL_LENGTH) {
            return text;
        }
        int end = BAR_LABEL_LENGTH - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "…";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
