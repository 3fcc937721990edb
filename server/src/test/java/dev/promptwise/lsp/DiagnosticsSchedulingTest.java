package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;

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
