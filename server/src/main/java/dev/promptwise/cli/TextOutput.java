package dev.promptwise.cli;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Finding;
import java.io.PrintStream;

/**
 * The text format: {@code path:line:col: severity rule: message}, one a line, then a summary. Lines and columns
 * here are one-based, as compilers print them and editors' problem matchers expect.
 */
final class TextOutput {

    private TextOutput() {}

    static void write(Report report, PrintStream out) {
        for (FileReport file : report.files()) {
            for (Finding finding : file.findings()) {
                LineIndex.Position start = file.lines().position(finding.range().start());
                out.println(file.path() + ":" + (start.line() + 1) + ":" + (start.character() + 1) + ": "
                        + finding.severity().id() + " " + finding.ruleId() + ": " + finding.message());
            }
        }
        out.println(report.files().size() + " file" + (report.files().size() == 1 ? "" : "s") + " checked: "
                + plural(report.count(s -> s == Severity.ERROR), "error") + ", "
                + plural(report.count(s -> s == Severity.WARNING), "warning") + ", "
                + report.count(s -> s == Severity.INFORMATION) + " information, "
                + plural(report.count(s -> s == Severity.HINT), "hint")
                + (report.catalog() == null || report.catalog().asOf() == null ? ""
                        : "; prices as of " + report.catalog().asOf()));
        String stale = report.catalog() == null ? null : report.catalog().staleHint(report.today());
        if (stale != null) {
            out.println("hint: " + stale);
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
