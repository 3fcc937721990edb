package dev.promptwise.core.vocabulary;

/** An inlay hint: {@code label} shown at {@code offset}, with a Markdown tooltip. */
public record InlayHintInfo(int offset, String label, String tooltip) {}
