package dev.promptwise.core.tokens;

/**
 * The token overhead that OpenAI's chat format adds around messages, so that totals match what the API bills.
 */
public final class ChatFormat {

    /** Tokens every message costs besides its content (the role and the delimiters). */
    public static final int TOKENS_PER_MESSAGE = 3;

    /** Extra tokens of a message that sets a {@code name}. */
    public static final int TOKENS_PER_NAME = 1;

    /** Tokens that prime the assistant's reply, once per request. */
    public static final int TOKENS_TO_PRIME_REPLY = 3;

    private ChatFormat() {}

    /**
     * Returns the overhead of a request with {@code messageCount} messages, {@code namedMessageCount} of which set a
     * name; 0 when there are no messages.
     */
    public static int overhead(int messageCount, int namedMessageCount) {
        if (messageCount <= 0) {
            return 0;
        }
        return messageCount * TOKENS_PER_MESSAGE + namedMessageCount * TOKENS_PER_NAME + TOKENS_TO_PRIME_REPLY;
    }
}
