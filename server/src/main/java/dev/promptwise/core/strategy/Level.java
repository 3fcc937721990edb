package dev.promptwise.core.strategy;

/** A four-step scale for a team's machine learning expertise ({@code team.mlExpertise}). */
public enum Level {
    NONE("none"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String id;

    Level(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns the constant with this id (case-insensitive), or {@code null} when there is none. */
    public static Level fromId(String id) {
        return Ids.find(values(), id, Level::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
