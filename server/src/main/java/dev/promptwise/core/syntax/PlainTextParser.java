package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * Parses plain prompt files ({@code *.txt} and {@code *.md} below a folder named {@code prompts}): the whole file,
 * exactly as written, is one user message, with no template variables and no declared inputs.
 */
final class PlainTextParser {

    private PlainTextParser() {}

    /** Parses {@code text} from scratch, with a memo of its own; never throws on user input. */
    static PromptDocument parse(String text) {
        return parse(text, new SyntaxMemo());
    }

    static PromptDocument parse(String text, SyntaxMemo memo) {
        TextRange whole = new TextRange(0, text.length());
        List<Message> messages = List.of(new Message("user", whole, whole, text, true));
        return new PromptDocument(PromptFormat.PLAIN_TEXT, text, messages, List.of(), List.of(), null, null,
                ExampleFinder.find(text, messages, memo), List.of(), false);
    }
}
