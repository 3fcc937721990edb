package dev.promptwise.core.vocabulary;

import dev.promptwise.core.text.TextRange;

/** A code lens: a label shown above {@code range}. */
public record Lens(TextRange range, String title) {}
