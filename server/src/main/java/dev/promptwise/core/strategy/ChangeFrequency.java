package dev.promptwise.core.strategy;

/** How often a workload's requirements change ({@code requirements.changeFrequency}), most often first. */
public enum ChangeFrequency {
    HOURLY("hourly"),
    DAILY("daily"),
    WEEKLY("weekly"),
    /** Every two weeks. */
    BIWEEKLY("biweekly"),
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    YEARLY("yearly"),
    /** Less than once a year. */
    RARELY("rarely"),
    NEVER("never");

    private final String id;

    ChangeFrequency(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns whether changes come every two weeks or more often, so a trained model would keep going stale. */
    public boolean isVolatile() {
        return compareTo(BIWEEKLY) <= 0;
    }

    /** Returns whether changes come quarterly or less often, so that a trained model stays valid. */
    public boolean isStable() {
        return compareTo(QUARTERLY) >= 0;
    }

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#CHANGE_FREQUENCY}), or {@code null} when it spells none.
     */
    public static ChangeFrequency fromId(String id) {
        return Ids.find(values(), Spellings.CHANGE_FREQUENCY.canonical(id), ChangeFrequency::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
