package dev.promptwise.core.strategy;

/** The named ways of combining fine-tuning and prompting (DESIGN section 1); ids are the values of {@code fineTuning.pattern}. */
public enum HybridPattern {
    FOUNDATION_PLUS_SPECIALIZATION("foundation-plus-specialization"),
    HIERARCHICAL_PROMPTS("hierarchical-prompts"),
    ITERATIVE_REFINEMENT("iterative-refinement"),
    MULTI_MODEL("multi-model");

    private final String id;

    HybridPattern(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#PATTERN}), or {@code null} when it spells none.
     */
    public static HybridPattern fromId(String id) {
        return Ids.find(values(), Spellings.PATTERN.canonical(id), HybridPattern::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
