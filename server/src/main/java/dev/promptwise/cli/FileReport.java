package dev.promptwise.cli;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.analysis.Finding;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.LineIndex;
import java.util.List;

/**
 * What the command line reports for one file.
 *
 * @param path the path as shown (relative to the working folder, {@code /} separators)
 * @param format the file's format
 * @param prompt the analysed prompt, or {@code null} when the file was not analysed (binary, too large)
 * @param findings what the rules found, in rule order
 * @param lines the file's line index, for positions
 */
record FileReport(String path, PromptFormat format, AnalyzedPrompt prompt, List<Finding> findings, LineIndex lines) {

    static FileReport of(AnalyzedPrompt prompt, PromptFormat format, List<Finding> findings) {
        return new FileReport(prompt.path(), format, prompt, List.copyOf(findings),
                LineIndex.of(prompt.document().text()));
    }

    static FileReport skipped(String path, PromptFormat format, Finding finding) {
        return new FileReport(path, format, null, List.of(finding), LineIndex.of(""));
    }
}
