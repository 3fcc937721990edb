package dev.promptwise.core.analysis;

import dev.promptwise.core.config.Settings;
import dev.promptwise.core.features.StrategyCompletion;
import dev.promptwise.core.features.StrategyLinks;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.AttachedFiles;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadBinding;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.TextDecoding;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.HoverInfo;
import dev.promptwise.core.vocabulary.InlayHintInfo;
import dev.promptwise.core.vocabulary.Lens;
import dev.promptwise.core.vocabulary.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One workspace as the editor and the command line both see it: its strategy files in the one binding order, the
 * binding of each prompt to its workload, the analysis of a file of either kind and every feature asked of that
 * analysis. The editor feeds it buffers and the disk, the command line the files it walked; neither edge binds,
 * chooses the analysis by kind or collects findings itself, so that {@code check} reports what the editor shows
 * ({@code EditorCheckParityTest}). Free of I/O: the workspace's files come through {@link Workspace}.
 *
 * <p><b>Bindings.</b> A prompt is bound by every workload that references it, and analysed once per binding: the
 * rules that rest on the workload's facts run on each analysis, each finding naming its workload; the others run
 * once, on the first binding's. The bindings are in the order of {@link #BINDING_ORDER}: strategy files nearer the
 * root first (fewer folders in the workspace-relative path); at the same depth {@code promptwise.yaml}, then
 * {@code promptwise.yml}, then the others; then by workspace-relative path in code-unit order; inside one file, its
 * workloads from the top. Where one binding must be chosen, it is the first.
 */
public final class WorkspaceSession {

    /** What the session asks of the edge that holds the files. */
    public interface Workspace {

        /**
         * Returns the workspace's strategy files as the edge holds them now (an open buffer in place of the disk's
         * copy), parsed by the façade, in any order.
         */
        Collection<StrategyDocument> strategyFiles();

        /** Returns the workspace's files as analysis reads them now (the editor's buffers first, then the disk). */
        StrategyWorkspace files();
    }

    /** The order in which strategy files are searched for a prompt's workload; see the class comment. */
    public static final Comparator<StrategyDocument> BINDING_ORDER = Comparator
            .comparingInt((StrategyDocument strategy) -> depth(strategy.path()))
            .thenComparingInt(strategy -> nameRank(strategy.path()))
            .thenComparing(StrategyDocument::path);

    private final PromptwiseAnalysis analysis;
    private final Workspace workspace;

    /** Creates the session of {@code workspace} over the façade {@code analysis}. */
    public WorkspaceSession(PromptwiseAnalysis analysis, Workspace workspace) {
        this.analysis = analysis;
        this.workspace = workspace;
    }

    /** Returns the core's façade the session analyses with. */
    public PromptwiseAnalysis analysis() {
        return analysis;
    }

    /** Returns whether the file at {@code path} is a strategy file ({@code promptwise.yaml}, {@code *.strategy.yaml}). */
    public static boolean isStrategyFile(String path) {
        return PromptwiseAnalysis.isStrategyFile(path);
    }

    /**
     * Returns whether a file may be a prompt or strategy file from its path alone: {@code false} means that
     * analysing it would give nothing, so an edge need not read it. YAML files need their text to decide.
     */
    public boolean mayAnalyse(String formatPath) {
        String lower = formatPath.toLowerCase(java.util.Locale.ROOT);
        return isStrategyFile(formatPath) || analysis.formatOf(formatPath, null).isPresent() || lower.endsWith(".yml")
                || lower.endsWith(".yaml");
    }

    /** Returns the workspace's strategy files in {@link #BINDING_ORDER}. */
    public List<StrategyDocument> strategyFiles() {
        List<StrategyDocument> ordered = new ArrayList<>(workspace.strategyFiles());
        ordered.sort(BINDING_ORDER);
        return ordered;
    }

    /**
     * Returns the first workload, in the binding order, that references the prompt at this workspace-relative path,
     * or empty: the one a feature showing a single figure uses.
     */
    public Optional<WorkloadBinding> bindingFor(String promptPath) {
        return analysis.bindingFor(promptPath, strategyFiles());
    }

    /** Returns every workload that references the prompt at this workspace-relative path, in the binding order. */
    public List<WorkloadBinding> bindingsFor(String promptPath) {
        return analysis.bindingsFor(promptPath, strategyFiles());
    }

