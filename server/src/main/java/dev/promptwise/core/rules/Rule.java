package dev.promptwise.core.rules;

import dev.promptwise.core.config.Severity;

/**
 * One diagnostic rule, of a prompt file ({@code Rule<PromptContext>}) or of a strategy file
 * ({@code Rule<StrategyContext>}): a stable kebab-case id users write in settings, a default severity, and a check
 * that reports what it finds to a sink. A rule never applies settings or {@code promptwise-disable} comments, and
 * never catches its own failures: the {@link RuleRunner} does all three. Implementations are stateless.
 *
 * @param <C> what the rule reads
 */
public interface Rule<C extends RuleContext> {

    /** Returns the rule's id, as users write it in settings ({@code few-shot-heavy}). */
    String id();

    /** Returns the severity used when settings say nothing. */
    Severity defaultSeverity();

    /** Checks one file and reports what it finds; may throw, in which case the runner logs the rule and skips it. */
    void check(C ctx, FindingSink sink);

    /**
     * Returns whether the rule's findings on a prompt rest on the facts of the workload that binds it (its model,
     * budget or traffic): such a rule runs once per workload that binds the prompt, and each finding names its
     * workload; the others run once. Strategy rules judge their own workloads and keep the default, {@code false}.
     */
    default boolean dependsOnWorkload() {
        return false;
    }
}
