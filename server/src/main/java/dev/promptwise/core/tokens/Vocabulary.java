package dev.promptwise.core.tokens;

import com.knuddels.jtokkit.api.Encoding;

/**
 * What a {@link TokenCounter} needs of a tokenizer: the number of tokens of a text counted as ordinary text (special
 * tokens such as {@code <|endoftext|>} as the characters they are). Implementations are immutable and thread-safe.
 */
@FunctionalInterface
interface Vocabulary {

    /** Returns the number of tokens of {@code text}; 0 for an empty text. Never throws on any string. */
    int countOrdinary(String text);

    /** Returns jtokkit's {@code encoding} as a vocabulary. */
    static Vocabulary of(Encoding encoding) {
        return encoding::countTokensOrdinary;
    }
}
