package dev.promptwise.core.strategy;

/** The shape of a workload's output ({@code task.outputFormat}); the strict ones are parsed by downstream systems. */
public enum OutputFormat {
    TEXT("text"),
    MARKDOWN("markdown"),
    JSON("json"),
    YAML("yaml"),
    XML("xml"),
    CSV("csv"),
    CODE("code"),
    LABEL("label");

    private final String id;

    OutputFormat(String id) {
        this.id = id;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns whether downstream systems parse this format, so that every deviation breaks them. */
    public boolean isStrict() {
        return this == JSON || this == YAML || this == XML || this == CSV || this == LABEL;
    }

    /** Returns whether this format is loose prose that readers, not parsers, consume. */
    public boolean isLoose() {
        return this == TEXT || this == MARKDOWN;
    }

    /** Returns the constant with this id (case-insensitive), or {@code null} when there is none. */
    public static OutputFormat fromId(String id) {
        return Ids.find(values(), id, OutputFormat::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
