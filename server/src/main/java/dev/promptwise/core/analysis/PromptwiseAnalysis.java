package dev.promptwise.core.analysis;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Limits;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.features.PromptHovers;
import dev.promptwise.core.features.PromptLenses;
import dev.promptwise.core.features.StrategyCompletion;
import dev.promptwise.core.features.StrategyLinks;
import dev.promptwise.core.rules.RuleFailureLog;
import dev.promptwise.core.rules.RuleRunner;
import dev.promptwise.core.rules.prompt.PromptContext;
import dev.promptwise.core.rules.registry.RuleRegistry;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.AttachedFiles;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadBinding;
import dev.promptwise.core.semantics.WorkloadMemo;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.strategy.WorkspacePaths;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.syntax.SyntaxMemo;
import dev.promptwise.core.syntax.SyntaxProblem;
import dev.promptwise.core.text.TextDecoding;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.core.tokens.TokenizerFile;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.HoverInfo;
import dev.promptwise.core.vocabulary.InlayHintInfo;
import dev.promptwise.core.vocabulary.Lens;
import dev.promptwise.core.vocabulary.Symbol;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The core's façade: one method per editor feature, text and settings in, plain records out. The LSP adapter
 * and the command line call only this; the feature classes behind it stay package-private.
 */
public final class PromptwiseAnalysis {

    /** The encoding used for models the catalog does not know; their counts are marked as estimates. */
    public static final String FALLBACK_ENCODING = "o200k_base";

    private static final String INVALID_PROMPT_FILE = "invalid-prompt-file";

    private final Supplier<PriceCatalog> catalogSource;
    private final Consumer<String> log;
    /** Runs prompt and strategy rules alike; a rule that throws is written to {@link #log} and skipped. */
    private final RuleRunner rules;
    private volatile PriceCatalog catalog;
    /** Every memo of this façade, and only of this one. */
    private final AnalysisHost host = new AnalysisHost();

    /**
     * Creates the façade over a catalog; rule failures (and a strategy file's models that cannot be priced) are
     * logged to {@code log}, which the edge routes: the client's log in the editor, standard error on the command line.
     */
    public PromptwiseAnalysis(PriceCatalog catalog, Consumer<String> log) {
        this.catalogSource = () -> catalog;
        this.catalog = catalog;
        this.log = log;
        this.rules = new RuleRunner(RuleFailureLog.lines(log));
    }

    /**
     * Creates the façade over a catalog that is read on first use, not now: reading the bundled one (Jackson's
     * start-up and the JSON) took about half of the time to the first {@code initialize} answer.
     */
    public PromptwiseAnalysis(Supplier<PriceCatalog> catalogSource, Consumer<String> log) {
        this.catalogSource = catalogSource;
        this.log = log;
        this.rules = new RuleRunner(RuleFailureLog.lines(log));
    }

    /** Creates the façade over a catalog, logging rule failures to standard error. */
    public PromptwiseAnalysis(PriceCatalog catalog) {
        this(catalog, System.err::println);
    }

    /**
     * Returns this façade's analysis host: what it remembers between calls. The document store hands it each edit
     * ({@link AnalysisHost#edited}); {@link AnalysisHost#clear} forgets everything.
     */
    public AnalysisHost host() {
        return host;
    }

    public PriceCatalog catalog() {
        PriceCatalog loaded = catalog;
        if (loaded == null) {
            loaded = catalogSource.get();
            catalog = loaded;
        }
        return loaded;
    }

    /**
     * Reads the catalog and loads the default encoding's vocabulary now, so that the first analysis does not wait
     * for them (together about a second on a cold JVM). The language server calls it, off its message thread, once
     * the client has said it is initialized.
     */
    public void prepare() {
        catalog();
        host.tokens().forEncoding(FALLBACK_ENCODING).count("Promptwise is ready.");
    }

    /**
     * Starts loading the default encoding's vocabulary on a thread of its own and returns at once: the language
     * server calls it from {@code initialize}, the command line when it starts, so that the load (a third of a second
     * or more on a cold JVM) overlaps their start-up instead of delaying the first analysis.
     */
    public static void loadVocabularyInBackground() {
        TokenCounter.loadInBackground(FALLBACK_ENCODING);
    }

    // ---- prompt files -------------------------------------------------------------------------------------------

