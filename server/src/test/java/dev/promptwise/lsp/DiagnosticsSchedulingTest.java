package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHintWorkspaceCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostics are debounced per document, immediate on open and save, and never stale: the clock and the
 * analysis threads are driven by hand, so every interleaving here is exact and no test sleeps.
 */
class DiagnosticsSchedulingTest {

    private static final String PROMPT = "file:///workspace/prompts/triage.prompty";
    private static final String OTHER_PROMPT = "file:///workspace/prompts/summary.prompty";
    private static final String NOT_A_PROMPT = "file:///workspace/src/Main.java";
    private static final String TEXT = "---\nname: triage\n---\nsystem:\nYou sort tickets.\n\nuser:\n{{ticket}}\n";

    private final ManualScheduler clock = new ManualScheduler();
    private final QueuedExecutor analysisThreads = new QueuedExecutor();
    private final RecordingClient client = new RecordingClient();
    private final PromptwiseLanguageServer server = new PromptwiseLanguageServer(
            new PromptwiseAnalysis(PriceCatalog.bundled()),
            new PromptwiseLanguageServer.Environment(analysisThreads, clock, code -> { },
                    new ServerLog(new PrintWriter(new StringWriter()))));

    DiagnosticsSchedulingTest() {
        server.connect(client);
        server.initialize(new InitializeParams());
    }

    @Test
    void openPublishesAtOnceWithTheOpenedVersion() {
        open(PROMPT, 1);
        analysisThreads.runAll();
        assertEquals(List.of(1), client.versionsFor(PROMPT));
    }

    @Test
    void editsWaitForTheDebounceAndOnlyTheLastVersionIsPublished() {
        open(PROMPT, 1);
        analysisThreads.runAll();
        type(PROMPT, 2);
        clock.advance(200);
        type(PROMPT, 3);
        clock.advance(299);
        analysisThreads.runAll();
        assertEquals(List.of(1), client.versionsFor(PROMPT), "nothing before 300 ms of quiet");
        clock.advance(1);
        analysisThreads.runAll();
        assertEquals(List.of(1, 3), client.versionsFor(PROMPT));
        assertEquals(0, clock.pending());
    }

    @Test
    void eachDocumentHasItsOwnDebounce() {
        open(PROMPT, 1);
        open(OTHER_PROMPT, 1);
        analysisThreads.runAll();
        type(PROMPT, 2);
        clock.advance(150);
        type(OTHER_PROMPT, 2);
        clock.advance(150);
        analysisThreads.runAll();
        assertEquals(List.of(1, 2), client.versionsFor(PROMPT));
        assertEquals(List.of(1), client.versionsFor(OTHER_PROMPT));
        clock.advance(150);
        analysisThreads.runAll();
        assertEquals(List.of(1, 2), client.versionsFor(OTHER_PROMPT));
    }

    @Test
    void aDebounceOfZeroValidatesEachEditAtOnce() {
        configure("{\"promptwise\": {\"diagnostics\": {\"debounceMs\": 0}}}");
        open(PROMPT, 1);
        type(PROMPT, 2);
        analysisThreads.runAll();
        assertEquals(List.of(2), client.versionsFor(PROMPT), "version 1 was superseded before it ran");
        assertEquals(0, clock.pending());
    }

