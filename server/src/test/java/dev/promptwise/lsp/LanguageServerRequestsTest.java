package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests run on the current snapshot, are cancelled by a newer version, and the lifecycle follows LSP. */
class LanguageServerRequestsTest {

    private static final String PROMPT = "file:///workspace/prompts/triage.prompty";
    private static final String NOT_A_PROMPT = "file:///workspace/notes/todo.java";
    private static final String TEXT = "---\nname: triage\n---\nsystem:\nYou sort support tickets by urgency.\n";

    private final QueuedExecutor analysisThreads = new QueuedExecutor();
    private final List<Integer> exitCodes = new ArrayList<>();
    private final PromptwiseLanguageServer server = new PromptwiseLanguageServer(
            new PromptwiseAnalysis(PriceCatalog.bundled()),
            new PromptwiseLanguageServer.Environment(analysisThreads, new ManualScheduler(), exitCodes::add,
                    new ServerLog(new PrintWriter(new StringWriter()))));

    LanguageServerRequestsTest() {
        server.connect(new RecordingClient());
    }

    @Test
    void advertisesIncrementalSyncAndTheFeatures() {
        InitializeResult result = server.initialize(new InitializeParams()).join();
        ServerCapabilities capabilities = result.getCapabilities();
        TextDocumentSyncOptions sync = capabilities.getTextDocumentSync().getRight();
        assertEquals(TextDocumentSyncKind.Incremental, sync.getChange());
        assertEquals(Boolean.FALSE, sync.getSave().getRight().getIncludeText());
        assertTrue(capabilities.getHoverProvider().getLeft());
        assertTrue(capabilities.getInlayHintProvider().getLeft());
        assertEquals(List.of("promptwise.costReport", "promptwise.costReportHtml", "promptwise.createFilesAndApply",
                "promptwise.importPreview"),
                capabilities.getExecuteCommandProvider().getCommands());
        assertEquals("promptwise", result.getServerInfo().getName());
    }

