package dev.promptwise.testing;

import dev.promptwise.core.analysis.FileAnalysis;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.analysis.SourceFile;
import dev.promptwise.core.analysis.WorkspaceSession;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadBinding;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.HoverInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace held in memory, analysed through the façade alone, as the editor and the command line do: strategy
 * files ({@code promptwise.yaml}) bind the prompts they reference, and every file is read from this map. A fresh
 * façade over the bundled catalog per workspace, so that nothing is shared between tests; a rule that throws fails
 * the test instead of being logged and skipped.
 */
public final class TestWorkspace implements StrategyWorkspace {

    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, byte[]> binaries = new LinkedHashMap<>();
    private final PromptwiseAnalysis analysis;
    private Settings settings = Settings.DEFAULTS;

    /** A workspace priced with the bundled catalog, which judges no deprecation (no day is given). */
    public TestWorkspace() {
        this(PriceCatalog.bundled());
    }

    /** A workspace priced with {@code catalog} ({@code PriceCatalog.bundled().on(day)} to judge deprecations). */
    public TestWorkspace(PriceCatalog catalog) {
        this(catalog, message -> {
            throw new AssertionError("a rule failed: " + message);
        });
    }

    /** A workspace priced with {@code catalog} whose analysis log goes to {@code log}. */
    public TestWorkspace(PriceCatalog catalog, java.util.function.Consumer<String> log) {
        analysis = new PromptwiseAnalysis(catalog, log);
    }

    /** Adds (or replaces) a file; a path ending in '/' is a folder. */
    public TestWorkspace with(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** Adds (or replaces) a binary file, such as an image, which {@link #readStart} answers and {@link #read} does not. */
    public TestWorkspace withBytes(String path, byte[] bytes) {
        binaries.put(path, bytes.clone());
        return this;
    }

    /** Analyses with these settings instead of the defaults. */
    public TestWorkspace settings(Settings settings) {
        this.settings = settings;
        return this;
    }

    public PromptwiseAnalysis analysis() {
        return analysis;
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path) || files.containsKey(path + "/") || binaries.containsKey(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return files.containsKey(path + "/");
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public Optional<byte[]> readStart(String path, int maxBytes) {
        byte[] bytes = binaries.get(path);
        if (bytes == null) {
            String text = files.get(path);
            bytes = text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return bytes == null ? Optional.empty() : Optional.of(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, maxBytes)));
    }

    private String text(String path) {
        String text = files.get(path);
        if (text == null) {
            throw new AssertionError("no file " + path + " in " + files.keySet());
        }
        return text;
    }

    /** Returns the strategy files of the workspace, parsed, in the order they were added. */
    public List<StrategyDocument> strategies() {
        return files.keySet().stream().filter(PromptwiseAnalysis::isStrategyFile)
                .map(path -> analysis.parseStrategy(path, files.get(path))).toList();
    }

    /**
     * Analyses the prompt at {@code path}, bound to the first workload that references it if any, with the files
     * it refers to read from this workspace, as the workspace session analyses it for both edges.
     */
    public AnalyzedPrompt prompt(String path) {
        String text = text(path);
        FileAnalysis file = session().analyze(SourceFile.of(path, path, text), settings, null, Cancellation.NONE)
                .orElseThrow(() -> new AssertionError("not a prompt: " + path));
        return ((FileAnalysis.Prompt) file).prompt();
    }

    /** Analyses the strategy file at {@code path}, reading its prompts from this workspace. */
    public AnalyzedStrategy strategy(String path) {
        return analysis.analyzeStrategy(analysis.parseStrategy(path, text(path)), settings, this, Cancellation.NONE);
    }

    /**
     * Returns the findings of the file at {@code path}, prompt or strategy file, in text order, with their fixes: a
     * prompt's as the workspace session gives them to both edges, judged for every workload that binds it (each
     * such finding naming its workload).
     */
    public List<Finding> findings(String path) {
        if (PromptwiseAnalysis.isStrategyFile(path)) {
            return analysis.strategyDiagnostics(strategy(path), Cancellation.NONE);
        }
        String text = text(path);
        FileAnalysis file = session().analyze(SourceFile.of(path, path, text), settings, null, Cancellation.NONE)
                .orElseThrow(() -> new AssertionError("not a prompt: " + path));
        return analysis.diagnostics(((FileAnalysis.Prompt) file).bindings(), FixEnvironment.NONE, Cancellation.NONE);
    }

    /** Returns the workspace session over this workspace: its strategy files and its files. */
    public WorkspaceSession session() {
        TestWorkspace files = this;
        return new WorkspaceSession(analysis, new WorkspaceSession.Workspace() {
            @Override
            public java.util.Collection<StrategyDocument> strategyFiles() {
                return strategies();
            }

            @Override
            public StrategyWorkspace files() {
                return files;
            }
        });
    }

    /** Returns the hover's Markdown at the first {@code $0} of {@code marked}, a snippet of the file at {@code path}. */
    public String hover(String path, String marked) {
        String text = text(path);
        int cursor = marked.indexOf("$0");
        int start = text.indexOf(marked.replace("$0", ""));
        if (cursor < 0 || start < 0) {
            throw new AssertionError("'" + marked + "' is not in " + path);
        }
        int offset = start + cursor;
        Optional<HoverInfo> hover = PromptwiseAnalysis.isStrategyFile(path)
                ? analysis.strategyHover(strategy(path), offset, Cancellation.NONE)
                : analysis.hover(prompt(path), offset, Cancellation.NONE);
        return hover.orElseThrow(() -> new AssertionError("no hover at '" + marked + "'")).markdown();
    }
}
