package dev.promptwise.core.strategy;

/** How much a workload's requests differ from one another ({@code requirements.variability}). */
public enum Variability {
    UNIFORM("uniform"),
    VARIED("varied");

    private final String id;

    Variability(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#VARIABILITY}), or {@code null} when it spells none.
     */
    public static Variability fromId(String id) {
        return Ids.find(values(), Spellings.VARIABILITY.canonical(id), Variability::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
