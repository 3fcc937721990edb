package dev.promptwise.core.features;

import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspacePaths;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The file paths a strategy file names ({@code prompt}, {@code fineTuning.dataset}), resolved inside the workspace,
 * for document links, go-to-definition and re-validating prompts when the strategy changes.
 */
public final class StrategyLinks {

    private StrategyLinks() {}

    /**
     * One path in the strategy file.
     *
     * @param workload the workload that names it
     * @param key {@code prompt} or {@code dataset}
     * @param range the range of the path's text
     * @param path the workspace-relative path it resolves to
     */
    public record Link(String workload, String key, TextRange range, String path) {}

    /**
     * Returns the paths of every workload that resolve inside the workspace, in file order; refused paths are left
     * out ({@code missing-prompt} reports them).
     */
    public static List<Link> links(StrategyFile strategy, String strategyPath) {
        return links(strategy, strategyPath, WorkspacePaths::resolve);
    }

    private static List<Link> links(StrategyFile strategy, String strategyPath,
            BiFunction<String, String, WorkspacePaths.Resolution> resolver) {
        List<Link> links = new ArrayList<>();
        for (Workload workload : strategy.workloads().values()) {
            add(links, workload.name(), "prompt", workload.prompt(), strategyPath, resolver);
            add(links, workload.name(), "dataset", workload.fineTuning().dataset(), strategyPath, resolver);
        }
        return links;
    }

    /** Returns the workloads whose prompt resolves to {@code promptPath}, in file order; empty when none does. */
    public static List<Workload> workloadsOf(StrategyFile strategy, String strategyPath, String promptPath) {
        return promptIndex(strategy, strategyPath).workloadsOf(promptPath);
    }

    /**
     * Returns which workloads name each prompt, read once: asking it for every prompt of a workspace costs one pass
     * over the workloads, where {@link #workloadsOf} costs a pass per prompt.
     */
    public static PromptIndex promptIndex(StrategyFile strategy, String strategyPath) {
        return promptIndex(strategy, strategyPath, WorkspacePaths::resolve);
    }

    /** Returns the prompt index as {@link #promptIndex(StrategyFile, String)} does, resolving paths with {@code resolver}. */
    public static PromptIndex promptIndex(StrategyFile strategy, String strategyPath,
            BiFunction<String, String, WorkspacePaths.Resolution> resolver) {
        Map<String, List<Workload>> byPrompt = new HashMap<>();
        for (Link link : links(strategy, strategyPath, resolver)) {
            if (link.key().equals("prompt")) {
                byPrompt.computeIfAbsent(link.path(), path -> new ArrayList<>(1))
                        .add(strategy.workload(link.workload()));
            }
        }
        return new PromptIndex(strategy, strategyPath, byPrompt);
    }

    /** The workloads of one version of a strategy file, by the workspace-relative path of the prompt they name. */
    public static final class PromptIndex {

        private final StrategyFile strategy;
        private final String strategyPath;
        private final Map<String, List<Workload>> byPrompt;

        private PromptIndex(StrategyFile strategy, String strategyPath, Map<String, List<Workload>> byPrompt) {
            this.strategy = strategy;
            this.strategyPath = strategyPath;
            this.byPrompt = byPrompt;
        }

        /** Returns the workloads whose prompt resolves to {@code promptPath}, in file order; empty when none does. */
        public List<Workload> workloadsOf(String promptPath) {
            return List.copyOf(byPrompt.getOrDefault(promptPath, List.of()));
        }

        /** Returns whether this index was read from exactly {@code strategy} (the same object) at {@code path}. */
        public boolean isOf(StrategyFile strategy, String path) {
            return this.strategy == strategy && strategyPath.equals(path);
        }
    }

    private static void add(List<Link> links, String workload, String key, Located<String> reference,
            String strategyPath, BiFunction<String, String, WorkspacePaths.Resolution> resolver) {
        String path = Located.valueOf(reference);
        if (path == null) {
            return;
        }
        WorkspacePaths.Resolution resolution = resolver.apply(strategyPath, path);
        if (resolution.isInsideWorkspace()) {
            links.add(new Link(workload, key, reference.valueRange(), resolution.path()));
        }
    }
}
