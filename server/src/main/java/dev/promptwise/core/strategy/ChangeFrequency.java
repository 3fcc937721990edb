package dev.promptwise.core.strategy;

/** How often a workload's requirements change ({@code requirements.changeFrequency}), most often first. */
public enum ChangeFrequency {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    YEARLY("yearly");

    private final String id;

    ChangeFrequency(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns whether changes come weekly or more often, so that a trained model would keep going stale. */
    public boolean isVolatile() {
        return this == DAILY || this == WEEKLY;
    }

    /** Returns whether changes come quarterly or less often, so that a trained model stays valid. */
    public boolean isStable() {
        return this == QUARTERLY || this == YEARLY;
    }

    /** Returns the constant with this id (case-insensitive), or {@code null} when there is none. */
    public static ChangeFrequency fromId(String id) {
        return Ids.find(values(), id, ChangeFrequency::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
