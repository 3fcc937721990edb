package dev.promptwise.core.strategy;


/** How a workload fits the model to its task; ids are the values users write for {@code approach}. */
public enum Approach {
    PROMPT_ENGINEERING("prompt-engineering"),
    FINE_TUNING("fine-tuning"),
    HYBRID("hybrid");

    private final String id;

    Approach(String id) {
        this.id = id;
    }

    /** Returns the id users write ({@code prompt-engineering}). */
    public String id() {
        return id;
    }

    /** Returns whether this approach trains a model, as fine-tuning and every hybrid pattern do. */
    public boolean trainsAModel() {
        return this != PROMPT_ENGINEERING;
    }

    /**
     * Returns the approach that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#APPROACH}), or {@code null} when it spells none.
     */
    public static Approach fromId(String id) {
        return Ids.find(values(), Spellings.APPROACH.canonical(id), Approach::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
