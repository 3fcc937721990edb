package dev.promptwise.core.analysis;

import dev.promptwise.core.advice.CostOutlook;
import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.catalog.FineTunables;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.FineTunedCost;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.features.PromptHovers;
import dev.promptwise.core.features.StrategyCompletion;
import dev.promptwise.core.features.StrategyHover;
import dev.promptwise.core.features.StrategySymbols;
import dev.promptwise.core.rules.strategy.StrategyContext;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AttachedFiles;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.semantics.WorkloadBinding;
import dev.promptwise.core.semantics.WorkloadMemo;
import dev.promptwise.core.strategy.EntryFingerprint;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyMemo;
import dev.promptwise.core.strategy.StrategySchema;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspacePaths;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.HoverInfo;
import dev.promptwise.core.vocabulary.Lens;
import dev.promptwise.core.vocabulary.Symbol;
import dev.promptwise.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The strategy file's features behind the façade: analysis of each workload, rules, hovers, lenses, completion. */
final class StrategyAnalyses {

    private StrategyAnalyses() {}

    /**
     * Analyses every workload of {@code document}, reusing the memo's results for the unchanged ones. The others
     * are analysed on {@code fanOut} when it is given (the command line passes a pool of its own, never one whose
     * threads wait here), else on the calling thread.
     */
    static AnalyzedStrategy analyze(PromptwiseAnalysis facade, StrategyDocument document, Settings settings,
            StrategyWorkspace workspace, PriceCatalog catalog, WorkloadMemo memo, Executor fanOut,
            Cancellation cancellation) {
        WorkloadMemo.Pass pass = memo.begin(document.path(), settings, catalog, document.strategy());
        StrategyMemo strategies = facade.host().strategies();
        // First, on this thread, what the memo and the workspace know: the pass and the workspace are not shared.
        List<Pending> pending = new ArrayList<>();
        for (Workload workload : document.strategy().workloads().values()) {
            cancellation.check();
            String promptPath = null;
            String promptText = null;
            AttachedFiles attached = AttachedFiles.NONE;
            String reference = Located.valueOf(workload.prompt());
            if (reference != null) {
                WorkspacePaths.Resolution resolution = strategies.resolve(document.path(), reference);
                if (resolution.isInsideWorkspace()) {
                    promptPath = resolution.path();
                    promptText = readPrompt(workspace, promptPath);
                    if (promptText != null) {
                        attached = facade.attachedFiles(promptPath, formatOf(facade, promptPath, promptText),
                                promptText, workspace);
                    }
                }
            }
            EntryFingerprint fingerprint = WorkloadMemo.fingerprint(document.text(), workload);
            Pending entry = new Pending(workload, fingerprint, promptPath, promptText, attached);
            entry.computed = pass.find(fingerprint, promptPath, promptText, attached);
            pending.add(entry);
        }
        // Then the workloads the memo did not know, each on its own: a pure function of its inputs.
        List<CompletableFuture<WorkloadMemo.Computed>> computing = new ArrayList<>();
        for (Pending entry : pending) {
            if (entry.computed == null) {
                Supplier<WorkloadMemo.Computed> work = () -> {
                    cancellation.check();
                    return compute(facade, document, entry, settings, catalog);
                };
                entry.future = fanOut == null ? CompletableFuture.completedFuture(work.get())
                        : CompletableFuture.supplyAsync(work, fanOut);
                computing.add(entry.future);
            }
        }
        try {
            CompletableFuture.allOf(computing.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        Map<String, WorkloadAnalysis> workloads = new LinkedHashMap<>();
        for (Pending entry : pending) {
            if (entry.computed == null) {
                entry.computed = entry.future.join();
                pass.remember(entry.fingerprint, entry.promptPath, entry.promptText, entry.attached, entry.computed);
            }
            workloads.put(entry.workload.name(), entry.computed.of(entry.workload));
        }
        pass.complete();
        return new AnalyzedStrategy(document, settings, catalog, workloads, workspace);
    }

    /** One workload on its way through {@link #analyze}: what it was read from, and its result once known. */
    private static final class Pending {
        final Workload workload;
        final EntryFingerprint fingerprint;
        final String promptPath;
        final String promptText;
        final AttachedFiles attached;
        WorkloadMemo.Computed computed;
        CompletableFuture<WorkloadMemo.Computed> future;

        Pending(Workload workload, EntryFingerprint fingerprint, String promptPath, String promptText,
                AttachedFiles attached) {
            this.workload = workload;
            this.fingerprint = fingerprint;
            this.promptPath = promptPath;
            this.promptText = promptText;
            this.attached = attached;
        }
    }

    private static WorkloadMemo.Computed compute(PromptwiseAnalysis facade, StrategyDocument document, Pending entry,
            Settings settings, PriceCatalog catalog) {
        AnalyzedPrompt prompt = entry.promptText == null ? null : analyzePrompt(facade, document, entry.workload,
                entry.promptPath, entry.promptText, entry.attached, settings, catalog);
        WorkloadCost cost = prompt == null ? null : prompt.cost().orElse(null);
        CostOutlook outlook = outlookOf(cost);
        Recommendation recommendation = DecisionEngine.recommend(entry.workload, outlook);
        return new WorkloadMemo.Computed(entry.promptPath, prompt, cost, outlook, recommendation);
    }

    /** Returns what the strategy rules read of an analysed strategy file: its facts, catalog, files and costs. */
    static StrategyContext ruleContext(AnalyzedStrategy strategy, StrategyMemo memo) {
        PriceCatalog catalog = strategy.catalog();
        return new StrategyContext(strategy.strategy(), strategy.path(), strategy.settings(),
                id -> catalog.resolve(id).isPresent(), catalog::suggestions, strategy.workspace(),
                workload -> analysisOf(strategy, workload).map(WorkloadAnalysis::outlook).orElse(null),
                workload -> analysisOf(strategy, workload).map(WorkloadAnalysis::cost).orElse(null), memo,
                catalog::rankedSuggestions, catalog);
    }

    static Optional<HoverInfo> hover(AnalyzedStrategy strategy, int offset) {
        StrategyFile file = strategy.strategy();
        for (WorkloadAnalysis analysis : strategy.workloads().values()) {
            Located<String> model = analysis.workload().model();
            if (model != null && model.valueRange() != null && model.valueRange().contains(offset)
                    && model.value() != null) {
                ModelInfo info = strategy.catalog().resolve(model.value()).orElse(null);
                return Optional.of(new HoverInfo(model.valueRange(), PromptHovers.modelMarkdown(model.value(), info)));
            }
        }
        Optional<HoverInfo> hover = StrategyHover.hover(file, offset,
                workload -> analysisOf(strategy, workload).map(WorkloadAnalysis::outlook).orElse(null));
        if (hover.isEmpty()) {
            return hover;
        }
        for (WorkloadAnalysis analysis : strategy.workloads().values()) {
            if (analysis.workload().nameRange().contains(offset) && analysis.cost() != null
                    && analysis.cost().now().isPresent()) {
                CostFigures now = analysis.cost().now().get();
                String markdown = hover.get().markdown() + "\n\n---\n\n**Cost at " + Money.number(now.requestsPerDay())
                        + " requests/day on " + now.modelId() + "**\n\n" + CostMessages.breakdownTable(now);
                return Optional.of(new HoverInfo(hover.get().range(), markdown));
            }
        }
        return hover;
    }

    static List<Lens> lenses(AnalyzedStrategy strategy) {
        List<Lens> lenses = new ArrayList<>();
        for (WorkloadAnalysis analysis : strategy.workloads().values()) {
            lenses.add(new Lens(analysis.workload().nameRange(), costTitle(analysis)));
            Recommendation recommendation = analysis.recommendation();
            lenses.add(new Lens(analysis.workload().nameRange(), "Recommended: " + recommendation.label()
                    + " (confidence " + recommendation.confidencePercent() + ")"));
        }
        return lenses;
    }

    static List<Symbol> symbols(AnalyzedStrategy strategy) {
        return StrategySymbols.symbols(strategy.strategy());
    }

    static List<StrategyCompletion.Choice> completion(AnalyzedStrategy strategy, int offset, List<String> files,
            StrategySchema schema) {
        List<StrategyCompletion.ModelChoice> models = new ArrayList<>();
        for (ModelInfo model : strategy.catalog().models()) {
            if (model.id().indexOf('/') >= 0) {
                // A provider's route (azure/…, bedrock/…) is typed by those who use it; completion offers the models.
                continue;
            }
            models.add(new StrategyCompletion.ModelChoice(model.id(), Money.usd(model.input()) + " / "
                    + Money.usd(model.output()) + " per 1M tokens (" + model.provider() + ")"));
        }
        return StrategyCompletion.complete(strategy.document().text(), offset, models, files, strategy.path(), schema);
    }

    /**
     * Returns {@code catalog} with a strategy file's {@code models} applied, given as their values (a map by model
     * id, as {@code YamlValues.toJava} reads the section); {@code catalog} itself when there are none or they fail.
     */
    static PriceCatalog catalogOf(PriceCatalog catalog, Object modelValues, Consumer<String> log) {
        if (!(modelValues instanceof Map<?, ?> models) || models.isEmpty()) {
            return catalog;
        }
        try {
            Map<String, Object> entries = new LinkedHashMap<>();
            models.forEach((id, values) -> entries.put(String.valueOf(id), values));
            return catalog.withOverrides(PriceCatalog.fromMapping(entries));
        } catch (RuntimeException e) {
            // The schema rule reports ill-typed model entries on their keys; pricing falls back to the bundled one.
            log.accept("The strategy file's models could not be added to the catalog: " + e.getMessage());
            return catalog;
        }
    }

    static String costTitle(WorkloadAnalysis analysis) {
        WorkloadCost cost = analysis.cost();
        if (analysis.prompt() == null) {
            return "Cost unknown: the prompt cannot be read";
        }
        if (cost == null) {
            return "Cost unknown: " + analysis.prompt().modelId() + " is not in the price catalog";
        }
        if (cost.now().isEmpty()) {
            return "Cost unknown: add traffic.requestsPerDay";
        }
        StringBuilder title = new StringBuilder("Now ").append(CostMessages.monthly(cost.now().get()));
        if (cost.fineTuned().isEmpty()) {
            FineTunables.Choice choice = analysis.prompt().fineTuningBase();
            String declared = analysis.prompt().binding() == null ? null
                    : analysis.prompt().binding().fineTuningBaseModel();
            String why = !choice.declared() ? analysis.prompt().model().id() + " cannot be fine-tuned"
                    : analysis.prompt().catalog().resolve(declared).isPresent() ? declared + " cannot be fine-tuned"
                    : declared + " is not in the price catalog";
            return title.append(" · no fine-tuned alternative: ").append(why).toString();
        }
        FineTunedCost tuned = cost.fineTuned().get();
        String base = tuned.baseModelId();
        // Every fine-tuned figure names its base model; a different base's own price comes first, as a model switch.
        if (tuned.switchesModel()) {
            tuned.modelSwitch().ifPresent(figures -> title.append(" · model switch to ").append(base).append(' ')
                    .append(figures.isLowerBound() ? "at least " : "")
                    .append(Money.perMonth(figures.costPerMonth(), tuned.estimated() || figures.estimated())));
        }
        monthly(tuned).ifPresent(m -> title.append(" · fine-tuned ").append(base).append(' ').append(m));
        cost.hybrid().flatMap(ft -> monthly(ft)).ifPresent(m -> title.append(" · hybrid ").append(base).append(' ')
                .append(m));
        if (tuned.trainingCost().isPresent()) {
            title.append(" · ").append(Money.training(tuned.trainingCost().getAsDouble(), tuned.estimated(),
                    tuned.trainingPriceUnconfirmed()));
        }
        title.append(" · break-even ").append(Money.breakEven(boxed(tuned.promptBreakEvenDays()),
                boxed(tuned.trainingCost()), boxed(tuned.savingFromPrompt())));
        return title.toString();
    }

    private static Optional<String> monthly(FineTunedCost cost) {
        boolean lowerBound = cost.inference().map(CostFigures::isLowerBound).orElse(false);
        return cost.costPerMonth().isPresent()
                ? Optional.of((lowerBound ? "at least " : "") + Money.flagged(Money.perMonth(
                        cost.costPerMonth().getAsDouble(), cost.estimated()), cost.retrainingUnconfirmed()))
                : Optional.empty();
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** Returns the text of the prompt file at {@code promptPath}, or {@code null} when it is missing or a folder. */
    private static String readPrompt(StrategyWorkspace workspace, String promptPath) {
        if (!workspace.exists(promptPath) || workspace.isDirectory(promptPath)) {
            return null;
        }
        return workspace.read(promptPath).orElse(null);
    }

    /** Returns the format a workload's prompt is read in: its own, else plain text. */
    private static PromptFormat formatOf(PromptwiseAnalysis facade, String promptPath, String text) {
        return facade.formatOf(promptPath, text).orElse(PromptFormat.PLAIN_TEXT);
    }

    private static AnalyzedPrompt analyzePrompt(PromptwiseAnalysis facade, StrategyDocument document,
            Workload workload, String promptPath, String text, AttachedFiles attached, Settings settings,
            PriceCatalog catalog) {
        PromptFormat chosen = formatOf(facade, promptPath, text);
        // The analysis is remembered beyond this version of the file, so its binding holds only what pricing reads
        // (the workload and the defaults), not this version's text and tree, which would otherwise stay in memory.
        StrategyFile defaultsOnly = new StrategyFile("", new YamlDocument(null, List.of()), null,
                document.strategy().defaults(), Map.of(), Map.of());
        return facade.analyze(promptPath, chosen, text, settings,
                new WorkloadBinding(document.path(), "", defaultsOnly, workload), catalog, attached);
    }

    private static CostOutlook outlookOf(WorkloadCost cost) {
        if (cost == null || cost.now().isEmpty() || cost.fineTuned().isEmpty()) {
            return null;
        }
        FineTunedCost fineTuned = cost.fineTuned().get();
        if (fineTuned.costPerMonth().isEmpty() || fineTuned.trainingCost().isEmpty()) {
            return null;
        }
        return new CostOutlook(cost.now().get().costPerMonth(), fineTuned.costPerMonth().getAsDouble(),
                fineTuned.trainingCost().getAsDouble(),
                fineTuned.promptBreakEvenDays().isPresent() ? fineTuned.promptBreakEvenDays().getAsDouble() : null,
                fineTuned.estimated() || cost.now().get().estimated(), fineTuned.trainingPriceUnconfirmed(),
                fineTuned.baseModelId(),
                fineTuned.modelSwitch().map(CostFigures::costPerMonth).orElse(cost.now().get().costPerMonth()),
                fineTuned.retrainingUnconfirmed());
    }

    private static Optional<WorkloadAnalysis> analysisOf(AnalyzedStrategy strategy, Workload workload) {
        return Optional.ofNullable(strategy.workloads().get(workload.name()));
    }
}
