package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Limits;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.text.TextRange;

/**
 * {@code file-too-large}: the file is larger than Promptwise analyses, so it was skipped; says so instead of
 * staying silent or stalling the editor.
 */
public final class FileTooLargeRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "file-too-large";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFORMATION;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        int length = ctx.prompt().originalLength();
        if (length <= Limits.MAX_ANALYSED_CHARS) {
            return;
        }
        sink.report(TextRange.at(0), String.format(java.util.Locale.ROOT,
                "File not analysed: %.1f MB of text, above the %d MB that Promptwise analyses",
                length / 1_048_576.0, Limits.MAX_ANALYSED_CHARS / 1_048_576));
    }
}
