package dev.promptwise.core.rules;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;

/**
 * Where a rule reports: the runner adds the rule's id, the severity after settings and the fix that disables the
 * rule in the file.
 */
public interface FindingSink {

    /** Reports a finding at the rule's default severity, unless settings set another. */
    void report(TextRange range, String message, List<Fix> fixes);

    /**
     * Reports a finding whose severity, unless settings set one for the rule, is {@code level} rather than the rule's
     * default: for a rule with two levels ({@code insufficient-training-data}). A severity in settings still applies
     * to every level, and {@code off} still silences the rule.
     */
    void report(Severity level, TextRange range, String message, List<Fix> fixes);

    /**
     * Reports a finding at the rule's severity (from settings, else its default) but never above {@code ceiling}: a
     * reading the rule only notes, such as {@code 10k} read as 10000, stays a hint when the rule is set to error.
     */
    void reportAtMost(Severity ceiling, TextRange range, String message, List<Fix> fixes);

    default void report(TextRange range, String message) {
        report(range, message, List.of());
    }
}