    @Test
    void saveValidatesAtOnceAndDropsTheWaitingDebounce() {
        open(PROMPT, 1);
        analysisThreads.runAll();
        type(PROMPT, 2);
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(PROMPT)));
        analysisThreads.runAll();
        clock.advance(1_000);
        analysisThreads.runAll();
        assertEquals(List.of(1, 2), client.versionsFor(PROMPT));
    }

    @Test
    void aValidationOfAnOldVersionThatFinishesLateIsNotPublished() {
        configure("{\"diagnostics\": {\"debounceMs\": 0}}");
        open(PROMPT, 1);
        type(PROMPT, 2);
        // The validation of version 2 runs first; the one of version 1 comes after and must be dropped.
        analysisThreads.runNewest();
        analysisThreads.runAll();
        assertEquals(List.of(2), client.versionsFor(PROMPT));
    }

    @Test
    void anOlderValidationOfTheSameVersionNeverOverwritesANewerOne() {
        open(PROMPT, 1);
        configure("{\"budget\": {\"maxPromptTokens\": 10}}");
        analysisThreads.runNewest();
        analysisThreads.runAll();
        assertEquals(List.of(1), client.versionsFor(PROMPT), "the validation asked for first came last: dropped");
    }

    @Test
    void closePublishesAnEmptyListAndCancelsWhatWasWaiting() {
        open(PROMPT, 1);
        type(PROMPT, 2);
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(PROMPT)));
        clock.advance(1_000);
        analysisThreads.runAll();
        assertEquals(Arrays.asList((Integer) null), client.versionsFor(PROMPT));
        assertTrue(client.published.get(0).getDiagnostics().isEmpty());
    }

    @Test
    void filesThatAreNotPromptsGetNoDiagnostics() {
        open(NOT_A_PROMPT, 1);
        type(NOT_A_PROMPT, 2);
        clock.advance(1_000);
        analysisThreads.runAll();
        assertEquals(List.of(), client.versionsFor(NOT_A_PROMPT));
    }

    @Test
    void aSettingsChangeValidatesEveryOpenDocumentAgain() {
        open(PROMPT, 1);
        open(OTHER_PROMPT, 4);
        analysisThreads.runAll();
        configure("{\"promptwise\": {\"defaultModel\": \"gpt-4o\"}}");
        analysisThreads.runAll();
        assertEquals(List.of(1, 1), client.versionsFor(PROMPT));
        assertEquals(List.of(4, 4), client.versionsFor(OTHER_PROMPT));
        assertEquals("gpt-4o", server.settings().defaultModel());
    }

    @Test
    void aPromptOpenedWhileTheWorkspaceIsIndexedIsPublishedOnceItsWorkloadIsKnown(@TempDir Path root)
            throws IOException {
        IndexedWorkspace workspace = new IndexedWorkspace(root);
        workspace.open(workspace.prompt, "prompty", TEXT);

        workspace.threads.runNewest();
        assertEquals(List.of(), workspace.editor.versionsFor(workspace.prompt),
                "validated before the strategy file was read, the prompt would be told it has no traffic");
        workspace.threads.runAll();
        assertEquals(List.of(1), workspace.editor.versionsFor(workspace.prompt));
        List<String> codes = workspace.editor.published.get(0).getDiagnostics().stream()
                .map(diagnostic -> diagnostic.getCode().getLeft()).toList();
        assertTrue(codes.contains("cost-at-scale"), "the workload's budget is checked: " + codes);
        assertEquals(List.of("workspace/codeLens/refresh", "workspace/inlayHint/refresh"), workspace.editor.refreshes,
                "lenses and hints asked for while indexing knew no workload");
    }

    @Test
    void editingTheStrategyFileRefreshesTheLensesOfItsPromptsOnceTheTypingPauses(@TempDir Path root)
            throws IOException {
        IndexedWorkspace workspace = new IndexedWorkspace(root);
        workspace.open(workspace.prompt, "prompty", TEXT);
        workspace.open(workspace.strategy, "yaml", Files.readString(root.resolve("promptwise.yaml")));
        workspace.threads.runAll();
        workspace.editor.refreshes.clear();

        for (int version = 2; version <= 4; version++) {
            workspace.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(workspace.strategy, version),
                    List.of(new TextDocumentContentChangeEvent(
                            workspace.strategyText.replace("1000", String.valueOf(1000 * version))))));
            clock.advance(100);
        }
        assertEquals(List.of(), workspace.editor.refreshes, "not while typing");
        clock.advance(200);
        workspace.threads.runAll();
        assertEquals(List.of("workspace/codeLens/refresh", "workspace/inlayHint/refresh"), workspace.editor.refreshes);
    }

    /** A server over a folder with one prompt and the strategy file that prices it, driven by the test's clock. */
    private final class IndexedWorkspace {

        final RecordingClient editor = new RecordingClient();
        final QueuedExecutor threads = new QueuedExecutor();
        final PromptwiseLanguageServer server = new PromptwiseLanguageServer(
                new PromptwiseAnalysis(PriceCatalog.bundled()), new PromptwiseLanguageServer.Environment(threads,
                        clock, code -> { }, new ServerLog(new PrintWriter(new StringWriter()))));
        final String strategyText = String.join("\n", "version: 1", "workloads:", "  triage:",
                "    prompt: prompts/triage.prompty", "    model: gpt-4o",
                "    traffic: { requestsPerDay: 1000, avgInputTokens: 50, avgOutputTokens: 10 }",
                "    budget: { maxMonthlyCost: 1 }", "");
        final String prompt;
        final String strategy;

        IndexedWorkspace(Path root) throws IOException {
            Files.createDirectories(root.resolve("prompts"));
            prompt = Files.writeString(root.resolve("prompts/triage.prompty"), TEXT).toUri().toString();
            strategy = Files.writeString(root.resolve("promptwise.yaml"), strategyText).toUri().toString();
            server.connect(editor);
            InitializeParams params = new InitializeParams();
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
            WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
            workspace.setCodeLens(new CodeLensWorkspaceCapabilities(true));
            workspace.setInlayHint(new InlayHintWorkspaceCapabilities(true));
            ClientCapabilities capabilities = new ClientCapabilities();
            capabilities.setWorkspace(workspace);
            params.setCapabilities(capabilities);
            server.initialize(params);
            server.initialized(new InitializedParams());
        }

        void open(String uri, String languageId, String text) {
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, languageId, 1, text)));
        }
    }

    private void open(String uri, int version) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "prompty", version, TEXT)));
    }

    private void type(String uri, int version) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent("edited " + version + "\n" + TEXT))));
    }

    private void configure(String json) {
        server.getWorkspaceService().didChangeConfiguration(
                new DidChangeConfigurationParams(JsonParser.parseString(json)));
    }
}
