package dev.promptwise.core.semantics;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyWorkspace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of a strategy file, analysed: every workload with its prompt, cost and recommendation, and the
 * catalog its {@code models} section extends. Immutable.
 *
 * @param document the parsed file
 * @param settings the settings it was analysed under
 * @param catalog the bundled catalog with the file's {@code models} applied
 * @param workloads per workload name, in file order
 * @param workspace the workspace the paths were checked against
 */
public record AnalyzedStrategy(StrategyDocument document, Settings settings, PriceCatalog catalog,
        Map<String, WorkloadAnalysis> workloads, StrategyWorkspace workspace) {

    public AnalyzedStrategy {
        workloads = Collections.unmodifiableMap(new LinkedHashMap<>(workloads));
    }

    public String path() {
        return document.path();
    }

    public StrategyFile strategy() {
        return document.strategy();
    }
}
