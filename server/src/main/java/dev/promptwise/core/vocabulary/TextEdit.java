package dev.promptwise.core.vocabulary;

import dev.promptwise.core.text.TextRange;

/** Replace {@code range} of the document with {@code newText}. */
public record TextEdit(TextRange range, String newText) {}
