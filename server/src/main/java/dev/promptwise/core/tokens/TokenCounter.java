package dev.promptwise.core.tokens;

/** Placeholder token counter (characters / 4) until the jtokkit one lands. */
public final class TokenCounter {

    private final String encoding;

    private TokenCounter(String encoding) {
        this.encoding = encoding;
    }

    /** Returns the shared counter for an encoding name ({@code o200k_base}, {@code cl100k_base}). */
    public static TokenCounter forEncoding(String encoding) {
        return new TokenCounter(encoding);
    }

    public String encoding() {
        return encoding;
    }

    /** Returns the number of tokens of {@code text}, special-token text counted as ordinary text. */
    public int count(String text) {
        return (text.length() + 3) / 4;
    }
}
