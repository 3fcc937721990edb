package dev.promptwise.core.strategy;

/** How hard a workload's task is ({@code task.complexity}). */
public enum Complexity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String id;

    Complexity(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#COMPLEXITY}), or {@code null} when it spells none.
     */
    public static Complexity fromId(String id) {
        return Ids.find(values(), Spellings.COMPLEXITY.canonical(id), Complexity::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
