package dev.promptwise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.analysis.FileAnalysis;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.analysis.SourceFile;
import dev.promptwise.core.analysis.WorkspaceSession;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextDecoding;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.io.DiskWorkspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code promptwise check [PATH...]}: analyses files and folders exactly as the editor would, for CI. Each folder
 * argument is a workspace: its strategy files bind the prompts below it to their workloads.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check prompt and strategy files and folders (the current folder by default).")
final class CheckCommand implements Callable<Integer> {

    /** Files larger than this are reported and not read. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    @Parameters(paramLabel = "PATH", description = "Files or folders to check (default: the current folder).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json|sarif|markdown",
            description = "Output format (default: text); markdown prints the --baseline comparison as tables.")
    OutputFormat format = OutputFormat.text;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An earlier `check --format json` output (the base branch's): report the change in "
                    + "prompt tokens, $/request and $/month per workload and prompt file, and the findings new or gone.")
    Path baselineFile;

    @Option(names = "--fail-on-cost-increase", paramLabel = "PCT",
            description = "With --baseline: exit 1 when a workload's monthly cost grows by more than PCT percent.")
    Double failOnCostIncrease;

    @Option(names = "--fail-on", paramLabel = "error|warning|information|none",
            description = "Exit 1 when a finding of this severity or worse is reported (default: error); "
                    + "none reports without failing.")
    String failOn = "error";

    @Option(names = "--max-warnings", paramLabel = "N", description = "Exit 1 when there are more than N warnings.")
    Integer maxWarnings;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A JSON file with the editor's promptwise settings (defaultModel, budget, rules, ...).")
    Path settingsFile;

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingFolder;
    /** Today's date comes from here: the deprecation findings and the catalog's age are judged on it. */
    private final java.time.Clock clock;

    CheckCommand(PrintStream out, PrintStream err, Path workingFolder) {
        this(out, err, workingFolder, java.time.Clock.systemUTC());
    }

