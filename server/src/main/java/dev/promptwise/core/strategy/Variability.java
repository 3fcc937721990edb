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

    /** Returns the constant with this id (case-insensitive), or {@code null} when there is none. */
    public static Variability fromId(String id) {
        return Ids.find(values(), id, Variability::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