    @Test
    void aRequestOvertakenByANewerVersionIsCancelled() {
        server.initialize(new InitializeParams());
        open(PROMPT);
        CompletableFuture<Hover> hover = server.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(PROMPT), new Position(4, 3)));
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(PROMPT, 2), List.of(new TextDocumentContentChangeEvent("x"))));
        analysisThreads.runAll();
        CompletionException failure = assertThrows(CompletionException.class, hover::join);
        assertInstanceOf(CancellationException.class, failure.getCause());
    }

    @Test
    void aRequestOnTheCurrentVersionAnswers() {
        server.initialize(new InitializeParams());
        open(PROMPT);
        CompletableFuture<Hover> hover = server.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(PROMPT), new Position(4, 3)));
        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(PROMPT), new Range(new Position(0, 0), new Position(9, 0)),
                new CodeActionContext(List.of())));
        analysisThreads.runAll();
        assertFalse(hover.isCompletedExceptionally());
        assertFalse(actions.isCompletedExceptionally());
    }

    @Test
    void aHoverDoesNotWaitBehindQueuedValidations() {
        QueuedExecutor validations = new QueuedExecutor();
        QueuedExecutor requestThreads = new QueuedExecutor();
        PromptwiseLanguageServer separated = new PromptwiseLanguageServer(
                new PromptwiseAnalysis(PriceCatalog.bundled()),
                new PromptwiseLanguageServer.Environment(validations, requestThreads, new ManualScheduler(),
                        exitCodes::add, new ServerLog(new PrintWriter(new StringWriter()))));
        separated.connect(new RecordingClient());
        separated.initialize(new InitializeParams());
        for (int i = 0; i < 50; i++) {
            separated.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem("file:///workspace/prompts/p" + i + ".prompty", "prompty", 1, TEXT)));
        }
        separated.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(PROMPT, "prompty", 1, TEXT)));

        CompletableFuture<Hover> hover = separated.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(PROMPT), new Position(4, 3)));
        requestThreads.runAll();

        assertTrue(hover.isDone(), "the hover ran on the request threads while the validations stayed queued");
        assertTrue(hover.join().getContents().getRight().getValue().contains("system"), hover.join().toString());
        assertTrue(validations.size() > 0, "the validations are still waiting");
    }

    @Test
    void documentCostPricesPromptsAndAnswersNullForOtherFiles() {
        server.initialize(new InitializeParams());
        open(PROMPT);
        open(NOT_A_PROMPT);
        CompletableFuture<DocumentCostResult> prompt = server.documentCost(new DocumentCostParams(PROMPT));
        CompletableFuture<DocumentCostResult> other = server.documentCost(new DocumentCostParams(NOT_A_PROMPT));
        CompletableFuture<DocumentCostResult> unopened =
                server.documentCost(new DocumentCostParams("file:///never/opened.prompty"));
        analysisThreads.runAll();
        assertEquals("gpt-4o-mini", prompt.join().getModel());
        assertTrue(prompt.join().getTokens() > 0);
        assertNull(other.join());
        assertNull(unopened.join());
    }

    @Test
    void theCostReportPagePricesTheOpenPromptsAsTheStatusBarDoes() {
        server.initialize(new InitializeParams());
        open(PROMPT);
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                Map.of("promptwise", Map.of("traffic", Map.of("requestsPerDay", 1000)))));
        CompletableFuture<DocumentCostResult> cost = server.documentCost(new DocumentCostParams(PROMPT));
        CompletableFuture<Object> page = server.getWorkspaceService().executeCommand(
                new ExecuteCommandParams("promptwise.costReportHtml", List.of()));
        analysisThreads.runAll();
        String html = ((CostReports.Page) page.join()).html();
        DocumentCostResult figures = cost.join();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<tr><td><code>[^<]*triage\\.prompty</code></td><td>gpt-4o-mini</td><td class=\"number\">([^<]*)</td>"
                        + "<td class=\"number\">([^<]*)</td><td class=\"number\">([^<]*)</td></tr>").matcher(html);
        assertTrue(row.find(), html);
        assertEquals(String.valueOf(figures.getTokens()), row.group(1));
        // The open prompt's input at the settings' 1,000 requests a day, read from the catalog's price.
        double perRequest = figures.getTokens() * PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().input()
                / 1e6;
        assertEquals(perRequest, figures.getCostPerRequestUsd(), 1e-12);
        // The same figures; the page says they are a lower bound, since the settings' traffic declares no output.
        assertEquals("at least " + dev.promptwise.core.cost.Money.usd(perRequest), row.group(2));
        assertEquals("at least " + dev.promptwise.core.cost.Money.usd(perRequest * 1000 * 30), row.group(3));
        assertTrue(html.contains(CostReports.PROMPT_SCOPE.replace("'", "&#39;")), html);
    }

    @Test
    void theCostReportCommandAnswersAndOtherCommandsAreInvalid() {
        CompletableFuture<Object> answer = server.getWorkspaceService().executeCommand(
                new ExecuteCommandParams("promptwise.costReport", List.of()));
        analysisThreads.runAll();
        CostReports.Data report = (CostReports.Data) answer.join();
        assertEquals(List.of(), report.workloads(), "no workspace root, so no strategy file");
        assertTrue(report.generatedAt().endsWith("Z"), report.generatedAt());
        CompletableFuture<Object> page = server.getWorkspaceService().executeCommand(
                new ExecuteCommandParams("promptwise.costReportHtml", List.of()));
        analysisThreads.runAll();
        String html = ((CostReports.Page) page.join()).html();
        assertTrue(html.startsWith("<!doctype html>"), html);
        assertTrue(html.contains("No workloads: describe them in <code>promptwise.yaml</code>"), html);
        CompletionException failure = assertThrows(CompletionException.class, () -> server.getWorkspaceService()
                .executeCommand(new ExecuteCommandParams("promptwise.nothing", List.of())).join());
        assertEquals(ResponseErrorCode.InvalidParams.getValue(),
                ((ResponseErrorException) failure.getCause()).getResponseError().getCode());
    }

    @Test
    void exitAfterShutdownEndsWithZeroAndWithoutItWithOne() {
        server.exit();
        server.shutdown().join();
        server.exit();
        assertEquals(List.of(1, 0), exitCodes);
    }

    @Test
    void theGuardRejectsRequestsBeforeInitializeAndAfterShutdownButAlwaysPassesExit() {
        LifecycleGuard guard = new LifecycleGuard(ServiceEndpoints.toEndpoint(server), server,
                new ServerLog(new PrintWriter(new StringWriter())));
        assertEquals(ResponseErrorCode.ServerNotInitialized.getValue(), errorCode(guard.request("shutdown", null)));
        guard.request("initialize", new InitializeParams()).join();
        assertNull(guard.request("shutdown", null).join());
        assertEquals(ResponseErrorCode.InvalidRequest.getValue(), errorCode(guard.request("shutdown", null)));
        guard.notify("exit", null);
        assertEquals(List.of(0), exitCodes);
    }

    @Test
    void initializeReadsNoCatalogAndAPricingFileCanComeAndGo(@TempDir Path root) throws IOException {
        AtomicInteger catalogReads = new AtomicInteger();
        PromptwiseLanguageServer lazy = new PromptwiseLanguageServer(new PromptwiseAnalysis(() -> {
            catalogReads.incrementAndGet();
            return PriceCatalog.bundled();
        }, message -> {}), new PromptwiseLanguageServer.Environment(analysisThreads, new ManualScheduler(),
                exitCodes::add, new ServerLog(new PrintWriter(new StringWriter()))));
        lazy.connect(new RecordingClient());
        Files.writeString(root.resolve("prices.yaml"), "acme/support-7b: { provider: acme, input: 0.2, output: 0.8,"
                + " contextWindow: 32000, maxOutput: 4096, encoding: cl100k_base }\n");
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        params.setInitializationOptions(Map.of("promptwise", Map.of("defaultModel", "acme/support-7b")));
        lazy.initialize(params).join();
        assertEquals(0, catalogReads.get(), "the bundled catalog waits for its first use");

        lazy.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(Map.of("promptwise",
                Map.of("defaultModel", "acme/support-7b", "pricing", Map.of("file", "prices.yaml")))));
        lazy.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(PROMPT, "prompty", 1, TEXT)));
        CompletableFuture<DocumentCostResult> withPricingFile = lazy.documentCost(new DocumentCostParams(PROMPT));
        analysisThreads.runAll();
        assertEquals(1, catalogReads.get());
        assertEquals("acme/support-7b", withPricingFile.join().getModel());
        assertFalse(withPricingFile.join().isEstimated(), "the pricing file gives the model its encoding");

        PromptwiseAnalysis withFile = lazy.analyzer().facade();
        lazy.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(Map.of("promptwise",
                Map.of("defaultModel", "acme/support-7b", "budget", Map.of("maxPromptTokens", 900), "pricing",
                        Map.of("file", "prices.yaml")))));
        assertSame(withFile, lazy.analyzer().facade(), "an unchanged pricing file keeps the façade and its memos");
        Files.writeString(root.resolve("prices.yaml"), "acme/support-7b: { provider: acme, input: 0.4, output: 1.6,"
                + " contextWindow: 32000, maxOutput: 4096, encoding: cl100k_base }\n");
        lazy.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(Map.of("promptwise",
                Map.of("defaultModel", "acme/support-7b", "pricing", Map.of("file", "prices.yaml")))));
        assertNotSame(withFile, lazy.analyzer().facade(), "an edited pricing file is read again");
        assertEquals(0.4, lazy.analyzer().facade().catalog().resolve("acme/support-7b").orElseThrow().input());

        lazy.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(Map.of("promptwise",
                Map.of("defaultModel", "acme/support-7b"))));
        CompletableFuture<DocumentCostResult> withoutPricingFile = lazy.documentCost(new DocumentCostParams(PROMPT));
        analysisThreads.runAll();
        assertTrue(withoutPricingFile.join().isEstimated(), "back on the bundled catalog, which has no such model");
        assertEquals(1, catalogReads.get());
    }

    @Test
    void aWorkspaceCatalogWrittenByPricesUpdatePricesTheEditor(@TempDir Path root) throws IOException {
        // A LiteLLM file under .promptwise/, as `promptwise prices update` writes it, with its own gpt-4o-mini price.
        Files.createDirectories(root.resolve(".promptwise"));
        Files.writeString(root.resolve(".promptwise/prices-2026-08-01.json"), "{\"last_updated\": \"2026-08-01\","
                + " \"gpt-4o-mini\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\","
                + " \"input_cost_per_token\": 1e-07, \"output_cost_per_token\": 4e-07}}");
        PromptwiseLanguageServer editor = editorInitializedAt(root);
        PriceCatalog used = editor.analyzer().facade().catalog();
        assertEquals(".promptwise/prices-2026-08-01.json (LiteLLM format)", used.info().source());
        assertEquals(0.10, used.resolve("gpt-4o-mini").orElseThrow().input());
        assertEquals(PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().fineTuning(),
                used.resolve("gpt-4o-mini").orElseThrow().fineTuning(), "the overlay applies to it");
    }

    @Test
    void aWorkspaceCatalogWrittenWhileTheEditorRunsIsUsedAtOnce(@TempDir Path root) throws IOException {
        PromptwiseLanguageServer editor = editorInitializedAt(root);
        assertEquals(PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().input(),
                editor.analyzer().facade().catalog().resolve("gpt-4o-mini").orElseThrow().input());

        // `promptwise prices update` writes a dated catalog under .promptwise/; the client's watcher reports it.
        Files.createDirectories(root.resolve(".promptwise"));
        Path written = root.resolve(".promptwise/prices-2026-11-30.json");
        Files.writeString(written, "{\"last_updated\": \"2026-11-30\", \"gpt-4o-mini\": {\"litellm_provider\":"
                + " \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": 2e-07, \"output_cost_per_token\": 8e-07}}");
        editor.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                new org.eclipse.lsp4j.FileEvent(written.toUri().toString(), org.eclipse.lsp4j.FileChangeType.Created))));
        analysisThreads.runAll();
        PriceCatalog used = editor.analyzer().facade().catalog();
        assertEquals(".promptwise/prices-2026-11-30.json (LiteLLM format)", used.info().source());
        assertEquals(0.20, used.resolve("gpt-4o-mini").orElseThrow().input(), 1e-12);

        // Another file's change leaves the catalog, and the façade with its memos, as they are.
        dev.promptwise.core.analysis.PromptwiseAnalysis before = editor.analyzer().facade();
        Files.writeString(root.resolve("tools.json"), "[]");
        editor.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                new org.eclipse.lsp4j.FileEvent(root.resolve("tools.json").toUri().toString(),
                        org.eclipse.lsp4j.FileChangeType.Created))));
        analysisThreads.runAll();
        assertSame(before, editor.analyzer().facade());
    }

    /** Returns a server on the bundled catalog, connected and initialized with {@code root} as its workspace. */
    private PromptwiseLanguageServer editorInitializedAt(Path root) {
        PromptwiseLanguageServer editor = new PromptwiseLanguageServer(new PromptwiseAnalysis(PriceCatalog::bundled,
                message -> {}), new PromptwiseLanguageServer.Environment(analysisThreads, new ManualScheduler(),
                exitCodes::add, new ServerLog(new PrintWriter(new StringWriter()))));
        editor.connect(new RecordingClient());
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        editor.initialize(params).join();
        return editor;
    }

    private static int errorCode(CompletableFuture<?> future) {
        CompletionException failure = assertThrows(CompletionException.class, future::join);
        return ((ResponseErrorException) failure.getCause()).getResponseError().getCode();
    }

    private void open(String uri) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "prompty", 1, TEXT)));
    }
}
