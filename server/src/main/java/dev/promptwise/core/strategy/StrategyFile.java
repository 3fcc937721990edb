package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed strategy file ({@code promptwise.yaml}, {@code *.strategy.yaml}): the facts behind each workload, each
 * with its ranges, and the YAML it was read from (for schema validation and hovers).
 *
 * @param text the text the file was read from (for edits that must match its indentation)
 * @param yaml the YAML tree and its problems (syntax errors, limits, duplicate keys)
 * @param version the file format's version
 * @param defaults defaults for every workload
 * @param models user additions to the price catalog, by id, in file order
 * @param workloads the workloads, by name, in file order
 */
public record StrategyFile(
        String text,
        YamlDocument yaml,
        Located<Double> version,
        Defaults defaults,
        Map<String, ModelEntry> models,
        Map<String, Workload> workloads) {

    public StrategyFile {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        workloads = Collections.unmodifiableMap(new LinkedHashMap<>(workloads));
    }

    /** Returns the workload with this name, or {@code null} when there is none. */
    public Workload workload(String name) {
        return workloads.get(name);
    }

    /** Returns the model that the workload uses: its own, else the defaults', or {@code null} when neither. */
    public String modelOf(Workload workload) {
        String own = Located.valueOf(workload.model());
        return own != null ? own : Located.valueOf(defaults.model());
    }

    /**
     * Defaults for every workload.
     *
     * @param keyRange the range of the {@code defaults} key, or {@code null} when the section is absent
     */
    public record Defaults(TextRange keyRange, Located<String> model, Budget budget) {
        public static final Defaults ABSENT = new Defaults(null, null, Budget.ABSENT);
    }
}
