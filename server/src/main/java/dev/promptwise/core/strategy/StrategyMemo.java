package dev.promptwise.core.strategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An analysis host's memo of strategy files: the last version parsed at each path (the starting point of the next
 * version's parse), the last reparsed tree's node count, the host's own copy of the schema with the problems of the
 * workloads it validated, and the paths resolved. Nothing here is shared with another host; {@link #clear}
 * forgets it all.
 */
public final class StrategyMemo {

    /** The most strategy file paths whose last parse is remembered; past it the memo starts again. */
    private static final int MAX_REMEMBERED_STRATEGY_PATHS = 64;
    /** The most resolutions remembered; past it the memo starts again. */
    private static final int MAX_REMEMBERED_PATHS = 50_000;

    private final Map<String, StrategyFile> lastParses = new ConcurrentHashMap<>();
    private volatile StrategyReparse.TreeSize lastTreeSize;
    private volatile StrategySchema schema;
    private final Map<Reference, WorkspacePaths.Resolution> resolved = new ConcurrentHashMap<>();

    /** What a resolution depends on. */
    private record Reference(String strategyFilePath, String reference) {}

    /**
     * Parses one version of the strategy file at {@code path}, from the last version parsed there: an edit inside
     * one workload re-reads only that workload's lines. The result equals {@link StrategyParser#parse(String)}'s.
     */
    public StrategyFile parse(String path, String text) {
        StrategyFile parsed = StrategyParser.parse(lastParses.get(path), text, this);
        if (lastParses.size() >= MAX_REMEMBERED_STRATEGY_PATHS && !lastParses.containsKey(path)) {
            lastParses.clear();
        }
        lastParses.put(path, parsed);
        return parsed;
    }

    /** Returns this host's schema, read on first use (about as long as a strategy file's first analysis). */
    public StrategySchema schema() {
        StrategySchema loaded = schema;
        if (loaded == null) {
            synchronized (this) {
                loaded = schema;
                if (loaded == null) {
                    loaded = StrategySchema.load();
                    schema = loaded;
                }
            }
        }
        return loaded;
    }

    /**
     * Resolves as {@link WorkspacePaths#resolve} does, remembering the answer: a strategy file of thousands of
     * workloads resolves each path on every keystroke, twice, and the answer is a pure function of the two texts.
     */
    public WorkspacePaths.Resolution resolve(String strategyFilePath, String reference) {
        if (reference == null || strategyFilePath == null) {
            return WorkspacePaths.resolve(strategyFilePath, reference);
        }
        Reference key = new Reference(strategyFilePath, reference);
        WorkspacePaths.Resolution known = resolved.get(key);
        if (known == null) {
            known = WorkspacePaths.resolve(strategyFilePath, reference);
            if (resolved.size() >= MAX_REMEMBERED_PATHS) {
                resolved.clear();
            }
            resolved.put(key, known);
        }
        return known;
    }

    /** Forgets every parse, count, validated workload and resolution. */
    public void clear() {
        lastParses.clear();
        lastTreeSize = null;
        schema = null;
        resolved.clear();
    }

    StrategyReparse.TreeSize lastTreeSize() {
        return lastTreeSize;
    }

    void lastTreeSize(StrategyReparse.TreeSize size) {
        lastTreeSize = size;
    }
}
