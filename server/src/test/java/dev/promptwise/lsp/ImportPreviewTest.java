package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.cli.ImportCommandTest;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's import ({@value PromptwiseLanguageServer#IMPORT_PREVIEW_COMMAND}): the server plans the same edit as
 * {@code promptwise import}, writes nothing, and once the client has applied it the prompt's lens prices the
 * measured traffic. Refusals come back as a message, bad arguments as InvalidParams.
 */
class ImportPreviewTest {

    private static final String STRATEGY = """
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.txt
                model: gpt-4o-mini
                # Guessed in the planning meeting.
                traffic: { requestsPerDay: 1000, avgInputTokens: 50, avgOutputTokens: 5 }
            """;

    @TempDir
    Path root;

    private final QueuedExecutor threads = new QueuedExecutor();
    private final RecordingClient client = new RecordingClient();
    private PromptwiseLanguageServer server;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(root.resolve("promptwise.yaml"), STRATEGY);
        Files.createDirectories(root.resolve("prompts"));
        Files.copy(ImportCommandTest.resource("promptfoo/prompts/triage.txt"), root.resolve("prompts/triage.txt"));
        server = new PromptwiseLanguageServer(new PromptwiseAnalysis(PriceCatalog.bundled()),
                new PromptwiseLanguageServer.Environment(threads, new ManualScheduler(), code -> { },
                        new ServerLog(new PrintWriter(new StringWriter()))));
        server.connect(client);
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        params.setInitializationOptions(Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 0))));
        server.initialize(params).join();
        server.initialized(new InitializedParams());
        threads.runAll();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> preview(Map<String, Object> argument) {
        var answer = server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                PromptwiseLanguageServer.IMPORT_PREVIEW_COMMAND, List.of(argument)));
        threads.runAll();
        return (Map<String, Object>) answer.join();
    }

    private String lens(String uri) {
        var lenses = server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)));
        threads.runAll();
        return lenses.join().get(0).getCommand().getTitle();
    }

    @Test
    @SuppressWarnings("unchecked")
    void planningTheImportWritesNothingAndTheAppliedEditPricesTheMeasuredTraffic() throws Exception {
        String promptUri = root.resolve("prompts/triage.txt").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(promptUri, "", 1,
                Files.readString(root.resolve("prompts/triage.txt")))));
        threads.runAll();
        assertTrue(lens(promptUri).contains("at 1,000 requests/day"), lens(promptUri));

        Path spans = ImportCommandTest.resource("otel/spans.jsonl");
        Map<String, Object> answer = preview(Map.of("source", "otel", "file", spans.toUri().toString(),
                "workload", "triage", "match", List.of("service.name=support-api", "gen_ai.request.model=gpt-4o-mini")));
        assertEquals(STRATEGY, Files.readString(root.resolve("promptwise.yaml")), "a preview writes nothing");
        List<Map<String, String>> edits = (List<Map<String, String>>) answer.get("edits");
        assertEquals(1, edits.size(), answer.toString());
        Map<String, String> edit = edits.get(0);
        assertEquals("promptwise.yaml", edit.get("path"));
        assertEquals(root.resolve("promptwise.yaml").toUri().toString(), edit.get("uri"));
        assertEquals(STRATEGY, edit.get("before"));
        assertTrue(edit.get("after").contains("    # Guessed in the planning meeting.\n    # promptwise import otel spans.jsonl"),
                edit.get("after"));

        // The client applies the edit and saves; the watcher tells the server.
        Files.writeString(root.resolve("promptwise.yaml"), edit.get("after"));
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(edit.get("uri"), FileChangeType.Changed))));
        threads.runAll();
        // support-api's gpt-4o-mini spans: 4 requests over 3 calendar days (imports/otel/README.md): 1.3 a day.
        String after = lens(promptUri);
        assertTrue(after.contains("/month at 1.3 requests/day · workload triage"), after);
    }

    @Test
    void inputTheImportRefusesComesBackAsAMessageAndBadArgumentsAsInvalidParams() throws Exception {
        Map<String, Object> answer = preview(Map.of("source", "otel",
                "file", ImportCommandTest.resource("otel/spans.jsonl").toString(), "workload", "nobody"));
        assertEquals("no workload 'nobody' in the workspace's strategy files (there are: triage)", answer.get("error"));
        assertEquals(STRATEGY, Files.readString(root.resolve("promptwise.yaml")));
        assertEquals("unknown source 'csv': use one of promptfoo, otel, openai-usage, langfuse",
                preview(Map.of("source", "csv", "file", "x.json")).get("error"));

        var missing = server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                PromptwiseLanguageServer.IMPORT_PREVIEW_COMMAND, List.of(Map.of("file", "x.json"))));
        threads.runAll();
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, missing::join);
        ResponseErrorException error = (ResponseErrorException) (failure.getCause() != null ? failure.getCause() : failure);
        assertEquals(-32602, error.getResponseError().getCode());
    }
}
