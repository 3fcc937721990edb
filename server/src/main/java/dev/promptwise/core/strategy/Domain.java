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
    INSURANCE("insurance"),
    MANUFACTURING("manufacturing"),
    SCIENTIFIC("scientific"),
    HR("hr"),
    E_COMMERCE("e-commerce"),
    /** Also what a domain outside this list counts as; {@code task.specialized} then says how specialised it is. */
    OTHER("other");

    private final String id;

    Domain(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns whether the domain is specialised (medical, legal, finance, insurance, manufacturing, scientific). */
    public boolean isSpecialised() {
        return this == MEDICAL || this == LEGAL || this == FINANCE || this == INSURANCE || this == MANUFACTURING
                || this == SCIENTIFIC;
    }

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#DOMAIN}), or {@code null} when it spells none.
     */
    public static Domain fromId(String id) {
        return Ids.find(values(), Spellings.DOMAIN.canonical(id), Domain::id);
    }

    /**
     * Returns the domain that {@code text} spells, {@link #OTHER} for any other text (domains are open: the schema
     * check warns about it), or {@code null} for blank text.
     */
    public static Domain read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Domain known = fromId(text);
        return known != null ? known : OTHER;
    }

    @Override
    public String toString() {
        return id;
    }
}
