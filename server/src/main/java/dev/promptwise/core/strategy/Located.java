package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;

/**
 * One fact read from a strategy file together with where it was written, so that diagnostics, hovers, code lenses
 * and go-to-definition can point at the key or at the value.
 *
 * @param value the value read, or {@code null} when the key is present but its value is empty or of the wrong type
 *     (the schema check reports why)
 * @param keyRange the range of the key
 * @param valueRange the range of the value
 * @param <T> the type of the value
 */
public record Located<T>(T value, TextRange keyRange, TextRange valueRange) {

    /** Returns the value of {@code located}, or {@code null} when it is {@code null} or has no value. */
    public static <T> T valueOf(Located<T> located) {
        return located == null ? null : located.value();
    }

    /** Returns whether {@code located} holds a value. */
    public static boolean isKnown(Located<?> located) {
        return located != null && located.value() != null;
    }
}