    /**
     * Analyses one version of a file: a strategy file with the current text of every prompt it names, a prompt
     * with the workload that references it. Empty when the file is neither. A file too large to read, or larger
     * than Promptwise analyses, is a prompt with no content, which rule {@code file-too-large} reports; a binary
     * one is reported by its decoding problem alone. Strategy workloads are analysed on {@code fanOut} when given
     * (whose threads must not be waiting on this call), else on this thread.
     */
    public Optional<FileAnalysis> analyze(SourceFile file, Settings settings, Executor fanOut,
            Cancellation cancellation) {
        StrategyWorkspace files = workspace.files();
        analysis.loadTokenizers(workspace.strategyFiles(), files);
        if (isStrategyFile(file.path())) {
            StrategyDocument document = parsed(file);
            return Optional.of(new FileAnalysis.Strategy(analysis.analyzeStrategy(document, settings,
                    files, fanOut, cancellation)));
        }
        Optional<PromptFormat> format = analysis.formatOf(file.formatPath(), file.unread() ? null : file.text());
        if (format.isEmpty() && file.unread() && mayAnalyse(file.formatPath())) {
            // A YAML file too large to read cannot be told apart from a prompt; say that it was skipped.
            format = Optional.of(PromptFormat.PLAIN_TEXT);
        }
        if (format.isEmpty() && file.fallback() != null) {
            format = Optional.of(file.fallback());
        }
        if (format.isEmpty()) {
            return Optional.empty();
        }
        Finding decodingProblem = analysis.decodingProblem(
                new TextDecoding.Decoded(file.text(), file.binary(), file.decodingProblem()), settings).orElse(null);
        if (file.binary()) {
            return Optional.of(new FileAnalysis.Binary(file.path(), format.get(), decodingProblem));
        }
        cancellation.check();
        List<WorkloadBinding> bindings = bindingsFor(file.path());
        int length = (int) Math.min(Integer.MAX_VALUE, file.length());
        AttachedFiles attached = file.unread() ? AttachedFiles.NONE
                : analysis.attachedFiles(file.path(), format.get(), file.text(), files);
        if (bindings.isEmpty()) {
            return Optional.of(new FileAnalysis.Prompt(analysis.analyze(file.path(), format.get(), file.text(),
                    settings, null, length, attached), decodingProblem));
        }
        // One analysis per binding: the parse and the token counts of one encoding are remembered, so a second
        // workload costs its own pricing, not a second reading of the prompt.
        List<AnalyzedPrompt> analyses = new ArrayList<>(bindings.size());
        for (WorkloadBinding binding : bindings) {
            cancellation.check();
            analyses.add(analysis.analyze(file.path(), format.get(), file.text(), settings, binding, length,
                    attached));
        }
        return Optional.of(new FileAnalysis.Prompt(analyses.get(0), decodingProblem, analyses));
    }

    /** Returns the strategy file's parse the workspace already holds for this text, or a new one. */
    private StrategyDocument parsed(SourceFile file) {
        for (StrategyDocument known : workspace.strategyFiles()) {
            if (known.path().equals(file.path()) && known.text().equals(file.text())) {
                return known;
            }
        }
        return analysis.parseStrategy(file.path(), file.text());
    }

    /**
     * Returns the findings that are published and checked: the file's decoding problem first, then every rule's,
     * without fixes (no report prints them; code actions ask {@link #findingsWithFixes}).
     */
    public List<Finding> findings(FileAnalysis file, Cancellation cancellation) {
        return byKind(file, prompt -> withDecodingProblem(prompt.decodingProblem(),
                    analysis.diagnostics(prompt.bindings(), null, cancellation)),
                strategy -> analysis.strategyDiagnostics(strategy.strategy(), cancellation),
                binary -> withDecodingProblem(binary.decodingProblem(), List.of()));
    }

    /** Returns the findings as {@link #findings} does, each with its fixes, made against {@link #fixEnvironment}. */
    public List<Finding> findingsWithFixes(FileAnalysis file, Cancellation cancellation) {
        return byKind(file, prompt -> withDecodingProblem(prompt.decodingProblem(),
                    analysis.diagnostics(prompt.bindings(), fixEnvironment(), cancellation)),
                strategy -> analysis.strategyDiagnostics(strategy.strategy(), cancellation),
                binary -> withDecodingProblem(binary.decodingProblem(), List.of()));
    }

