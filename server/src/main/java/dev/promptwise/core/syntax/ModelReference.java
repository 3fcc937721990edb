package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * The model a prompt file names, as written ({@code gpt-4o}, {@code openai/gpt-4o}, {@code googleai/gemini-2.5-flash},
 * {@code GPT-4o}); the price catalog resolves aliases.
 *
 * @param id the model id as written
 * @param range the value's range, for diagnostics and "replace with" fixes
 */
public record ModelReference(String id, TextRange range) {}
