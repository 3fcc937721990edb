package dev.promptwise.report;

import dev.promptwise.core.cost.Money;
import dev.promptwise.report.CostReport.Point;
import dev.promptwise.report.CostReport.Workload;
import java.util.List;
import java.util.Locale;

/**
 * Renders the cost report as one HTML page with inline SVG charts: readable offline, in a browser or a CI artefact.
 * Pure text generation: no I/O, no protocol.
 */
public final class CostReportPage {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int MARGIN = 56;

    private CostReportPage() {}

    /** Returns the page of {@code report}. */
    public static String render(CostReport report) {
        List<Workload> sections = report.workloads();
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Promptwise cost report</title>
                <style>
                body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}
                table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:right}
                th:first-child,td:first-child{text-align:left}h2{margin-top:2.5rem}.muted{color:#59636e}
                .prompt{stroke:#cf222e}.tuned{stroke:#1a7f37}.hybrid{stroke:#0969da}line.even{stroke:#9a6700;stroke-dasharray:4 3}
                </style></head><body>
                <h1>Promptwise cost report</h1>
                <p class="muted">Monthly cost of each workload at its traffic, and what fine-tuning or a hybrid would cost instead.</p>
                """);
        html.append("<table><tr><th>workload</th><th>model</th><th>requests/day</th><th>now $/month</th>")
                .append("<th>fine-tuned $/month</th><th>hybrid $/month</th><th>training</th><th>break-even</th>")
                .append("<th>recommended</th></tr>\n");
        for (Workload section : sections) {
            html.append("<tr><td>").append(escape(section.name())).append("</td><td>")
                    .append(escape(section.model() == null ? "–" : section.model()))
                    .append("</td><td>").append(section.requestsPerDay() == null ? "–" : Money.count(section.requestsPerDay()))
                    .append("</td><td>").append(usd(section.monthlyCostUsd()))
                    .append("</td><td>").append(usd(section.fineTunedMonthlyUsd()))
                    .append("</td><td>").append(usd(section.hybridMonthlyUsd()))
                    .append("</td><td>").append(usd(section.trainingCostUsd()))
                    .append("</td><td>").append(section.breakEvenDays() != null ? Money.days(section.breakEvenDays())
                            : section.fineTunedMonthlySavingUsd() != null ? "never" : "–")
                    .append("</td><td>").append(escape(section.recommendation()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (Workload section : sections) {
            html.append("<h2>").append(escape(section.name())).append("</h2>\n<p class=\"muted\">")
                    .append(escape(section.strategyFile())).append(" · ")
                    .append(escape(section.rationale())).append("</p>\n");
            html.append(section.curve().isEmpty()
                    ? "<p class=\"muted\">No chart: the prompt, its model's prices or the traffic are unknown.</p>\n"
                    : chart(section));
        }
        return html.append("</body></html>\n").toString();
    }

    private static String chart(Workload section) {
        List<Point> curve = section.curve();
        double maxX = curve.get(curve.size() - 1).requestsPerDay();
        double maxY = 0;
        for (Point point : curve) {
            maxY = Math.max(maxY, finite(point.promptOnly()));
            maxY = Math.max(maxY, finite(point.fineTuned()));
            maxY = Math.max(maxY, finite(point.hybrid()));
        }
        maxY = maxY > 0 ? maxY : 1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"monthly cost"
                + " against requests per day\">%n", WIDTH + MARGIN * 2, HEIGHT + MARGIN));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\"/>"
                + "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\"/>%n",
                MARGIN, HEIGHT, MARGIN + WIDTH, HEIGHT, MARGIN, MARGIN, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s requests/day</text>"
                + "<text x=\"4\" y=\"20\" font-size=\"11\">%s</text>%n", MARGIN + WIDTH - 120, HEIGHT + 30,
                Money.count(maxX), Money.perMonth(maxY)));
        line(svg, curve, maxX, maxY, "prompt", Point::promptOnly);
        line(svg, curve, maxX, maxY, "tuned", Point::fineTuned);
        line(svg, curve, maxX, maxY, "hybrid", Point::hybrid);
        if (section.breakEvenRequestsPerDay() != null && section.breakEvenRequestsPerDay() <= maxX) {
            double x = MARGIN + WIDTH * section.breakEvenRequestsPerDay() / maxX;
            svg.append(String.format(Locale.ROOT, "<line class=\"even\" x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">break-even %s/day</text>%n", x, x, HEIGHT,
                    x + 4, 44, Money.count(section.breakEvenRequestsPerDay())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#cf222e\">prompt only</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1a7f37\">fine-tuned</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#0969da\">hybrid</text>%n",
                MARGIN, HEIGHT + 30, MARGIN + 90, HEIGHT + 30, MARGIN + 170, HEIGHT + 30));
        return svg.append("</svg>\n").toString();
    }

    private static void line(StringBuilder svg, List<Point> curve, double maxX, double maxY, String style,
            java.util.function.ToDoubleFunction<Point> value) {
        StringBuilder points = new StringBuilder();
        for (Point point : curve) {
            double y = value.applyAsDouble(point);
            if (!Double.isFinite(y)) {
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", MARGIN + WIDTH * point.requestsPerDay() / maxX,
                    HEIGHT - (HEIGHT - 10) * y / maxY));
        }
        if (points.length() > 0) {
            svg.append("<polyline class=\"").append(style).append("\" fill=\"none\" stroke-width=\"2\" points=\"")
                    .append(points.toString().strip()).append("\"/>\n");
        }
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static String usd(Double value) {
        return value == null ? "–" : Money.usd(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
