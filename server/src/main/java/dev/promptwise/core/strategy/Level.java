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

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#LEVEL}), or {@code null} when it spells none.
     */
    public static Level fromId(String id) {
        return Ids.find(values(), Spellings.LEVEL.canonical(id), Level::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
