package dev.promptwise.core.analysis;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.features.StrategyLinks;
import dev.promptwise.core.rules.prompt.RuleMemo;
import dev.promptwise.core.semantics.SemanticMemo;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadMemo;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyMemo;
import dev.promptwise.core.syntax.SyntaxMemo;
import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.tokens.TokenCounters;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything one façade remembers between calls, in rust-analyzer's sense of an analysis host: one memo per layer,
 * each defined by its layer and passed down explicitly, and {@link #clear} forgets them all. Nothing is static: a
 * second façade (another catalog, another workspace) has a host of its own and shares no memo with this one.
 *
 * <ul>
 *   <li>{@link KnownChanges} (core.text): the edits the document store hands over ({@link #edited}) and the
 *       comparisons made, which every incremental pass below asks;
 *   <li>{@link TokenCounters} (core.tokens): segment counts and the last large texts, per encoding;
 *   <li>{@link SyntaxMemo} (core.syntax): example scans, Prompty role lines, template scans, documents of small
 *       texts;
 *   <li>{@link StrategyMemo} (core.strategy): each path's last parse, the schema and its workload problems, paths;
 *   <li>{@link SemanticMemo} and {@link WorkloadMemo} (core.semantics): example counts and format-line figures of
 *       large prompts; each strategy file's workload analyses;
 *   <li>{@link RuleMemo} (core.rules.prompt): the duplicate-instruction rule's sentences, repeats and line
 *       indexes;
 *   <li>here: the prompt indexes of recent strategy versions and the catalog of the last strategy version.
 * </ul>
 */
public final class AnalysisHost {

    /** How many strategy versions' prompt indexes are kept; a workspace rarely has more strategy files. */
    private static final int PROMPT_INDEXES = 8;

    private final KnownChanges changes = new KnownChanges();
    private final TokenCounters tokens = new TokenCounters(changes);
    private final SyntaxMemo syntax = new SyntaxMemo(changes);
    private final StrategyMemo strategies = new StrategyMemo();
    private final SemanticMemo semantics = new SemanticMemo(changes);
    private final WorkloadMemo workloads = new WorkloadMemo();
    private final RuleMemo rules = new RuleMemo(changes);
    /** The prompt indexes of the most recent strategy versions, newest first. */
    private final ArrayDeque<StrategyLinks.PromptIndex> promptIndexes = new ArrayDeque<>();
    private volatile StrategyCatalog lastStrategyCatalog;

    /**
     * Records that the document store turned {@code old} into {@code current} with {@code change} (an editor's
     * incremental edit), so that the incremental passes of the next analysis know where the versions differ without
     * comparing them. The store calls it for every edit, in order, on its message thread.
     */
    public void edited(String old, String current, TextChange change) {
        changes.record(old, current, change);
    }

    /** Forgets every memo of every layer: the next analysis is one from scratch. */
    public void clear() {
        changes.clear();
        tokens.clear();
        syntax.clear();
        strategies.clear();
        semantics.clear();
        workloads.clear();
        rules.clear();
        synchronized (promptIndexes) {
            promptIndexes.clear();
        }
        lastStrategyCatalog = null;
    }

    TokenCounters tokens() {
        return tokens;
    }

    SyntaxMemo syntax() {
        return syntax;
    }

    StrategyMemo strategies() {
        return strategies;
    }

    SemanticMemo semantics() {
        return semantics;
    }

    WorkloadMemo workloads() {
        return workloads;
    }

    RuleMemo rules() {
        return rules;
    }

    /** Returns the prompt index of {@code strategy}'s version, read once per version while it is recent. */
    StrategyLinks.PromptIndex promptIndex(StrategyDocument strategy) {
        synchronized (promptIndexes) {
            for (StrategyLinks.PromptIndex index : promptIndexes) {
                if (index.isOf(strategy.strategy(), strategy.path())) {
                    return index;
                }
            }
        }
        StrategyLinks.PromptIndex index = StrategyLinks.promptIndex(strategy.strategy(), strategy.path(),
                strategies::resolve);
        synchronized (promptIndexes) {
            promptIndexes.addFirst(index);
            if (promptIndexes.size() > PROMPT_INDEXES) {
                promptIndexes.removeLast();
            }
        }
        return index;
    }

    /**
     * Returns the catalog of a strategy version: {@code base} with the values of its {@code models} section (which
     * {@code modelValues} reads) applied, which {@code build} makes. One strategy version prices all its workloads'
     * prompts: its catalog is built once, not once per prompt, and kept while the versions' models sections hold
     * the same values, so that analyses made with it stay valid.
     */
    PriceCatalog strategyCatalog(StrategyFile strategy, PriceCatalog base,
            Function<StrategyFile, Object> modelValues, Function<Object, PriceCatalog> build) {
        StrategyCatalog last = lastStrategyCatalog;
        if (last != null && last.strategy() == strategy && last.base() == base) {
            return last.catalog();
        }
        Object models = modelValues.apply(strategy);
        if (last != null && last.base() == base && Objects.equals(last.models(), models)) {
            lastStrategyCatalog = new StrategyCatalog(strategy, base, models, last.catalog());
            return last.catalog();
        }
        PriceCatalog built = build.apply(models);
        lastStrategyCatalog = new StrategyCatalog(strategy, base, models, built);
        return built;
    }

    /** The catalog last built for a strategy file version, the values of its models and the catalog it extends. */
    private record StrategyCatalog(StrategyFile strategy, PriceCatalog base, Object models, PriceCatalog catalog) {}
}
