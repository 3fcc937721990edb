package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import java.util.List;

/** Placeholder: the whole file as one user message, until the real parser lands. */
final class PlainTextParser {

    private PlainTextParser() {}

    static PromptDocument parse(String text) {
        TextRange whole = new TextRange(0, text.length());
        return new PromptDocument(PromptFormat.PLAIN_TEXT, text, List.of(new Message("user", whole, whole, text)),
                List.of(), List.of(), null, null, List.of(), List.of(), false);
    }
}
