package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Checks the OpenAI chat overhead: 3 tokens per message, 1 more per name, 3 to prime the reply. */
class ChatFormatTest {

    @Test
    void overheadCountsMessagesNamesAndTheReplyPrimer() {
        assertEquals(3 + 3, ChatFormat.overhead(1, 0));
        assertEquals(3 * 3 + 1 + 3, ChatFormat.overhead(3, 1));
    }

    @Test
    void noMessagesCostNothing() {
        assertEquals(0, ChatFormat.overhead(0, 0));
    }
}