    /** Applies the function for the file's kind. */
    private static <R> R byKind(FileAnalysis file, Function<FileAnalysis.Prompt, R> prompt,
            Function<FileAnalysis.Strategy, R> strategy, Function<FileAnalysis.Binary, R> binary) {
        if (file instanceof FileAnalysis.Prompt analysed) {
            return prompt.apply(analysed);
        }
        if (file instanceof FileAnalysis.Strategy analysed) {
            return strategy.apply(analysed);
        }
        return binary.apply((FileAnalysis.Binary) file);
    }

    private static List<Finding> withDecodingProblem(Finding decodingProblem, List<Finding> findings) {
        if (decodingProblem == null) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings.size() + 1);
        all.add(decodingProblem);
        all.addAll(findings);
        return all;
    }

    /** Returns the workspace that fixes reaching other files are made against: its files and root strategy file. */
    public FixEnvironment fixEnvironment() {
        StrategyDocument root = null;
        for (StrategyDocument strategy : strategyFiles()) {
            if (strategy.path().equals("promptwise.yaml") || strategy.path().equals("promptwise.yml")) {
                root = strategy;
                break;
            }
        }
        return new FixEnvironment(workspace.files(), root);
    }

    /** Returns the hover at {@code offset}, or empty when there is nothing to say there. */
    public Optional<HoverInfo> hover(FileAnalysis file, int offset, Cancellation cancellation) {
        return byKind(file, prompt -> analysis.hover(prompt.bindings(), offset, cancellation),
                strategy -> analysis.strategyHover(strategy.strategy(), offset, cancellation),
                binary -> Optional.empty());
    }

    /** Returns the code lenses: a prompt's tokens and price, a strategy file's costs and recommendations. */
    public List<Lens> codeLenses(FileAnalysis file, Cancellation cancellation) {
        return byKind(file, prompt -> analysis.codeLenses(prompt.bindings(), cancellation),
                strategy -> analysis.strategyLenses(strategy.strategy(), cancellation),
                binary -> List.of());
    }

    /** Returns the outline: a prompt's messages and sections, a strategy file's workloads and sections. */
    public List<Symbol> documentSymbols(FileAnalysis file, Cancellation cancellation) {
        return byKind(file, prompt -> analysis.documentSymbols(prompt.prompt(), cancellation),
                strategy -> analysis.strategySymbols(strategy.strategy(), cancellation),
                binary -> List.of());
    }

    /** Returns a prompt's inlay hints (tokens per message) inside {@code start..end}; none for other files. */
    public List<InlayHintInfo> inlayHints(FileAnalysis file, int start, int end, Cancellation cancellation) {
        return file instanceof FileAnalysis.Prompt prompt
                ? analysis.inlayHints(prompt.prompt(), start, end, cancellation) : List.of();
    }

    /** Returns a strategy file's links from its paths to the files they name; none for other files. */
    public List<StrategyLinks.Link> links(FileAnalysis file, Cancellation cancellation) {
        return file instanceof FileAnalysis.Strategy strategy
                ? analysis.strategyLinks(strategy.strategy(), cancellation) : List.of();
    }

    /** Returns a strategy file's completion choices at {@code offset}; none for other files. */
    public List<StrategyCompletion.Choice> completion(FileAnalysis file, int offset, List<String> workspaceFiles,
            Cancellation cancellation) {
        return file instanceof FileAnalysis.Strategy strategy
                ? analysis.strategyCompletion(strategy.strategy(), offset, workspaceFiles, cancellation) : List.of();
    }

    /** Returns the analysed strategy file, or empty for a file of another kind. */
    public static Optional<AnalyzedStrategy> strategyOf(FileAnalysis file) {
        return file instanceof FileAnalysis.Strategy strategy ? Optional.of(strategy.strategy()) : Optional.empty();
    }

    private static int depth(String path) {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    private static int nameRank(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("promptwise.yaml") ? 0 : name.equals("promptwise.yml") ? 1 : 2;
    }
}
