package dev.promptwise.cli;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;

/**
 * What the command line reports for one file.
 *
 * @param path the path as shown (relative to the working folder, {@code /} separators)
 * @param format the file's format id ({@code prompty}, {@code strategy})
 * @param prompt the analysed prompt (with no content for a file too large to analyse), or {@code null} for a
 *         strategy file or a binary file
 * @param findings what the rules found, in text order
 * @param lines the file's line index, for positions
 */
record FileReport(String path, String format, AnalyzedPrompt prompt, List<Finding> findings, LineIndex lines) {

    static final String STRATEGY_FORMAT = "strategy";

    FileReport {
        findings = List.copyOf(findings);
    }
}