    CheckCommand(PrintStream out, PrintStream err, Path workingFolder, java.time.Clock clock) {
        this.out = out;
        this.err = err;
        this.workingFolder = workingFolder.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The output formats. */
    enum OutputFormat { text, json, sarif, markdown }

    /** One file's report and, for a strategy file, its analysis. */
    private record Analysed(FileReport file, AnalyzedStrategy strategy) {}

    /** A file to check and the workspace it belongs to. */
    private record Target(DiskWorkspace workspace, Path file, boolean explicit) {}

    @Override
    public Integer call() {
        Optional<Severity> threshold = Severity.parse(failOn).filter(s -> s != Severity.HINT);
        if (threshold.isEmpty()) {
            err.println("promptwise: --fail-on must be error, warning, information or none, not '" + failOn + "'");
            return PromptwiseCli.USAGE;
        }
        if (maxWarnings != null && maxWarnings < 0) {
            err.println("promptwise: --max-warnings must be zero or more");
            return PromptwiseCli.USAGE;
        }
        if (baselineFile == null && (format == OutputFormat.markdown || failOnCostIncrease != null)) {
            err.println("promptwise: " + (format == OutputFormat.markdown ? "--format markdown" : "--fail-on-cost-increase")
                    + " compares with an earlier run: give it --baseline FILE");
            return PromptwiseCli.USAGE;
        }
        if (failOnCostIncrease != null && !(failOnCostIncrease >= 0 && Double.isFinite(failOnCostIncrease))) {
            err.println("promptwise: --fail-on-cost-increase must be a percentage of zero or more");
            return PromptwiseCli.USAGE;
        }
        com.fasterxml.jackson.databind.JsonNode baseline = null;
        if (baselineFile != null) {
            Path file = workingFolder.resolve(baselineFile);
            try {
                baseline = new ObjectMapper().readTree(Files.readString(file));
                if (baseline == null || baseline.isMissingNode()) {
                    err.println("promptwise: baseline " + baselineFile + " is empty: expected the output of "
                            + "`check --format json`");
                    return PromptwiseCli.USAGE;
                }
            } catch (IOException e) {
                err.println("promptwise: cannot read baseline " + baselineFile + ": " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
        }
        Settings settings;
        try {
            settings = readSettings();
        } catch (IOException | RuntimeException e) {
            err.println("promptwise: cannot read settings " + settingsFile + ": " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        List<Target> targets = new ArrayList<>();
        // Files named on the command line share their root's workspace, so that a strategy file named beside a
        // prompt binds it, as it does in the editor.
        Map<Path, DiskWorkspace> fileWorkspaces = new LinkedHashMap<>();
        for (String path : paths.isEmpty() ? List.of(".") : paths) {
            Path resolved = workingFolder.resolve(path).normalize();
            if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                err.println("promptwise: no such file or folder: " + path);
                return PromptwiseCli.USAGE;
            }
            try {
                if (Files.isDirectory(resolved)) {
                    DiskWorkspace workspace = new DiskWorkspace(resolved);
                    for (Path file : DiskWorkspace.files(resolved)) {
                        targets.add(new Target(workspace, file, false));
                    }
                } else {
                    Path root = resolved.startsWith(workingFolder) ? workingFolder : resolved.getParent();
                    targets.add(new Target(fileWorkspaces.computeIfAbsent(root, DiskWorkspace::new), resolved, true));
                }
            } catch (IOException e) {
                err.println("promptwise: cannot read " + path + ": " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
        }
        targets.sort(Comparator.comparing(target -> target.file().toString()));

        PromptwiseAnalysis analysis;
        try {
            analysis = new PromptwiseAnalysis(catalog(settings).on(java.time.LocalDate.now(clock)), err::println);
        } catch (IOException e) {
            err.println("promptwise: cannot read the price catalog: " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        Report report;
        try {
            report = analyseAll(analysis, targets, settings);
        } catch (UnreadableFile e) {
            err.println("promptwise: cannot read " + display(e.path) + ": " + e.getCause().getMessage());
            return PromptwiseCli.USAGE;
        }
        BaselineComparison comparison = null;
        if (baseline != null) {
            try {
                comparison = BaselineComparison.compare(baseline, JsonOutput.tree(report));
            } catch (IllegalArgumentException e) {
                err.println("promptwise: baseline " + baselineFile + " is not the output of `check --format json`: "
                        + e.getMessage());
                return PromptwiseCli.USAGE;
            }
        }
        switch (format) {
            case text -> {
                TextOutput.write(report, out);
                if (comparison != null) {
                    ComparisonOutput.text(comparison, baselineFile.toString(), out);
                }
            }
            case json -> {
                com.fasterxml.jackson.databind.node.ObjectNode root = JsonOutput.tree(report);
                if (comparison != null) {
                    root.set("comparison", ComparisonOutput.json(comparison));
                }
                JsonOutput.print(root, out);
            }
            case sarif -> SarifOutput.write(report, out);
            case markdown -> ComparisonOutput.markdown(comparison, out);
        }
        boolean costGrew = false;
        if (comparison != null && failOnCostIncrease != null) {
            costGrew = gateCost(comparison, failOnCostIncrease);
        }
        long atThreshold = threshold.get() == Severity.OFF ? 0
                : report.count(severity -> severity.atLeast(threshold.get()));
        long warnings = report.count(severity -> severity == Severity.WARNING);
        boolean failed = atThreshold > 0 || (maxWarnings != null && warnings > maxWarnings) || costGrew;
        return failed ? PromptwiseCli.FINDINGS : PromptwiseCli.OK;
    }

    /**
     * Says on the error stream which workloads' monthly cost grew by more than {@code percent}, and which changes no
     * percentage describes (new workloads, costs known on one side only); returns whether any grew too much.
     */
    private boolean gateCost(BaselineComparison comparison, double percent) {
        List<BaselineComparison.WorkloadChange> over = comparison.costIncreasesAbove(percent);
        for (BaselineComparison.WorkloadChange workload : over) {
            err.println("promptwise: the monthly cost of workload " + workload.name() + " ("
                    + workload.strategyFile() + ") grew by more than " + ComparisonOutput.percent(percent).substring(1)
                    + ": " + dev.promptwise.core.cost.Money.usd(workload.monthly().before()) + " → "
                    + dev.promptwise.core.cost.Money.usd(workload.monthly().after()) + " ("
                    + ComparisonOutput.monthlyChange(workload) + ")");
        }
        for (BaselineComparison.WorkloadChange workload : comparison.workloads()) {
            boolean unmeasured = workload.presence() == BaselineComparison.Presence.NEW || workload.knownOnOneSide();
            if (unmeasured) {
                err.println("promptwise: not gated: workload " + workload.name() + " (" + workload.strategyFile()
                        + "): " + ComparisonOutput.monthlyChange(workload) + ", no increase to measure");
            }
        }
        return !over.isEmpty();
    }

    /**
     * Reads every strategy file first (prompts bind to them), then analyses everything on all cores, each folder
     * argument through its own workspace session, as the editor does.
     */
    private Report analyseAll(PromptwiseAnalysis analysis, List<Target> targets, Settings settings) {
        Map<DiskWorkspace, Map<String, StrategyDocument>> strategies = new LinkedHashMap<>();
        for (Target target : targets) {
            if (WorkspaceSession.isStrategyFile(target.file().toString())) {
                String relative = target.workspace().relativize(target.file()).orElseThrow();
                String text = readText(target.file()).text();
                strategies.computeIfAbsent(target.workspace(), w -> new LinkedHashMap<>())
                        .put(relative, analysis.parseStrategy(relative, text));
            }
        }
        Map<DiskWorkspace, WorkspaceSession> sessions = new LinkedHashMap<>();
        for (Target target : targets) {
            sessions.computeIfAbsent(target.workspace(), workspace -> new WorkspaceSession(analysis,
                    new CheckedWorkspace(workspace, strategies.getOrDefault(workspace, Map.of()))));
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), targets.size()));
        ExecutorService executor = daemonPool(threads, "promptwise-check");
        // A strategy file's workloads are analysed on a pool of their own: a file task waits for them, and must
        // not wait for threads of its own pool.
        ExecutorService workloads = daemonPool(threads, "promptwise-check-workloads");
        try {
            List<Future<Optional<Analysed>>> futures = new ArrayList<>();
            for (Target target : targets) {
                WorkspaceSession session = sessions.get(target.workspace());
                Map<String, StrategyDocument> known = strategies.getOrDefault(target.workspace(), Map.of());
                futures.add(executor.submit(() -> analyse(session, target, known, settings, workloads)));
            }
            List<FileReport> files = new ArrayList<>();
            List<Report.ShownStrategy> analysed = new ArrayList<>();
            for (Future<Optional<Analysed>> future : futures) {
                Optional<Analysed> result = future.get();
                if (result.isPresent()) {
                    files.add(result.get().file());
                    if (result.get().strategy() != null) {
                        analysed.add(new Report.ShownStrategy(result.get().file().path(), result.get().strategy()));
                    }
                }
            }
            return new Report(files, analysed, analysis.catalog().info(), analysis.catalog().today());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            executor.shutdownNow();
            workloads.shutdownNow();
        }
    }

    /**
     * A folder as the command line hands it to the workspace session: the disk, and the strategy files read before
     * any file is analysed.
     */
    private record CheckedWorkspace(DiskWorkspace disk, Map<String, StrategyDocument> strategies)
            implements WorkspaceSession.Workspace {

        @Override
        public java.util.Collection<StrategyDocument> strategyFiles() {
            return strategies.values();
        }

        @Override
        public StrategyWorkspace files() {
            return disk;
        }
    }

    /** Returns a pool of {@code threads} daemon threads named {@code name}, so that a stuck task never holds the exit. */
    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Returns the file's report and, for a strategy file, its analysis; empty for files that are not ours. A file
     * too large to read is handed to the session by its size, so that rule {@code file-too-large} reports it.
     */
    private Optional<Analysed> analyse(WorkspaceSession session, Target target,
            Map<String, StrategyDocument> strategies, Settings settings, Executor workloads) {
        Path file = target.file();
        String relative = target.workspace().relativize(file).orElse(file.getFileName().toString());
        // The format depends on folder names above the workspace too (plain text under a prompts folder).
        String absolute = file.toAbsolutePath().toString().replace('\\', '/');
        if (!target.explicit() && !session.mayAnalyse(absolute)) {
            return Optional.empty();
        }
        StrategyDocument strategy = strategies.get(relative);
        SourceFile source;
        if (strategy != null) {
            source = SourceFile.of(relative, absolute, strategy.text());
        } else {
            long size = size(file);
            source = size > MAX_FILE_BYTES ? SourceFile.unread(relative, absolute, size)
                    : SourceFile.decoded(relative, absolute, readText(file));
        }
        if (target.explicit()) {
            source = source.orElseAs(PromptFormat.PLAIN_TEXT);
        }
        Optional<FileAnalysis> analysed = session.analyze(source, settings, workloads, Cancellation.NONE);
        if (analysed.isEmpty()) {
            return Optional.empty();
        }
        String shown = display(file);
        List<Finding> findings = session.findings(analysed.get(), Cancellation.NONE);
        if (analysed.get() instanceof FileAnalysis.Strategy analysedStrategy) {
            return Optional.of(new Analysed(new FileReport(shown, FileReport.STRATEGY_FORMAT, null, findings,
                    LineIndex.of(analysedStrategy.strategy().document().text())), analysedStrategy.strategy()));
        }
        if (analysed.get() instanceof FileAnalysis.Prompt prompt) {
            return Optional.of(new Analysed(new FileReport(shown, prompt.prompt().document().format().id(),
                    prompt.prompt(), findings, LineIndex.of(prompt.prompt().document().text())), null));
        }
        FileAnalysis.Binary binary = (FileAnalysis.Binary) analysed.get();
        return Optional.of(new Analysed(new FileReport(shown, binary.format().id(), null, findings,
                LineIndex.of("")), null));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UnreadableFile(file, e);
        }
    }

    private static TextDecoding.Decoded readText(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new TextDecoding.Decoded("", false, null);
            }
            return TextDecoding.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UnreadableFile(file, e);
        }
    }

    private Settings readSettings() throws IOException {
        if (settingsFile == null) {
            return Settings.DEFAULTS;
        }
        Path file = workingFolder.resolve(settingsFile);
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.fromJson(new ObjectMapper().readTree(Files.readString(file)), problems);
        problems.forEach(problem -> err.println("promptwise: " + settingsFile + ": " + problem));
        return settings;
    }

    /** Returns a path as the output shows it: relative to the working folder when inside it, with {@code /}. */
    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingFolder) ? workingFolder.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** A file that exists but cannot be read: bad input, exit code 2. */
    private static final class UnreadableFile extends RuntimeException {
        final transient Path path;

        UnreadableFile(Path path, IOException cause) {
            super(cause);
            this.path = path;
        }
    }

    /**
     * Returns the workspace's catalog ({@code .promptwise/prices-*.json}, else the shipped one) with the settings'
     * {@code pricing.file} applied, both relative to the working folder.
     */
    private PriceCatalog catalog(Settings settings) throws IOException {
        PriceCatalog bundled = dev.promptwise.io.WorkspaceCatalogs.forWorkspace(workingFolder);
        return settings.pricingFile() == null ? bundled
                : dev.promptwise.io.PricingFiles.apply(bundled, workingFolder.resolve(settings.pricingFile()));
    }
}
