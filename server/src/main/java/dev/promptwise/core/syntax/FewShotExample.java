package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * One few-shot example: an input and the output the model should give for it.
 *
 * @param range the whole example in the file (what an "extract examples" fix removes)
 * @param input the example's input text
 * @param output the example's expected output text
 * @param kind how the file marks it
 * @param sentText what the example adds to the messages the model is sent, when that is neither its messages'
 *     content nor its range's text: a LangChain example as its {@code example_prompt} fills it; {@code null}
 *     otherwise
 */
public record FewShotExample(TextRange range, String input, String output, Kind kind, String sentText) {

    /** Creates an example whose sent text is its input and output (a message pair) or its range's text. */
    public FewShotExample(TextRange range, String input, String output, Kind kind) {
        this(range, input, output, kind, null);
    }

    /** How an example is written. */
    public enum Kind {
        /** A user/assistant message pair before the last user message. */
        MESSAGE_PAIR,
        /** A structured list in the file's metadata (LangChain {@code examples}). */
        STRUCTURED,
        /** Written as text inside a message: {@code Example 1:}, {@code Input:/Output:}, {@code Q:/A:}, tags. */
        TEXT
    }
}
