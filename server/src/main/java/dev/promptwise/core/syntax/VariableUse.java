package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * A template variable used in the prompt text.
 *
 * @param name the variable's root name ({@code user} for {@code {{user.name}}}), as inputs declare it
 * @param range the whole placeholder, delimiters included ({@code {{user.name}}})
 * @param nameRange just the name inside it
 */
public record VariableUse(String name, TextRange range, TextRange nameRange) {}
