package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * An input that the file declares (Prompty {@code inputs}, Dotprompt {@code input.schema}, GitHub Models
 * {@code testData} keys, LangChain {@code input_variables}, Semantic Kernel {@code input_variables}).
 *
 * @param name the declared name
 * @param range the key or list item that declares it, for diagnostics and quick fixes
 * @param removalRange what a "remove unused input" fix deletes (the whole entry with its line), or {@code null}
 *     when the entry cannot be removed on its own
 * @param defaultValue the declared default as text, or {@code null} when none
 */
public record DeclaredInput(String name, TextRange range, TextRange removalRange, String defaultValue) {}
