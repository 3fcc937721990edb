package dev.promptwise.core.cost;

/**
 * The cost model's one tunable assumption, kept in a record so that tests and callers can state it instead of
 * relying on a hidden constant.
 *
 * @param cacheColdStartsPerDay requests per day that find the prompt cache empty and pay to fill it. The default,
 *     288, is one per 5-minute window: Anthropic's default cache lives 5 minutes after its last use and OpenAI
 *     keeps a prefix for 5 to 10 minutes of inactivity, so a workload that is quiet for a window at a time pays
 *     one cold request per window at most. A steady workload pays fewer, so the default errs towards a smaller
 *     saving.
 */
public record CostAssumptions(double cacheColdStartsPerDay) {

    /** One cold request per 5-minute window: 24 × 60 / 5 = 288 a day. */
    public static final CostAssumptions DEFAULTS = new CostAssumptions(288);
}
