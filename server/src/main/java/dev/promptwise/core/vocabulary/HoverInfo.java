package dev.promptwise.core.vocabulary;

import dev.promptwise.core.text.TextRange;

/** A hover: Markdown for the range under the cursor. */
public record HoverInfo(TextRange range, String markdown) {}
