package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.testing.Expect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strategy files in the editor: prompts are judged by the workload that references them, whether the strategy
 * file is open or only on disk; editing one file re-validates the other; strategy files get hovers, lenses,
 * completion and links; fixes that create files become CreateFile operations.
 */
class WorkspaceFeaturesTest {

    private static final String STRATEGY = """
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.prompty
                model: gpt-4o
                traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 60 }
                budget: { maxMonthlyCost: 100 }
            """;
    private static final String PROMPT = """
            ---
            name: triage
            ---
            system:
            Route the ticket to billing, outage or account. Answer with the queue name only.

            Input: The dashboard returns 502 for everyone since this morning and nothing loads at all.
            Output: outage

            Input: I was charged twice for the March invoice and would like one charge refunded.
            Output: billing

            Input: I lost the phone with my authenticator app and cannot log in anymore.
            Output: account
            """;

    @TempDir
    Path root;

    private final QueuedExecutor threads = new QueuedExecutor();
    private final RecordingClient client = new RecordingClient();
    private PromptwiseLanguageServer server;
    private String promptUri;
    private String strategyUri;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(root.resolve("prompts"));
        Files.writeString(root.resolve("promptwise.yaml"), STRATEGY);
        Files.writeString(root.resolve("prompts/triage.prompty"), PROMPT);
        promptUri = root.resolve("prompts/triage.prompty").toUri().toString();
        strategyUri = root.resolve("promptwise.yaml").toUri().toString();
        startServer(true);
    }

    private void startServer(boolean clientCreatesFiles) {
        server = new PromptwiseLanguageServer(new PromptwiseAnalysis(PriceCatalog.bundled()),
                new PromptwiseLanguageServer.Environment(threads, new ManualScheduler(), code -> { },
                        new ServerLog(new PrintWriter(new StringWriter()))));
        server.connect(client);
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        // Validate at once after each edit, so that a test sees the re-validation without driving a clock.
        params.setInitializationOptions(Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 0))));
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        edits.setResourceOperations(clientCreatesFiles ? List.of(ResourceOperationKind.Create) : List.of());
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setWorkspaceEdit(edits);
        workspace.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setWorkspace(workspace);
        org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        capabilities.setWindow(window);
        params.setCapabilities(capabilities);
        server.initialize(params).join();
        server.initialized(new InitializedParams());
        threads.runAll();
    }

    @Test
    void indexingReportsProgressAndWatchesStrategyAndPromptFiles() {
        List<Object> progress = client.progress;
        assertTrue(progress.get(0) instanceof org.eclipse.lsp4j.WorkDoneProgressCreateParams, progress.toString());
        assertTrue(progress.get(1) instanceof org.eclipse.lsp4j.WorkDoneProgressBegin, progress.toString());
        assertEquals(100, ((org.eclipse.lsp4j.WorkDoneProgressReport) progress.get(progress.size() - 2)).getPercentage());
        assertTrue(progress.get(progress.size() - 1) instanceof org.eclipse.lsp4j.WorkDoneProgressEnd);
        var options = (org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions)
                client.registrations.get(0).getRegistrations().get(0).getRegisterOptions();
        assertTrue(options.getWatchers().stream().anyMatch(w -> w.getGlobPattern().getLeft().contains("promptwise")));
        // The prompts' watcher covers exactly the files whose disk answers the index remembers between events.
        assertTrue(options.getWatchers().stream().anyMatch(
                w -> w.getGlobPattern().getLeft().equals("**/*.{prompty,prompt,yml,yaml,md,txt,json,png,jpg,jpeg,gif,webp,model,tiktoken}")), options.toString());
    }

    @Test
    void aPromptIsJudgedByItsWorkloadWhileTheStrategyFileIsClosed() {
        open(promptUri, PROMPT);
        List<Diagnostic> diagnostics = latest(promptUri);
        Diagnostic cost = find(diagnostics, "cost-at-scale");
        assertTrue(cost.getMessage().getLeft().contains("at 250,000 requests/day"), cost.getMessage().getLeft());
        assertTrue(cost.getMessage().getLeft().contains("over the budget of $100.00/month"), cost.getMessage().getLeft());
    }

    @Test
    void thePromptsLensAndHoverPriceItAtItsWorkload() {
        open(promptUri, PROMPT);
        var lenses = server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(promptUri)));
        var hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(promptUri),
                new Position(4, 3)));
        threads.runAll();
        String lens = lenses.join().get(0).getCommand().getTitle();
        assertTrue(lens.contains("/month at 250,000 requests/day · workload triage"), lens);
        Expect.matches("hover/lsp-message-at-workload.md", hover.join().getContents().getRight().getValue());
    }

    @Test
    void editingTheStrategyFileRevalidatesTheOpenPrompt() {
        open(promptUri, PROMPT);
        open(strategyUri, STRATEGY);
        int before = client.published.size();
        change(strategyUri, 2, STRATEGY.replace("maxMonthlyCost: 100", "maxMonthlyCost: 1000000"));
        threads.runAll();
        assertTrue(client.published.size() > before);
        assertTrue(latest(promptUri).stream().noneMatch(d -> code(d).equals("cost-at-scale")),
                "the new budget is met: " + latest(promptUri));
    }

    @Test
    void editingThePromptRepricesTheOpenStrategyFile() {
        open(strategyUri, STRATEGY);
        open(promptUri, PROMPT);
        double before = monthly(find(latest(strategyUri), "cost-at-scale").getMessage().getLeft());
        change(promptUri, 2, "---\nname: triage\n---\nsystem:\nRoute.\n");
        threads.runAll();
        double after = monthly(find(latest(strategyUri), "cost-at-scale").getMessage().getLeft());
        assertTrue(after < before - 1000, "a shorter prompt costs less a month: " + before + " then " + after);
    }

    private static double monthly(String message) {
        return Double.parseDouble(message.substring(1, message.indexOf("/month")).replace(",", ""));
    }

    @Test
    void aStrategyFileOnDiskThatChangesIsReadAgain() throws Exception {
        open(promptUri, PROMPT);
        Files.writeString(root.resolve("promptwise.yaml"), STRATEGY.replace("maxMonthlyCost: 100", "maxMonthlyCost: 1000000"));
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(strategyUri, FileChangeType.Changed))));
        threads.runAll();
        assertTrue(latest(promptUri).stream().noneMatch(d -> code(d).equals("cost-at-scale")));
    }

    @Test
    void aPromptChangedOrDeletedOnDiskRepricesTheOpenStrategyFile() throws Exception {
        open(strategyUri, STRATEGY);
        double before = monthly(find(latest(strategyUri), "cost-at-scale").getMessage().getLeft());
        // The disk's answers are remembered between keystrokes; the watcher's event is what makes them be asked again.
        Files.writeString(root.resolve("prompts/triage.prompty"), "---\nname: triage\n---\nsystem:\nRoute.\n");
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(promptUri, FileChangeType.Changed))));
        threads.runAll();
        double after = monthly(find(latest(strategyUri), "cost-at-scale").getMessage().getLeft());
        assertTrue(after < before - 1000, "a shorter prompt costs less a month: " + before + " then " + after);
        Files.delete(root.resolve("prompts/triage.prompty"));
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(promptUri, FileChangeType.Deleted))));
        threads.runAll();
        find(latest(strategyUri), "missing-prompt");
    }

    @Test
    void aToolsFileChangedOnDiskRepricesTheOpenPromptThatSendsIt() throws Exception {
        Files.writeString(root.resolve("prompts/tools.json"), "[{\"name\": \"route\", \"description\": \"Route it.\"}]");
        String uri = root.resolve("prompts/tools-user.prompty").toUri().toString();
        open(uri, "---\nname: t\nmodel:\n  id: gpt-4o\n  parameters:\n    tools: ${file:tools.json}\n---\nsystem:\nRoute.\n");
        assertTrue(latest(uri).stream().noneMatch(d -> code(d).equals("prompt-too-long")), latest(uri).toString());
        // The file grows past the 4,000-token budget on disk; only the watcher's event tells the server.
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"tool_").append(i)
                    .append("\", \"description\": \"Look up the record number ").append(i)
                    .append(" in the archive of closed support tickets and return its summary.\"}");
        }
        Files.writeString(root.resolve("prompts/tools.json"), many.append("]").toString());
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(new FileEvent(
                root.resolve("prompts/tools.json").toUri().toString(), FileChangeType.Changed))));
        threads.runAll();
        String message = find(latest(uri), "prompt-too-long").getMessage().getLeft();
        assertTrue(message.contains("the largest part is tool definitions from tools.json"), message);
    }

    @Test
    void strategyFilesGetHoversLensesCompletionAndLinks() {
        open(strategyUri, STRATEGY);
        var hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(strategyUri),
                new Position(2, 3)));
        var lenses = server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(strategyUri)));
        var definition = server.getTextDocumentService().definition(new DefinitionParams(
                new TextDocumentIdentifier(strategyUri), new Position(3, 20)));
        var completion = server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(strategyUri), new Position(4, 11)));
        threads.runAll();
        Expect.matches("hover/lsp-workload-name.md", hover.join().getContents().getRight().getValue());
        assertTrue(lenses.join().stream().anyMatch(lens -> lens.getCommand().getTitle().startsWith("Now $")),
                lenses.join().toString());
        assertEquals(promptUri, definition.join().getLeft().get(0).getUri());
        assertTrue(completion.join().getLeft().stream().anyMatch(item -> item.getLabel().equals("gpt-4o-mini")),
                "model ids are offered after 'model: '");
    }

    @Test
    void extractingExamplesCreatesTheDatasetWithCreateFile() {
        open(promptUri, PROMPT);
        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(promptUri), new Range(new Position(6, 0), new Position(6, 5)),
                new CodeActionContext(List.of())));
        threads.runAll();
        CodeAction extract = actions.join().stream().map(a -> a.getRight())
                .filter(a -> a.getTitle().startsWith("Extract 3 examples")).findFirst().orElseThrow();
        var changes = extract.getEdit().getDocumentChanges();
        assertTrue(changes.get(0).isRight(), "the CreateFile comes first");
        assertEquals(root.resolve("datasets/triage.jsonl").toUri().toString(),
                ((org.eclipse.lsp4j.CreateFile) changes.get(0).getRight()).getUri());
        assertFalse(((org.eclipse.lsp4j.CreateFile) changes.get(0).getRight()).getOptions().getOverwrite());
        List<String> edited = new ArrayList<>();
        changes.stream().filter(c -> c.isLeft()).forEach(c -> edited.add(c.getLeft().getTextDocument().getUri()));
        assertTrue(edited.contains(promptUri) && edited.contains(strategyUri), edited.toString());
    }

    @Test
    void withoutResourceOperationsTheServerCreatesTheDatasetItselfAndNeverOverwrites() throws Exception {
        startServer(false);
        open(promptUri, PROMPT);
        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(promptUri), new Range(new Position(6, 0), new Position(6, 5)),
                new CodeActionContext(List.of())));
        threads.runAll();
        CodeAction extract = actions.join().stream().map(a -> a.getRight())
                .filter(a -> a.getTitle().startsWith("Extract 3 examples")).findFirst().orElseThrow();
        assertEquals(null, extract.getEdit(), "no edit the client could only half apply");
        var params = new org.eclipse.lsp4j.ExecuteCommandParams(extract.getCommand().getCommand(),
                extract.getCommand().getArguments());
        var run = server.getWorkspaceService().executeCommand(params);
        threads.runAll();
        run.join();
        Path dataset = root.resolve("datasets/triage.jsonl");
        assertEquals(3, Files.readAllLines(dataset).size());
        assertEquals(1, client.applied.size());
        assertTrue(client.applied.get(0).getEdit().getChanges().containsKey(promptUri));

        Files.writeString(dataset, "mine\n");
        var again = server.getWorkspaceService().executeCommand(params);
        threads.runAll();
        again.join();
        assertEquals("mine\n", Files.readString(dataset), "an existing file is never overwritten");
        assertEquals(1, client.applied.size(), "nothing applied when a file cannot be created");
        assertTrue(client.logged.stream().anyMatch(m -> m.getMessage().contains("never overwrites")));
    }

    private void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "", 1, text)));
        threads.runAll();
    }

    private void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    private List<Diagnostic> latest(String uri) {
        PublishDiagnosticsParams last = null;
        for (PublishDiagnosticsParams params : client.published) {
            if (params.getUri().equals(uri)) {
                last = params;
            }
        }
        assertTrue(last != null, "nothing published for " + uri);
        return last.getDiagnostics();
    }

    private static Diagnostic find(List<Diagnostic> diagnostics, String rule) {
        return diagnostics.stream().filter(d -> code(d).equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + diagnostics));
    }

    private static String code(Diagnostic diagnostic) {
        return diagnostic.getCode().getLeft();
    }

}
