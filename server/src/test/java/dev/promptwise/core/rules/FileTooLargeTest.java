package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code file-too-large}: a file above 8 MiB of text (8,388,608 characters) is not analysed, and says so at its start. */
class FileTooLargeTest {

    private static final String RULE = "file-too-large";
    private static final int MIB = 1024 * 1024;

    @Test
    void aFileAboveEightMebibytesIsReportedAndSkipped() {
        String rest = "Route the ticket to the right queue.\n".repeat(8 * MIB / 37 + 10);
        String text = "# Triage\n" + rest;
        String size = String.format(Locale.ROOT, "%.1f", text.length() / (double) MIB);
        check(RULE, new TestWorkspace(), "prompts/huge.txt", "# Triage\n"
                + "| information file-too-large: File not analysed: " + size
                + " MB of text, above the 8 MB that Promptwise analyses\n" + rest);
    }

    @Test
    void anOrdinaryFileIsQuiet() {
        check(RULE, new TestWorkspace(), "prompts/small.txt", "Route the ticket to the right queue.\n");
    }
}
