package dev.promptwise.core.strategy;

/** The field a workload's task belongs to ({@code task.domain}); some are specialised enough that a model must internalise their terms. */
public enum Domain {
    GENERAL("general"),
    CUSTOMER_SUPPORT("customer-support"),
    MARKETING("marketing"),
    EDUCATION("education"),
    CODE("code"),
    MEDICAL("medical"),
    LEGAL("legal"),
    FINANCE("finance"),
    MANUFACTURING("manufacturing"),
    SCIENTIFIC("scientific"),
    OTHER("other");

    private final String id;

    Domain(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns whether the domain is specialised (medical, legal, finance, manufacturing, scientific). */
    public boolean isSpecialised() {
        return this == MEDICAL || this == LEGAL || this == FINANCE || this == MANUFACTURING || this == SCIENTIFIC;
    }

    /** Returns the constant with this id (case-insensitive), or {@code null} when there is none. */
    public static Domain fromId(String id) {
        return Ids.find(values(), id, Domain::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
