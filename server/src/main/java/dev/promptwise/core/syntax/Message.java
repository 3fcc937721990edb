package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * One chat message of a prompt.
 *
 * @param role {@code system}, {@code user}, {@code assistant}, {@code developer}, {@code model} or {@code tool};
 *     lower case
 * @param range the whole message in the file, role marker included; used for symbols and hovers
 * @param contentRange where {@code content} sits in the file; for YAML scalars that are quoted or folded this is
 *     the scalar's range and {@code content} is its value, which may differ from the raw text
 * @param content the text sent to the model (before template expansion); tokens are counted on it
 */
public record Message(String role, TextRange range, TextRange contentRange, String content) {}
