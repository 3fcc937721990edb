package dev.promptwise.core.semantics;

import dev.promptwise.core.advice.CostOutlook;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.strategy.Budget;
import dev.promptwise.core.strategy.EntryFingerprint;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what each workload of a strategy file was analysed into (its prompt, cost, outlook and recommendation),
 * so that a keystroke re-analyses only the workload whose text it changed. An entry is found by everything the
 * analysis reads: the workload's own text (which fixes every value it declares), the text of its prompt and of the
 * files the prompt refers to ({@link AttachedFiles}), and, for the
 * whole file, its path, the settings, the catalog with the file's {@code models} applied and the values of its
 * {@code defaults}; when any of the latter changes, every entry of the file is dropped. After each complete analysis
 * only the entries of the workloads it found are kept, so the memo holds at most one entry per workload of the last
 * version of each file.
 */
public final class WorkloadMemo {

    /** What an entry computed: everything of a {@link WorkloadAnalysis} but the workload, whose ranges move. */
    public record Computed(String promptPath, AnalyzedPrompt prompt, WorkloadCost cost, CostOutlook outlook,
            Recommendation recommendation) {

        public WorkloadAnalysis of(Workload workload) {
            return new WorkloadAnalysis(workload, promptPath, prompt, cost, outlook, recommendation);
        }
    }

    /** The most strategy files remembered; past it the memo starts again. */
    private static final int MAX_FILES = 16;

    private final Map<String, FileMemo> files = new ConcurrentHashMap<>();

    /**
     * Returns the memo of one analysis pass over a version of the file at {@code strategyPath}: the entries of the
     * last complete pass when its context is the same, none otherwise.
     */
    public Pass begin(String strategyPath, Settings settings, PriceCatalog catalog, StrategyFile strategy) {
        Context context = new Context(settings, catalog, DefaultValues.of(strategy.defaults()));
        FileMemo last = files.get(strategyPath);
        Map<Key, Held> previous = last != null && last.context().equals(context) ? last.entries() : Map.of();
        return new Pass(strategyPath, context, previous);
    }

    /** Returns the text that fixes every value of {@code workload}, or {@code null} when it must not be remembered. */
    public static EntryFingerprint fingerprint(String strategyText, Workload workload) {
        return EntryFingerprint.of(strategyText, workload.range(), workload.name());
    }

    /** One pass over a version: lookups in the last pass's entries, and the entries this pass used. */
    public final class Pass {
        private final String strategyPath;
        private final Context context;
        private final Map<Key, Held> previous;
        private final Map<Key, Held> used = new HashMap<>();

        private Pass(String strategyPath, Context context, Map<Key, Held> previous) {
            this.strategyPath = strategyPath;
            this.context = context;
            this.previous = previous;
        }

        /** Returns what was computed for this workload text and prompt text, or {@code null} when nothing was. */
        public Computed find(EntryFingerprint fingerprint, String promptPath, String promptText,
                AttachedFiles attached) {
            if (fingerprint == null) {
                return null;
            }
            Held known = previous.get(new Key(fingerprint, promptPath, promptText, attached));
            if (known == null) {
                return null;
            }
            // The key kept is the stored one, whose fingerprint holds only its entry's text, not this version's.
            used.put(known.key(), known);
            return known.computed();
        }

        /** Records what was computed for this workload text and prompt text. */
        public void remember(EntryFingerprint fingerprint, String promptPath, String promptText,
                AttachedFiles attached, Computed computed) {
            if (fingerprint != null) {
                Key key = new Key(fingerprint.compact(), promptPath, promptText, attached);
                used.put(key, new Held(key, computed));
            }
        }

        /** Keeps this pass's entries as the file's memo, dropping those of workloads that are gone or changed. */
        public void complete() {
            if (files.size() >= MAX_FILES && !files.containsKey(strategyPath)) {
                files.clear();
            }
            files.put(strategyPath, new FileMemo(context, java.util.Collections.unmodifiableMap(used)));
        }
    }

    /** Forgets every file's entries. */
    public void clear() {
        files.clear();
    }

    /** Returns how many entries are remembered for the file at {@code strategyPath} (for tests). */
    public int size(String strategyPath) {
        FileMemo memo = files.get(strategyPath);
        return memo == null ? 0 : memo.entries().size();
    }

    /** What every workload of a file depends on besides its own text and prompt. */
    private record Context(Settings settings, PriceCatalog catalog, DefaultValues defaults) {

        @Override
        public boolean equals(Object other) {
            // The catalog is compared by identity: the façade builds one per distinct {@code models} section.
            return other instanceof Context that && settings.equals(that.settings) && catalog == that.catalog
                    && defaults.equals(that.defaults);
        }

        @Override
        public int hashCode() {
            return settings.hashCode() * 31 + System.identityHashCode(catalog);
        }
    }

    /** The values of the {@code defaults} section, without the ranges that move when lines above it change. */
    private record DefaultValues(String model, Double maxPromptTokens, Double maxMonthlyCost) {

        public static DefaultValues of(StrategyFile.Defaults defaults) {
            Budget budget = defaults.budget();
            return new DefaultValues(Located.valueOf(defaults.model()),
                    budget == null ? null : Located.valueOf(budget.maxPromptTokens()),
                    budget == null ? null : Located.valueOf(budget.maxMonthlyCost()));
        }
    }

    /**
     * One workload's text, where its prompt resolved, the prompt's text ({@code null} when unreadable) and what the
     * files the prompt refers to held.
     */
    private record Key(EntryFingerprint fingerprint, String promptPath, String promptText, AttachedFiles attached) {}

    /** A remembered analysis with the key it is stored under. */
    private record Held(Key key, Computed computed) {}

    /** The entries of a file's last complete pass and the context they were computed in. */
    private record FileMemo(Context context, Map<Key, Held> entries) {}
}
