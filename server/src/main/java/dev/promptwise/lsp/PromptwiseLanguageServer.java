package dev.promptwise.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server: its capabilities, its lifecycle (initialize, shutdown, exit, the client's death) and its
 * settings. It owns the document store and hands the work to {@link PromptwiseTextDocumentService} and
 * {@link PromptwiseWorkspaceService}.
 */
public final class PromptwiseLanguageServer implements LanguageServer, LanguageClientAware, PromptwiseProtocol {

    /** The command that answers the cost report's figures as data. */
    public static final String COST_REPORT_COMMAND = "promptwise.costReport";
    /** Plans an import of measured figures into the strategy files; the client shows the diff and applies it. */
    public static final String IMPORT_PREVIEW_COMMAND = "promptwise.importPreview";

    /** The command that answers the cost report as the page {@code promptwise report --html} writes: {@code {html}}. */
    public static final String COST_REPORT_HTML_COMMAND = "promptwise.costReportHtml";

    /**
     * What the server takes from its surroundings; tests pass direct executors, a clock they advance by hand and
     * an exit that only records its code.
     *
     * @param executor runs the background work, off the message thread: validations, indexing, warming up
     * @param requestExecutor runs the client's requests (hovers, lenses, actions, commands), apart from the
     *     background work so that a hover never waits behind a queue of validations
     * @param scheduler waits out the diagnostics debounce
     * @param exit ends the process with the given code
     * @param log stderr and, once connected, the client
     */
    public record Environment(Executor executor, Executor requestExecutor, DelayScheduler scheduler, IntConsumer exit,
            ServerLog log) {

        /** An environment that runs requests and background work on the same executor. */
        public Environment(Executor executor, DelayScheduler scheduler, IntConsumer exit, ServerLog log) {
            this(executor, executor, scheduler, exit, log);
        }
    }

    private final Environment environment;
    private final DocumentStore store;
    private final WorkspaceIndex index;
    private final DocumentAnalyzer analyzer;
    private final PromptRequests requests;
    private final DiagnosticsPublisher diagnostics;
    private final PromptwiseTextDocumentService textDocumentService;
    private final PromptwiseWorkspaceService workspaceService;
    private final AtomicBoolean initialized = new AtomicBoolean();
    private final AtomicBoolean shutdownRequested = new AtomicBoolean();
    private volatile LanguageClient client;
    private volatile boolean pricingFileInUse;
    /** The pricing file and the hash of the bytes the catalog in force was read from; null on the bundled one. */
    private volatile String pricingInUse;
    private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();
    private final Object refreshLock = new Object();
    /** The refresh of code lenses and inlay hints waiting for the debounce to pass; null when none waits. */
    private DelayScheduler.Scheduled pendingRefresh;

    public PromptwiseLanguageServer(PromptwiseAnalysis analysis, Environment environment) {
        this.environment = environment;
        ServerLog log = environment.log();
        this.store = new DocumentStore(log::warning, this::edited);
        this.index = new WorkspaceIndex(analysis, store, log);
        this.analyzer = new DocumentAnalyzer(analysis, index, log);
        this.requests = new PromptRequests(store, analyzer, environment.requestExecutor());
        this.diagnostics = new DiagnosticsPublisher(store, analyzer, environment.executor(), environment.scheduler(),
                params -> {
                    LanguageClient connected = client;
                    if (connected != null) {
                        connected.publishDiagnostics(params);
                    }
                }, log, index::isIndexed);
        this.textDocumentService = new PromptwiseTextDocumentService(store, requests, diagnostics, analyzer, this);
        this.workspaceService = new PromptwiseWorkspaceService(this);
    }

    /** Hands an edit the store applied to the analysis host of the façade in use. */
    private void edited(String old, String current, dev.promptwise.core.text.TextChange change) {
        analyzer.facade().host().edited(old, current, change);
    }

    @Override
    public void connect(LanguageClient languageClient) {
        client = languageClient;
        environment.log().connect(languageClient);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            clientCapabilities = params.getCapabilities();
        }
        index.setRoot(rootUri(params));
        applySettings(params.getInitializationOptions());
        if (params.getProcessId() != null) {
            // Off the message thread: finding the process and starting its watcher need not delay the answer.
            int processId = params.getProcessId();
            environment.executor().execute(() -> watchClientProcess(processId));
        }
        initialized.set(true);
        // The first prompt the client opens needs the vocabulary: it loads while the handshake goes on.
        PromptwiseAnalysis.loadVocabularyInBackground();
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(),
                new ServerInfo("promptwise", Versions.serverVersion())));
    }

    @Override
    public void initialized(InitializedParams params) {
        environment.log().info("Promptwise " + Versions.serverVersion() + " is ready.");
        registerFileWatchers();
        // The client opens its first files right after this: have the catalog and vocabulary ready for them.
        environment.executor().execute(analyzer.facade()::prepare);
        environment.executor().execute(this::indexWorkspace);
    }

    /** Returns what the client said it supports at initialize. */
    public ClientCapabilities clientCapabilities() {
        return clientCapabilities;
    }

    /** Returns the workspace index. */
    public WorkspaceIndex index() {
        return index;
    }

    /** Returns the analyzer, for the workspace service's commands. */
    DocumentAnalyzer analyzer() {
        return analyzer;
    }

    /** Returns the request runner, for the workspace service's commands. */
    Executor requestExecutor() {
        return environment.requestExecutor();
    }

    /**
     * Validates every open document again once the debounce has passed, except {@code changed} itself, and has the
     * client ask again for the code lenses and inlay hints of those documents.
     */
    void revalidateOthers(DocumentSnapshot changed, boolean onlyStrategies) {
        boolean others = false;
        for (DocumentSnapshot document : store.all()) {
            if (!document.uri().equals(changed.uri()) && (!onlyStrategies || analyzer.isStrategy(document))) {
                diagnostics.validateLater(document);
                others = true;
            }
        }
        if (others) {
            refreshViewsLater();
        }
    }

    /**
     * Asks the client to request code lenses and inlay hints again once the debounce has passed without another
     * change: what they say of a prompt (its cost per month, its workload) comes from strategy files and other
     * prompts, and the client asks again on its own only when the document it shows is edited.
     */
    private void refreshViewsLater() {
        long delayMs = Math.max(0, analyzer.settings().debounceMs());
        synchronized (refreshLock) {
            if (pendingRefresh != null) {
                pendingRefresh.cancel();
            }
            pendingRefresh = environment.scheduler().schedule(this::refreshViews, delayMs);
        }
    }

    /** Asks the client to request code lenses and inlay hints again, where it said it can; once for all that wait. */
    private void refreshViews() {
        synchronized (refreshLock) {
            if (pendingRefresh != null) {
                pendingRefresh.cancel();
                pendingRefresh = null;
            }
        }
        LanguageClient connected = client;
        WorkspaceClientCapabilities workspace = clientCapabilities.getWorkspace();
        if (connected == null || workspace == null) {
            return;
        }
        if (workspace.getCodeLens() != null && Boolean.TRUE.equals(workspace.getCodeLens().getRefreshSupport())) {
            connected.refreshCodeLenses();
        }
        if (workspace.getInlayHint() != null && Boolean.TRUE.equals(workspace.getInlayHint().getRefreshSupport())) {
            connected.refreshInlayHints();
        }
    }

    /** Reacts to files changed on disk: strategy files are read again, prompts make workloads be priced again. */
    void filesChanged(List<String> uris) {
        boolean catalogs = false;
        for (String uri : uris) {
            String path = index.relativePath(uri);
            catalogs |= mayBeCatalog(path);
            // A model's tokenizer file, if it is one, is read again on the next analysis.
            analyzer.facade().forgetTokenizer(path);
            if (PromptwiseAnalysis.isStrategyFile(path)) {
                index.reload(path);
            } else {
                index.promptChanged();
            }
        }
        // A price catalog written by `promptwise prices update`, or an edited pricing file, is used from now on.
        if (catalogs) {
            useCatalogOf(analyzer.settings());
        }
        // Every open file again: a strategy file reads the prompts, and a prompt the files its inputs, tools and
        // images come from (a changed tools file changes the prompt's cost).
        for (DocumentSnapshot document : store.all()) {
            diagnostics.validateLater(document);
        }
        refreshViewsLater();
    }

    /**
     * Carries out {@value #IMPORT_PREVIEW_COMMAND}: {@code [{source, file, workload?, match?}]}, {@code file} an
     * absolute path or a {@code file:} URI the user picked. Answers {@code {edits: [{uri, path, before, after}],
     * warnings: [...]}}, or {@code {error, warnings}} for input the import refuses; writes nothing (the client shows
     * the diff and applies the edits the user accepts). Bad arguments are InvalidParams.
     */
    Map<String, Object> importPreview(List<Object> arguments) {
        Optional<java.nio.file.Path> root = index.root();
        com.google.gson.JsonObject json = arguments == null || arguments.size() != 1 ? null
                : toJson(arguments.get(0)) instanceof com.google.gson.JsonObject object ? object : null;
        String source = json == null ? null : string(json, "source");
        String file = json == null ? null : string(json, "file");
        if (root.isEmpty() || source == null || file == null) {
            throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
                    root.isEmpty() ? "No workspace to import into" : "Expected [{source, file, workload?, match?}]",
                    null));
        }
        List<String> match = new ArrayList<>();
        if (json.get("match") instanceof com.google.gson.JsonArray values) {
            values.forEach(value -> match.add(value.getAsString()));
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        try {
            java.nio.file.Path input = file.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(file))
                    : java.nio.file.Path.of(file);
            String fileName = input.normalize().startsWith(root.get())
                    ? root.get().relativize(input.normalize()).toString().replace('\\', '/')
                    : input.getFileName().toString();
            dev.promptwise.imports.StrategyImport importer = new dev.promptwise.imports.StrategyImport(source,
                    string(json, "workload"), match, warnings::add);
            List<Map<String, String>> edits = new ArrayList<>();
            for (dev.promptwise.imports.StrategyImport.Edit edit : importer.plan(root.get(), input, fileName)) {
                edits.add(Map.of("uri", root.get().resolve(edit.strategyFile()).toUri().toString(),
                        "path", edit.strategyFile(), "before", edit.before(), "after", edit.after()));
            }
            answer.put("edits", edits);
        } catch (dev.promptwise.imports.ImportException | IllegalArgumentException e) {
            answer.put("error", e.getMessage());
        } catch (java.io.IOException e) {
            answer.put("error", "cannot read " + file + ": " + e.getMessage());
        }
        answer.put("warnings", warnings);
        return answer;
    }

    /** Returns a command's argument as JSON: LSP4J hands it over as a Gson tree, a test as plain Java values. */
    private static com.google.gson.JsonElement toJson(Object argument) {
        return argument instanceof com.google.gson.JsonElement element ? element
                : new com.google.gson.Gson().toJsonTree(argument);
    }

    private static String string(com.google.gson.JsonObject json, String key) {
        com.google.gson.JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isBlank() ? value.getAsString() : null;
    }

    /**
     * Carries out {@value ToLsp#CREATE_FILES_COMMAND}: creates each file inside the workspace root, never over an
     * existing one and never through a link that leaves the root, then asks the client to apply the edits to the
     * files that exist. Nothing is applied when a file cannot be created; the user is told why.
     */
    void createFilesAndApply(List<Object> arguments) {
        LanguageClient connected = client;
        Optional<java.nio.file.Path> root = index.root();
        if (connected == null || root.isEmpty() || arguments == null || arguments.size() != 1) {
            throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams, "No workspace to create files in",
                    null));
        }
        com.google.gson.JsonObject json = toJson(arguments.get(0)).getAsJsonObject();
        List<java.nio.file.Path> created = new ArrayList<>();
        try {
            for (com.google.gson.JsonElement creation : json.getAsJsonArray("creations")) {
                String path = creation.getAsJsonObject().get("path").getAsString();
                String content = creation.getAsJsonObject().get("content").getAsString();
                created.add(SafeFiles.createNew(root.get(), path, content));
            }
        } catch (java.io.IOException | RuntimeException e) {
            created.forEach(SafeFiles::deleteQuietly);
            connected.showMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Error,
                    "Promptwise did not apply the fix: " + e.getMessage()));
            return;
        }
        org.eclipse.lsp4j.WorkspaceEdit edit = new com.google.gson.Gson().fromJson(json.get("edit"),
                org.eclipse.lsp4j.WorkspaceEdit.class);
        connected.applyEdit(new org.eclipse.lsp4j.ApplyWorkspaceEditParams(edit, "Promptwise"));
    }

    /**
     * Names the pricing file and the workspace's catalog ({@code .promptwise/prices-*.json}) by their paths and the
     * hashes of their bytes, so that an edited file is read again; null when neither is there.
     */
    private String pricingKey(Settings settings) {
        java.util.Optional<java.nio.file.Path> workspaceCatalog = dev.promptwise.io.WorkspaceCatalogs.find(
                index.root().orElse(null));
        if (settings.pricingFile() == null && workspaceCatalog.isEmpty()) {
            return null;
        }
        return (settings.pricingFile() == null ? "" : fileKey(pricingPath(settings))) + "\0"
                + workspaceCatalog.map(this::fileKey).orElse("");
    }

    private String fileKey(java.nio.file.Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file));
            return file + "\0" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.io.IOException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            return file + "\0unreadable";
        }
    }

    private java.nio.file.Path pricingPath(Settings settings) {
        java.nio.file.Path file = java.nio.file.Path.of(settings.pricingFile());
        if (!file.isAbsolute() && index.root().isPresent()) {
            file = index.root().get().resolve(file);
        }
        return file;
    }

    private dev.promptwise.core.catalog.PriceCatalog catalogFor(Settings settings) {
        dev.promptwise.core.catalog.PriceCatalog bundled = analyzer.bundledCatalog();
        java.util.Optional<java.nio.file.Path> workspaceCatalog = dev.promptwise.io.WorkspaceCatalogs.find(
                index.root().orElse(null));
        if (workspaceCatalog.isPresent()) {
            try {
                bundled = dev.promptwise.io.WorkspaceCatalogs.forWorkspace(index.root().orElseThrow())
                        .on(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
            } catch (java.io.IOException | RuntimeException e) {
                environment.log().warning("The workspace's price catalog is not used: " + e.getMessage());
            }
        }
        if (settings.pricingFile() == null) {
            return bundled;
        }
        java.nio.file.Path file = pricingPath(settings);
        try {
            return dev.promptwise.io.PricingFiles.apply(bundled, file);
        } catch (java.io.IOException | RuntimeException e) {
            environment.log().warning("Settings: pricing.file is not used: " + e.getMessage());
            return bundled;
        }
    }

    private void indexWorkspace() {
        WorkDoneProgress progress = new WorkDoneProgress(client, supportsWorkDoneProgress(), environment.log());
        progress.begin("Promptwise: indexing strategy files");
        try {
            int found = index.index(percent -> progress.report(percent));
            environment.log().info("Indexed " + found + " strategy file" + (found == 1 ? "" : "s") + ".");
        } catch (RuntimeException e) {
            environment.log().error("Indexing the workspace failed", e);
        } finally {
            progress.end();
        }
        // The index says it is done before this looks at the open documents: one opened since is validated by its
        // own didOpen, one opened before is validated here.
        store.all().forEach(diagnostics::validateNow);
        // Code lenses and inlay hints asked for while indexing knew no workload.
        refreshViews();
    }

    private boolean supportsWorkDoneProgress() {
        return clientCapabilities.getWindow() != null
                && Boolean.TRUE.equals(clientCapabilities.getWindow().getWorkDoneProgress());
    }

    private void registerFileWatchers() {
        LanguageClient connected = client;
        WorkspaceClientCapabilities workspace = clientCapabilities.getWorkspace();
        boolean dynamic = workspace != null && workspace.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(workspace.getDidChangeWatchedFiles().getDynamicRegistration());
        if (connected == null || !dynamic) {
            return;
        }
        List<FileSystemWatcher> watchers = List.of(
                new FileSystemWatcher(Either.forLeft("**/promptwise.{yaml,yml}")),
                new FileSystemWatcher(Either.forLeft("**/*.strategy.{yaml,yml}")),
                new FileSystemWatcher(Either.forLeft(WorkspaceIndex.watchedFilesGlob())));
        Registration registration = new Registration("promptwise-watched-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(watchers));
        connected.registerCapability(new RegistrationParams(List.of(registration)));
        index.watchersRegistered();
    }

    private static String rootUri(InitializeParams params) {
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            return params.getWorkspaceFolders().get(0).getUri();
        }
        @SuppressWarnings("deprecation")
        String root = params.getRootUri();
        return root;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested.set(true);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        environment.exit().accept(exitCode());
    }

    @Override
    public PromptwiseTextDocumentService getTextDocumentService() {
        return textDocumentService;
    }

    @Override
    public PromptwiseWorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    @Override
    public CompletableFuture<DocumentCostResult> documentCost(DocumentCostParams params) {
        return requests.onPrompt(params.getUri(), null,
                (ctx, cancellation) -> DocumentCosts.of(ctx.prompt()));
    }

    /** Returns whether {@code initialize} has been answered. */
    public boolean isInitialized() {
        return initialized.get();
    }

    /** Returns whether {@code shutdown} has been received: from then on only {@code exit} is accepted. */
    public boolean isShutdownRequested() {
        return shutdownRequested.get();
    }

    /** Returns the exit code LSP asks for: 0 after {@code shutdown}, 1 otherwise. */
    public int exitCode() {
        return shutdownRequested.get() ? 0 : 1;
    }

    /** Returns the settings in force. */
    public Settings settings() {
        return analyzer.settings();
    }

    /** Returns the open documents. */
    public DocumentStore documents() {
        return store;
    }

    /**
     * Takes a settings object the client sent (at initialize or on a change), either {@code {"promptwise": {...}}}
     * or the object itself, logs what is wrong in it, and validates every open document again.
     */
    void applySettings(Object settingsObject) {
        JsonNode json = FromLsp.settingsJson(settingsObject);
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.fromJson(json, problems);
        // Without a pricing file or a workspace catalog (.promptwise/prices-*.json) the bundled catalog stays in use
        // and is read on first use, not at initialize.
        // A settings change that leaves the pricing file as it was keeps the façade, and with it every memo.
        useCatalogOf(settings);
        analyzer.updateSettings(settings);
        problems.forEach(problem -> environment.log().warning("Settings: " + problem));
        store.all().forEach(diagnostics::validateNow);
    }

    /**
     * Puts the catalog of {@code settings}' pricing file and the workspace's {@code .promptwise/prices-*.json} in use
     * when either file's bytes differ from those in use.
     */
    private void useCatalogOf(Settings settings) {
        String pricing = pricingKey(settings);
        if (pricing != null || pricingFileInUse) {
            if (!java.util.Objects.equals(pricing, pricingInUse)) {
                analyzer.useCatalog(catalogFor(settings));
                pricingInUse = pricing;
            }
            pricingFileInUse = pricing != null;
        }
    }

    /** Returns whether a changed workspace-relative path may be a price catalog: the workspace's or the settings'. */
    private boolean mayBeCatalog(String path) {
        if (path.startsWith(".promptwise/") && dev.promptwise.io.WorkspaceCatalogs.NAME.matcher(
                path.substring(".promptwise/".length())).matches()) {
            return true;
        }
        Settings settings = analyzer.settings();
        return settings.pricingFile() != null && index.root().isPresent()
                && pricingPath(settings).normalize().equals(index.root().get().resolve(path).normalize());
    }

    private ServerCapabilities capabilities() {
        ServerCapabilities capabilities = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        capabilities.setTextDocumentSync(sync);
        capabilities.setHoverProvider(true);
        capabilities.setCodeLensProvider(new CodeLensOptions(false));
        capabilities.setInlayHintProvider(true);
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(COST_REPORT_COMMAND,
                COST_REPORT_HTML_COMMAND, ToLsp.CREATE_FILES_COMMAND, IMPORT_PREVIEW_COMMAND)));
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "/")));
        capabilities.setDefinitionProvider(true);
        capabilities.setDocumentLinkProvider(new DocumentLinkOptions(false));
        return capabilities;
    }

    private void watchClientProcess(int processId) {
        Optional<ProcessHandle> clientProcess = ProcessHandle.of(processId);
        if (clientProcess.isEmpty()) {
            // The id may belong to another process namespace (a container, a remote host); do not guess.
            environment.log().warning("Client process " + processId + " is not visible; not watching it.");
            return;
        }
        clientProcess.get().onExit().thenRun(() -> {
            environment.log().warning("Client process " + processId + " exited; the server exits too.");
            environment.exit().accept(exitCode());
        });
    }
}