    /** Returns the prompt format of a file, or empty when Promptwise does not read it as a prompt. */
    public Optional<PromptFormat> formatOf(String path, String text) {
        return PromptParsers.formatOf(path, text);
    }

    /** Parses and tokenizes one version of a prompt file that no workload references. Never throws. */
    public AnalyzedPrompt analyze(String path, PromptFormat format, String text, Settings settings) {
        return analyze(path, format, text, settings, null);
    }

    /**
     * Parses and tokenizes one version of a prompt file, judged by its workload's model, budget and traffic when
     * {@code binding} is not {@code null}. The model is the workload's own, else the file's, else the strategy
     * file's default, else the settings' default. Never throws on user input.
     */
    public AnalyzedPrompt analyze(String path, PromptFormat format, String text, Settings settings,
            WorkloadBinding binding) {
        return analyze(path, format, text, settings, binding,
                binding == null ? catalog() : catalogOf(binding.strategy(), binding.strategyPath()),
                AttachedFiles.NONE);
    }

    /**
     * Analyses as {@link #analyze(String, PromptFormat, String, Settings, WorkloadBinding)} does, priced with
     * {@code prices}, with what the prompt's files held.
     */
    AnalyzedPrompt analyze(String path, PromptFormat format, String text, Settings settings, WorkloadBinding binding,
            PriceCatalog prices, AttachedFiles attached) {
        return analyze(path, format, text, settings, binding, prices, text.length(), attached);
    }

    /**
     * Reads, through {@code workspace}, the files a prompt's inputs, tools and images refer to ({@code ${file:…}}
     * defaults, a tools file, images), relative to the prompt and never outside the workspace, so that pricing
     * counts what they add to each request. The edge calls it before {@link #analyze}; the core does no I/O.
     */
    public AttachedFiles attachedFiles(String path, PromptFormat format, String text, StrategyWorkspace workspace) {
        if (text == null) {
            return AttachedFiles.NONE;
        }
        // The parse is the one the analysis then uses: remembered for a small text, and for the last large one.
        return AttachedFiles.read(path, parseRemembered(format, text, path).attachments(), workspace);
    }

    /**
     * Analyses as {@link #analyze(String, PromptFormat, String, Settings, WorkloadBinding)} does a file whose length
     * is {@code originalLength}: the session passes a file too large to read as no text and its size.
     */
    AnalyzedPrompt analyze(String path, PromptFormat format, String text, Settings settings, WorkloadBinding binding,
            int originalLength, AttachedFiles attached) {
        return analyze(path, format, text, settings, binding,
                binding == null ? catalog() : catalogOf(binding.strategy(), binding.strategyPath()), originalLength, attached);
    }

    private AnalyzedPrompt analyze(String path, PromptFormat format, String text, Settings settings,
            WorkloadBinding binding, PriceCatalog prices, int originalLength, AttachedFiles attached) {
        PromptDocument document = parseRemembered(format, text, path);
        String modelId = firstNonBlank(binding == null ? null : binding.modelId(),
                document.model() == null ? null : document.model().id(),
                binding == null ? null : binding.defaultModelId(),
                settings.defaultModel());
        ModelInfo model = prices.resolve(modelId).orElse(null);
        String encoding = model != null && model.encoding() != null && host.tokens().canCount(model.encoding())
                ? model.encoding() : FALLBACK_ENCODING;
        // A tokenizer file that could not be loaded leaves its model counted with the fallback: an estimate.
        boolean estimated = model == null || !model.exactTokens()
                || (model.encoding() != null && !encoding.equals(model.encoding()));
        return new AnalyzedPrompt(path, document, settings, binding, prices, modelId, model,
                host.tokens().forEncoding(encoding), host.semantics(), estimated, originalLength, attached);
    }

    /**
     * Returns the findings of every rule the settings and the file's suppressions leave on, with the settings'
     * severity, in text order. A failing rule is logged with its id and skipped; only cancellation propagates.
     */
    public List<Finding> diagnostics(AnalyzedPrompt prompt, Cancellation cancellation) {
        return diagnostics(prompt, FixEnvironment.NONE, cancellation);
    }

    /**
     * Returns the findings as {@link #diagnostics(AnalyzedPrompt, Cancellation)} does, with fixes that reach other
     * files (extracting examples into a dataset) made against {@code environment}.
     */
    public List<Finding> diagnostics(AnalyzedPrompt prompt, FixEnvironment environment, Cancellation cancellation) {
        return diagnostics(new PromptContext(prompt, environment, true, host.rules()), cancellation);
    }

