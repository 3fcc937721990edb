package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;

/**
 * One diagnostic rule: a stable kebab-case id users write in settings, a default severity, and a check that reports
 * findings to a sink. Implementations are stateless.
 */
public interface Rule {

    /** Returns the rule's id, as users write it in settings ({@code few-shot-heavy}). */
    String id();

    /** Returns the severity used when settings say nothing. */
    Severity defaultSeverity();

    /** Checks one prompt and reports what it finds; may throw, in which case the rule is logged and skipped. */
    void check(PromptContext ctx, FindingSink sink);
}
