package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * One few-shot example: an input and the output the model should give for it.
 *
 * @param range the whole example in the file (what an "extract examples" fix removes)
 * @param input the example's input text
 * @param output the example's expected output text
 * @param kind how the file marks it
 */
public record FewShotExample(TextRange range, String input, String output, Kind kind) {

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
