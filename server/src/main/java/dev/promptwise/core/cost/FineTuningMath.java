package dev.promptwise.core.cost;

import java.util.Locale;

/**
 * The provider's fine-tuning arithmetic (epochs, tokens of a training line, retraining rate), apart from prices so
 * that each rule can be tested on its own.
 */
public final class FineTuningMath {

    /** OpenAI's default number of epochs before it adjusts to the dataset's size. */
    public static final int DEFAULT_EPOCHS = 3;

    /** OpenAI aims for at least this many examples times epochs. */
    public static final int MIN_TRAINED_EXAMPLES = 100;

    /** OpenAI aims for at most this many examples times epochs. */
    public static final int MAX_TRAINED_EXAMPLES = 25_000;

    /** OpenAI never picks more epochs than this by default. */
    public static final int MAX_DEFAULT_EPOCHS = 25;

    /** Tokens of a role name: {@code system}, {@code user} and {@code assistant} are one token each. */
    static final int ROLE_TOKENS = 1;

    /** Tokens that each message of a chat example costs besides its content and role. */
    static final int MESSAGE_OVERHEAD = 3;

    /** Tokens that end every chat example. */
    static final int EXAMPLE_OVERHEAD = 3;

    private FineTuningMath() {}

    /**
     * Returns the epochs the provider trains for: {@code requested} when set, otherwise OpenAI's default of 3,
     * raised to {@code 100 / examples} (at most 25) when examples × 3 is under 100, or lowered to
     * {@code 25,000 / examples} (at least 1) when it is over 25,000, both divisions rounded down. Returns 0 when
     * there are no examples.
     */
    public static int effectiveEpochs(Integer requested, int examples) {
        if (requested != null && requested > 0) {
            return requested;
        }
        if (examples <= 0) {
            return 0;
        }
        long trained = (long) examples * DEFAULT_EPOCHS;
        if (trained < MIN_TRAINED_EXAMPLES) {
            return Math.min(MAX_DEFAULT_EPOCHS, MIN_TRAINED_EXAMPLES / examples);
        }
        if (trained > MAX_TRAINED_EXAMPLES) {
            return Math.max(1, MAX_TRAINED_EXAMPLES / examples);
        }
        return DEFAULT_EPOCHS;
    }

    /**
     * Returns the tokens of one training line: the production prompt's messages (with the example's input in place
     * of the variables), then the example's answer as an assistant message. Each message costs 3 + 1 (its role) +
     * its content, and the line ends with 3 more: {@code 4 × (promptMessages + 1) + promptStaticTokens +
     * avgExampleTokens + 3}. A prompt of no message still sends the example's input in one user message.
     */
    public static double tokensPerTrainingLine(int promptMessages, int promptStaticTokens, double avgExampleTokens) {
        int messages = Math.max(1, promptMessages) + 1;
        return messages * (MESSAGE_OVERHEAD + ROLE_TOKENS) + promptStaticTokens + avgExampleTokens + EXAMPLE_OVERHEAD;
    }

    /**
     * Returns how many times a month the requirements change, each change meaning a retraining: hourly 720, daily
     * 30, weekly 4.33, biweekly (every two weeks) 2.165, monthly 1, quarterly 1/3, yearly 1/12, rarely (less than
     * once a year) counted as yearly, never 0; 0 for {@code null} or an unknown value. The ids are those of
     * {@code ChangeFrequency}, whose other spellings the strategy parser has already read into them.
     */
    public static double changesPerMonth(String changeFrequency) {
        if (changeFrequency == null) {
            return 0;
        }
        switch (changeFrequency.trim().toLowerCase(Locale.ROOT)) {
            case "hourly":
                return 720;
            case "daily":
                return 30;
            case "weekly":
                return 4.33;
            case "biweekly":
                return 4.33 / 2;
            case "monthly":
                return 1;
            case "quarterly":
                return 1.0 / 3;
            case "yearly", "rarely":
                return 1.0 / 12;
            default:
                return 0;
        }
    }
}
