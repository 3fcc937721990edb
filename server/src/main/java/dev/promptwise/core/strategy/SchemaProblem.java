package dev.promptwise.core.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * One way a strategy file breaks its JSON Schema, or one note on how a value was read, placed on the YAML it
 * concerns: an unknown key on the key, a bad value on the value.
 *
 * @param range where to flag it
 * @param message a sentence for the user, ending with the did-you-mean when there is one
 * @param path the keys from the root to the offending key or value
 * @param suggestion the closest allowed key or value, or the value as read, or {@code null} when there is none
 * @param severity the most this deserves: {@link Severity#ERROR} for what cannot be understood,
 *     {@link Severity#WARNING} for a domain outside the known list, {@link Severity#HINT} for a value read from
 *     another spelling ({@link Spellings})
 */
public record SchemaProblem(TextRange range, String message, List<String> path, String suggestion, Severity severity) {

    public SchemaProblem {
        path = List.copyOf(path);
    }

    /** A problem that makes the file invalid: an error unless the rule's severity is set lower. */
    public SchemaProblem(TextRange range, String message, List<String> path, String suggestion) {
        this(range, message, path, suggestion, Severity.ERROR);
    }

    /** Returns the severity to report this at under the rule's configured severity: the lower of the two. */
    public Severity severityUnder(Severity configured) {
        return Severity.values()[Math.max(configured.ordinal(), severity.ordinal())];
    }

    /** Returns this problem moved by {@code delta} characters. */
    SchemaProblem shift(int delta) {
        return new SchemaProblem(range.shift(delta), message, path, suggestion, severity);
    }
}
