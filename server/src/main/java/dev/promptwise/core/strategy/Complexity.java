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

    /** Returns the constant with this id (case-insensitive), or {@code null} when there is none. */
    public static Complexity fromId(String id) {
        return Ids.find(values(), id, Complexity::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