    /**
     * Returns the findings as {@link #diagnostics(AnalyzedPrompt, Cancellation)} does, but each with no fixes: what
     * publishing diagnostics needs. Code actions ask {@link #diagnostics(AnalyzedPrompt, FixEnvironment,
     * Cancellation)} for the same version's fixes; building them on every keystroke (the examples' dataset above
     * all) cost more than the rest of the analysis of a large prompt.
     */
    public List<Finding> diagnosticsWithoutFixes(AnalyzedPrompt prompt, Cancellation cancellation) {
        return diagnostics(new PromptContext(prompt, FixEnvironment.NONE, false, host.rules()), cancellation);
    }

    private List<Finding> diagnostics(PromptContext ctx, Cancellation cancellation) {
        return rules.run(RuleRegistry.PROMPT, ctx, cancellation);
    }

    /**
     * Returns the findings of one version of a prompt judged for every workload that binds it: {@code analyses}
     * holds one analysis of the version per binding, in the binding order (or the one unbound analysis). The rules
     * that do not depend on the workload run once, on the first; those that do ({@link
     * dev.promptwise.core.rules.Rule#dependsOnWorkload}) run on each, and each of their findings names its workload
     * in its message and {@link Finding#workload()}, so that two teams' findings on one prompt are told apart.
     * In text order, then by rule id, then in the binding order. Fixes are built when {@code environment} is given.
     */
    public List<Finding> diagnostics(List<AnalyzedPrompt> analyses, FixEnvironment environment,
            Cancellation cancellation) {
        if (analyses.size() == 1 && analyses.get(0).binding() == null) {
            return environment == null ? diagnosticsWithoutFixes(analyses.get(0), cancellation)
                    : diagnostics(analyses.get(0), environment, cancellation);
        }
        boolean wantsFixes = environment != null;
        FixEnvironment fixes = wantsFixes ? environment : FixEnvironment.NONE;
        List<Finding> findings = new ArrayList<>(rules.run(RuleRegistry.PROMPT_ONCE,
                new PromptContext(analyses.get(0), fixes, wantsFixes, host.rules()), cancellation));
        for (AnalyzedPrompt analysis : analyses) {
            WorkloadBinding binding = analysis.binding();
            Finding.Workload workload = binding == null ? null
                    : new Finding.Workload(binding.workload().name(), binding.strategyPath());
            for (Finding finding : rules.run(RuleRegistry.PROMPT_PER_WORKLOAD,
                    new PromptContext(analysis, fixes, wantsFixes, host.rules()), cancellation)) {
                findings.add(workload == null ? finding : new Finding(finding.ruleId(), finding.severity(),
                        finding.range(), workload.appendTo(finding.message()),
                        analyses.size() < 2 ? finding.fixes() : forWorkload(finding.fixes(), workload), workload));
            }
        }
        // A stable sort: one rule's findings at one place stay in the binding order.
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::ruleId));
        return findings;
    }

    /**
     * Returns the fixes of one workload's finding on a prompt that several workloads bind: a fix that reaches the
     * workload's strategy file (extracting the examples for it) names the workload in its title, so that the menu
     * tells the workloads' fixes apart; the others are the same for every workload, and the editor offers them once.
     */
    private static List<Fix> forWorkload(List<Fix> fixes, Finding.Workload workload) {
        return fixes.stream().map(fix -> fix.workspaceChange() == null ? fix
                : new Fix(fix.title() + " for workload " + workload.name() + " (" + workload.strategyFile() + ")",
                        fix.edits(), fix.preferred(), fix.workspaceChange())).toList();
    }

    /** Returns the hover at {@code offset}, or empty when there is nothing to say there. */
    public Optional<HoverInfo> hover(AnalyzedPrompt prompt, int offset, Cancellation cancellation) {
        cancellation.check();
        return PromptHovers.hover(prompt, offset);
    }

    /**
     * Returns the hover at {@code offset} of a prompt analysed once per binding workload ({@code bindings}, in the
     * binding order): over a message, the whole prompt's cost for each workload.
     */
    public Optional<HoverInfo> hover(List<AnalyzedPrompt> bindings, int offset, Cancellation cancellation) {
        cancellation.check();
        return PromptHovers.hover(bindings, offset);
    }

    /** Returns the code lenses of a prompt analysed once per binding workload: one per workload. */
    public List<Lens> codeLenses(List<AnalyzedPrompt> bindings, Cancellation cancellation) {
        cancellation.check();
        return PromptLenses.lenses(bindings);
    }

    /** Returns the code lenses of the prompt: tokens and price at the top of the file. */
    public List<Lens> codeLenses(AnalyzedPrompt prompt, Cancellation cancellation) {
        cancellation.check();
        return PromptLenses.lenses(prompt);
    }

    /** Returns the inlay hints (tokens per message) whose offsets fall inside {@code start..end}. */
    public List<InlayHintInfo> inlayHints(AnalyzedPrompt prompt, int start, int end, Cancellation cancellation) {
        cancellation.check();
        return PromptLenses.inlayHints(prompt, start, end);
    }

    /** Returns the document's outline: its messages, with their sections inside. */
    public List<Symbol> documentSymbols(AnalyzedPrompt prompt, Cancellation cancellation) {
        cancellation.check();
        return PromptLenses.symbols(prompt);
    }

    /**
     * Returns the {@code invalid-prompt-file} finding for a file whose bytes were binary or not valid UTF-8, or
     * empty when they decoded cleanly or the rule is off. The adapter and the command line read files; this keeps
     * the wording and severity in one place.
     */
    public Optional<Finding> decodingProblem(TextDecoding.Decoded decoded, Settings settings) {
        Severity severity = settings.severity(INVALID_PROMPT_FILE, Severity.ERROR);
        if (decoded.problem() == null || severity == Severity.OFF) {
            return Optional.empty();
        }
        return Optional.of(new Finding(INVALID_PROMPT_FILE, decoded.binary() ? Severity.INFORMATION : severity,
                TextRange.at(0), decoded.problem(), List.of()));
    }

    // ---- strategy files -----------------------------------------------------------------------------------------

    /** Returns whether the file at {@code path} is a strategy file ({@code promptwise.yaml}, {@code *.strategy.yaml}). */
    public static boolean isStrategyFile(String path) {
        String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("promptwise.yaml") || name.equals("promptwise.yml") || name.endsWith(".strategy.yaml")
                || name.endsWith(".strategy.yml");
    }

    /**
     * Parses one version of a strategy file. Never throws on user input. The last version parsed at each path is
     * remembered, so that an edit inside one workload re-reads only that workload's lines.
     */
    public StrategyDocument parseStrategy(String path, String text) {
        return new StrategyDocument(path, text, host.strategies().parse(path, text));
    }

    /**
     * Returns the workload that references the prompt at {@code promptPath}, searching the strategy files in the
     * order given, or empty when none does. When several do, the first wins.
     */
    public Optional<WorkloadBinding> bindingFor(String promptPath, List<StrategyDocument> strategies) {
        List<WorkloadBinding> all = bindingsFor(promptPath, strategies);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Returns every workload that references the prompt at {@code promptPath}: the strategy files in the order given,
     * and in each its workloads in the file's order. Empty when none does.
     */
    public List<WorkloadBinding> bindingsFor(String promptPath, List<StrategyDocument> strategies) {
        List<WorkloadBinding> bindings = new ArrayList<>();
        for (StrategyDocument strategy : strategies) {
            for (Workload workload : host.promptIndex(strategy).workloadsOf(promptPath)) {
                bindings.add(new WorkloadBinding(strategy.path(), strategy.text(), strategy.strategy(), workload));
            }
        }
        return bindings;
    }

    /**
     * Analyses a strategy file: every workload's prompt is read through {@code workspace} and analysed with the
     * workload's facts, priced, and weighed by the decision engine.
     */
    public AnalyzedStrategy analyzeStrategy(StrategyDocument document, Settings settings, StrategyWorkspace workspace,
            Cancellation cancellation) {
        return analyzeStrategy(document, settings, workspace, null, cancellation);
    }

    /**
     * Analyses a strategy file as {@link #analyzeStrategy(StrategyDocument, Settings, StrategyWorkspace,
     * Cancellation)} does, analysing the workloads that changed on {@code fanOut} ({@code null}: on this thread).
     * The executor's threads must not be waiting on this call, or a full pool waits for itself.
     */
    public AnalyzedStrategy analyzeStrategy(StrategyDocument document, Settings settings, StrategyWorkspace workspace,
            Executor fanOut, Cancellation cancellation) {
        return StrategyAnalyses.analyze(this, document, settings, workspace, catalogOf(document.strategy(), document.path()),
                host.workloads(), fanOut, cancellation);
    }

    /**
     * Returns the findings of the strategy rules, as {@link #diagnostics(AnalyzedPrompt, Cancellation)} does for a
     * prompt: settings, the file's {@code # promptwise-disable} comments and failure isolation apply the same way.
     */
    public List<Finding> strategyDiagnostics(AnalyzedStrategy strategy, Cancellation cancellation) {
        cancellation.check();
        List<Finding> findings = rules.run(RuleRegistry.STRATEGY, StrategyAnalyses.ruleContext(strategy,
                host.strategies()), cancellation);
        // A finding inside a workload's entry is that workload's: its data names it, as a prompt's findings do.
        List<Finding> named = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Workload owner = null;
            for (Workload workload : strategy.strategy().workloads().values()) {
                if (workload.range() != null && workload.range().encloses(finding.range())) {
                    owner = workload;
                    break;
                }
            }
            named.add(owner == null || finding.workload() != null ? finding : new Finding(finding.ruleId(),
                    finding.severity(), finding.range(), finding.message(), finding.fixes(),
                    new Finding.Workload(owner.name(), strategy.path())));
        }
        return named;
    }

    /** Returns the hover at {@code offset} of a strategy file, or empty when the offset is on nothing documented. */
    public Optional<HoverInfo> strategyHover(AnalyzedStrategy strategy, int offset, Cancellation cancellation) {
        cancellation.check();
        return StrategyAnalyses.hover(strategy, offset);
    }

    /** Returns the code lenses of a strategy file: each workload's cost now, fine-tuned and hybrid. */
    public List<Lens> strategyLenses(AnalyzedStrategy strategy, Cancellation cancellation) {
        cancellation.check();
        return StrategyAnalyses.lenses(strategy);
    }

    /** Returns the outline of a strategy file: its workloads and sections. */
    public List<Symbol> strategySymbols(AnalyzedStrategy strategy, Cancellation cancellation) {
        cancellation.check();
        return StrategyAnalyses.symbols(strategy);
    }

    /** Returns the links from a strategy file's paths ({@code prompt}, {@code dataset}) to the files they name. */
    public List<StrategyLinks.Link> strategyLinks(AnalyzedStrategy strategy, Cancellation cancellation) {
        cancellation.check();
        return StrategyLinks.links(strategy.strategy(), strategy.path());
    }

    /**
     * Returns the completion choices at {@code offset} of a strategy file: keys, enum values, model ids with their
     * prices, and workspace paths ({@code workspaceFiles}) for {@code prompt} and {@code dataset}.
     */
    public List<StrategyCompletion.Choice> strategyCompletion(AnalyzedStrategy strategy, int offset,
            List<String> workspaceFiles, Cancellation cancellation) {
        cancellation.check();
        return StrategyAnalyses.completion(strategy, offset, workspaceFiles, host.strategies().schema());
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    /** Returns the bundled catalog with the strategy file's {@code models} applied; the bundled one when it fails. */
    PriceCatalog catalogOf(StrategyFile strategy, String strategyPath) {
        PriceCatalog base = catalog();
        return host.strategyCatalog(strategy, base, file -> modelValues(file, strategyPath),
                models -> StrategyAnalyses.catalogOf(base, models, log));
    }

    /**
     * Returns the values of the strategy file's {@code models} section, or {@code null} when it has none. A model's
     * {@code tokenizer} file becomes its encoding, {@code tokenizer:<workspace path>} (resolved relative to the
     * strategy file at {@code strategyPath}), counted exactly once the edge has loaded it ({@link #loadTokenizers}).
     */
    @SuppressWarnings("unchecked")
    private static Object modelValues(StrategyFile strategy, String strategyPath) {
        YamlNode.Mapping root = strategy.yaml().rootMapping();
        YamlNode models = root == null ? null : root.get("models");
        Object values = models == null ? null : YamlValues.toJava(models);
        if (!(values instanceof Map<?, ?> entries)) {
            return values;
        }
        Map<String, Object> withTokenizers = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> fields && fields.get("tokenizer") instanceof String reference) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) fields);
                copy.remove("tokenizer");
                String encoding = tokenizerEncoding(strategyPath, reference);
                if (encoding != null) {
                    copy.put("encoding", encoding);
                    copy.put("exactTokens", true);
                }
                value = copy;
            }
            withTokenizers.put(String.valueOf(entry.getKey()), value);
        }
        return withTokenizers;
    }

    /** Returns the encoding name of a tokenizer file referenced from a strategy file, or {@code null} when refused. */
    private static String tokenizerEncoding(String strategyPath, String reference) {
        WorkspacePaths.Resolution resolution = WorkspacePaths.resolve(strategyPath, reference);
        return resolution.isInsideWorkspace() ? TokenizerFile.PREFIX + resolution.path() : null;
    }

    /**
     * Loads the tokenizer files that the strategy files' {@code models} entries name, reading each through
     * {@code files} (the edge's I/O) once; a file that exists but is not a tokenizer is logged once (a missing one
     * is {@code missing-prompt}'s finding), and its model is counted with
     * {@value #FALLBACK_ENCODING}, marked as an estimate. The workspace session calls it before each analysis; it
     * costs a lookup per entry when nothing is new.
     */
    public void loadTokenizers(java.util.Collection<StrategyDocument> strategies, StrategyWorkspace files) {
        for (StrategyDocument document : strategies) {
            for (dev.promptwise.core.strategy.ModelEntry model : document.strategy().models().values()) {
                String reference = dev.promptwise.core.strategy.Located.valueOf(model.tokenizer());
                String encoding = reference == null ? null : tokenizerEncoding(document.path(), reference);
                if (encoding == null || host.tokens().canCount(encoding)
                        || host.tokens().tokenizerProblem(encoding).isPresent()) {
                    continue;
                }
                String path = encoding.substring(TokenizerFile.PREFIX.length());
                host.tokens().loadTokenizer(encoding, () -> files.readStart(path, TokenizerFile.MAX_BYTES + 1));
                // A file that is missing or outside is missing-prompt's finding; one that is not a tokenizer is told here.
                host.tokens().tokenizerProblem(encoding).filter(problem -> files.exists(path))
                        .ifPresent(problem -> log.accept("The tokenizer file " + path + " of model '" + model.id()
                                + "' cannot be used: " + problem + ". The model is counted with " + FALLBACK_ENCODING
                                + ", an estimate."));
            }
        }
    }

    /**
     * Forgets the tokenizer file at this workspace-relative path if one was loaded, so that the next analysis reads it
     * again: the edge saw the file change.
     */
    public void forgetTokenizer(String workspaceRelativePath) {
        host.tokens().forgetTokenizer(TokenizerFile.PREFIX + workspaceRelativePath);
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return Settings.DEFAULT_MODEL;
    }

    /** Returns how many workload analyses are remembered for the strategy file at {@code path} (for tests). */
    int rememberedWorkloads(String path) {
        return host.workloads().size(path);
    }

    void log(String message) {
        log.accept(message);
    }

    /**
     * Parses, reusing the document of an identical small text parsed before (a strategy file analyses every prompt
     * it references on each keystroke; their texts rarely change, and the document is immutable), and for a large
     * text what the host's syntax memo kept of its earlier version.
     */
    private PromptDocument parseRemembered(PromptFormat format, String text, String path) {
        SyntaxMemo memo = host.syntax();
        return memo.document(format, path, text, () -> parse(format, text, path, memo));
    }

    private static PromptDocument parse(PromptFormat format, String text, String path, SyntaxMemo memo) {
        if (text.length() > Limits.MAX_ANALYSED_CHARS) {
            return new PromptDocument(format, "", List.of(), List.of(), List.of(), null, null, List.of(), List.of(),
                    false);
        }
        try {
            return PromptParsers.parse(format, text, path, memo);
        } catch (RuntimeException | StackOverflowError e) {
            // Parsers must not throw; if one does, the user still gets a usable answer and a clear note.
            TextRange whole = new TextRange(0, text.length());
            return new PromptDocument(format, text, List.of(new Message("user", whole, whole, text, true)),
                    List.of(), List.of(), null, null, List.of(),
                    List.of(new SyntaxProblem(TextRange.at(0),
                            "Promptwise could not parse this file (" + e.getClass().getSimpleName()
                                    + "); it is analysed as plain text. Please report this file.")),
                    false);
        }
    }
}
