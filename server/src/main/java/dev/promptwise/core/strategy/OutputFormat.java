package dev.promptwise.core.strategy;

/**
 * The shape of a workload's output ({@code task.outputFormat}), in one of three groups by how strict it is: the
 * structured ones are parsed by programs, code must compile or parse but varies widely, prose is read by people.
 */
public enum OutputFormat {
    TEXT("text", Strictness.PROSE),
    MARKDOWN("markdown", Strictness.PROSE),
    JSON("json", Strictness.STRUCTURED),
    YAML("yaml", Strictness.STRUCTURED),
    XML("xml", Strictness.STRUCTURED),
    CSV("csv", Strictness.STRUCTURED),
    CODE("code", Strictness.CODE),
    LABEL("label", Strictness.STRUCTURED),
    JSONL("jsonl", Strictness.STRUCTURED),
    /** Function or tool calls: arguments a program parses against a declared schema. */
    FUNCTION_CALL("function-call", Strictness.STRUCTURED),
    SQL("sql", Strictness.CODE),
    HTML("html", Strictness.CODE),
    DIALOGUE("dialogue", Strictness.PROSE);

    /** How strict a format is, the group that the output-consistency factor of the decision engine reads. */
    public enum Strictness {
        /** Parsed by a program: every deviation breaks it. */
        STRUCTURED,
        /** Must compile, parse or render, but its content varies widely. */
        CODE,
        /** Read by people, who tolerate variation. */
        PROSE
    }

    private final String id;
    private final Strictness strictness;

    OutputFormat(String id, Strictness strictness) {
        this.id = id;
        this.strictness = strictness;
    }

    /** Returns the group of formats this one belongs to. */
    public Strictness strictness() {
        return strictness;
    }

    /** Returns the id users write in the strategy file. */
    public String id() {
        return id;
    }

    /** Returns whether downstream systems parse this format, so that every deviation breaks them. */
    public boolean isStrict() {
        return strictness == Strictness.STRUCTURED;
    }

    /** Returns whether this format is loose prose that readers, not parsers, consume. */
    public boolean isLoose() {
        return strictness == Strictness.PROSE;
    }

    /**
     * Returns the constant that {@code id} spells in any case, with any separators or as a synonym
     * ({@link Spellings#OUTPUT_FORMAT}), or {@code null} when it spells none.
     */
    public static OutputFormat fromId(String id) {
        return Ids.find(values(), Spellings.OUTPUT_FORMAT.canonical(id), OutputFormat::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
