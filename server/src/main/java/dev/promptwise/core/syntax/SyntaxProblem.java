package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * Something broken in a prompt file: front matter that does not parse or never closes, a template block that is
 * never closed, unbalanced braces. Rule {@code invalid-prompt-file} reports each one.
 *
 * @param range where the problem is
 * @param message a sentence for the user, naming what is wrong and, where known, how to fix it
 */
public record SyntaxProblem(TextRange range, String message) {}
