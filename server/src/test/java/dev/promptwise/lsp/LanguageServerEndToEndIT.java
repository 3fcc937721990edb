package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Drives the real shaded jar over its pipes as an editor would. The answers are compared with what the core
 * computes in process for the same text and settings, so these tests check content as soon as the rules report
 * findings, and protocol facts (versions, framing, exit codes) always.
 */
class LanguageServerEndToEndIT {

    private static final String URI = "file:///workspace/support/prompts/triage.prompty";
    private static final Map<String, Object> SETTINGS =
            Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 50), "defaultModel", "gpt-4o-mini"));
    private static final String TEXT = """
            ---
            name: ticket-triage
            model:
              api: chat
              configuration:
                type: openai
                name: gpt-4o-mini
            inputs:
              ticket:
                type: string
            ---
            system:
            You are a support triage assistant. Answer in JSON.
            You are a support triage assistant. Answer in JSON.

            user:
            Customer 😀 {{customer}} wrote: {{ticket}}
            """;

    private final PromptwiseAnalysis core = new PromptwiseAnalysis(PriceCatalog.bundled());
    private final Settings settings =
            Settings.fromJson(LanguageServerProcess.JSON.valueToTree(SETTINGS), new ArrayList<>());

    @Test
    void anEditingSessionFromInitializeToExit() throws Exception {
        try (LanguageServerProcess server = LanguageServerProcess.start("editing-session")) {
            JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "capabilities", Map.of(), "initializationOptions", SETTINGS));
            assertEquals(2, initialized.at("/result/capabilities/textDocumentSync/change").asInt(), "incremental");
            server.notify("initialized", Map.of());

            server.notify("textDocument/didOpen", Map.of("textDocument",
                    Map.of("uri", URI, "languageId", "prompty", "version", 1, "text", TEXT)));
            JsonNode opened = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> URI.equals(params.path("uri").asText()));
            assertEquals(1, opened.at("/params/version").asInt());
            assertEquals(expectedDiagnostics(TEXT), actualDiagnostics(opened));

            JsonNode hover = server.request("textDocument/hover", Map.of("textDocument", Map.of("uri", URI),
                    "position", Map.of("line", 13, "character", 5)));
            assertFalse(hover.has("error"), hover.toString());
            assertEquals(expectedHover(TEXT, 13, 5), hover.at("/result/contents/value").asText(null));

            JsonNode symbols = server.request("textDocument/documentSymbol", textDocument());
            assertFalse(symbols.has("error"), symbols.toString());
            assertEquals(expectedSymbolNames(TEXT), names(symbols.path("result")));

            // Type after the emoji on the user line: the column counts the emoji as two UTF-16 units.
            int line = 17;
            int column = "Customer 😀".length();
            String edited = TEXT.replace("Customer 😀 {{customer}}", "Customer 😀 {{customer}} (VIP)");
            assertEquals(11, column, "the emoji is two UTF-16 units");
            server.notify("textDocument/didChange", Map.of(
                    "textDocument", Map.of("uri", URI, "version", 2),
                    "contentChanges", List.of(Map.of("range", Map.of(
                            "start", Map.of("line", line, "character", column + " {{customer}}".length()),
                            "end", Map.of("line", line, "character", column + " {{customer}}".length())),
                            "text", " (VIP)"))));
            JsonNode changed = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> URI.equals(params.path("uri").asText()) && params.path("version").asInt() == 2);
            assertEquals(expectedDiagnostics(edited), actualDiagnostics(changed));

            JsonNode cost = server.request("promptwise/documentCost", Map.of("uri", URI));
            assertEquals("gpt-4o-mini", cost.at("/result/model").asText(), cost.toString());
            assertTrue(cost.at("/result/tokens").asInt() > 0, cost.toString());

            JsonNode shutdown = server.request("shutdown", null);
            assertTrue(shutdown.has("result") && shutdown.get("result").isNull(), shutdown.toString());
            JsonNode afterShutdown = server.request("textDocument/hover", Map.of("textDocument", Map.of("uri", URI),
                    "position", Map.of("line", 13, "character", 5)));
            assertEquals(-32600, afterShutdown.at("/error/code").asInt(), "InvalidRequest after shutdown");
            server.notify("exit", null);

            assertEquals(0, server.awaitExit());
            assertEquals(List.of(), server.protocolViolations());
        }
    }

    @Test
    void malformedJsonAndUnknownMethodsGetErrorsAndTheServerKeepsWorking() throws Exception {
        try (LanguageServerProcess server = LanguageServerProcess.start("malformed-input")) {
            JsonNode early = server.request("textDocument/documentSymbol", textDocument());
            assertEquals(-32002, early.at("/error/code").asInt(), "ServerNotInitialized before initialize");
            server.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "capabilities", Map.of(),
                    "initializationOptions", SETTINGS));
            server.notify("initialized", Map.of());

            server.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
            JsonNode parseError = server.await("a parse error",
                    node -> node.path("error").path("code").asInt() == -32700);
            assertTrue(parseError.get("id").isNull(), parseError.toString());

            JsonNode unknown = server.request("promptwise/noSuchThing", Map.of());
            assertEquals(-32601, unknown.at("/error/code").asInt(), unknown.toString());

            server.notify("textDocument/didOpen", Map.of("textDocument",
                    Map.of("uri", URI, "languageId", "prompty", "version", 1, "text", TEXT)));
            JsonNode opened = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> URI.equals(params.path("uri").asText()));
            assertEquals(expectedDiagnostics(TEXT), actualDiagnostics(opened));
            JsonNode symbols = server.request("textDocument/documentSymbol", textDocument());
            assertFalse(symbols.has("error"), symbols.toString());

            server.notify("textDocument/didClose", Map.of("textDocument", Map.of("uri", URI)));
            JsonNode closed = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> URI.equals(params.path("uri").asText()) && params.path("diagnostics").isEmpty());
            assertTrue(closed.at("/params/version").isMissingNode(), closed.toString());

            server.notify("exit", null);
            assertEquals(1, server.awaitExit(), "exit without shutdown");
            assertEquals(List.of(), server.protocolViolations());
        }
    }

    @Test
    void exitsWhenTheClientProcessDies() throws Exception {
        Process client = new ProcessBuilder("sleep", "600").start();
        try (LanguageServerProcess server = LanguageServerProcess.start("client-dies")) {
            JsonNode initialized = server.request("initialize", Map.of("processId", client.pid(),
                    "capabilities", Map.of()));
            assertFalse(initialized.has("error"), initialized.toString());
            client.destroy();
            assertTrue(client.waitFor(LanguageServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, server.awaitExit(), "the client died without shutdown");
        } finally {
            client.destroyForcibly();
        }
    }

    private List<String> expectedDiagnostics(String text) {
        AnalyzedPrompt prompt = analyze(text);
        return ToLsp.diagnostics(LineIndex.of(text), core.diagnostics(prompt, Cancellation.NONE)).stream()
                .map(LanguageServerEndToEndIT::describe).toList();
    }

    private String expectedHover(String text, int line, int character) {
        LineIndex lineIndex = LineIndex.of(text);
        Hover hover = ToLsp.hover(lineIndex, core.hover(analyze(text),
                lineIndex.offset(line, character, text), Cancellation.NONE));
        return hover == null ? null : hover.getContents().getRight().getValue();
    }

    private List<String> expectedSymbolNames(String text) {
        List<Either<SymbolInformation, DocumentSymbol>> symbols =
                ToLsp.documentSymbols(LineIndex.of(text), core.documentSymbols(analyze(text), Cancellation.NONE));
        return symbols.stream().map(symbol -> symbol.getRight().getName()).toList();
    }

    private AnalyzedPrompt analyze(String text) {
        String path = FromLsp.path(URI);
        return core.analyze(path, core.formatOf(path, text).orElseThrow(), text, settings);
    }

    private static List<String> actualDiagnostics(JsonNode publishDiagnostics) {
        List<String> described = new ArrayList<>();
        for (JsonNode diagnostic : publishDiagnostics.at("/params/diagnostics")) {
            assertEquals("promptwise", diagnostic.path("source").asText());
            JsonNode range = diagnostic.path("range");
            described.add(diagnostic.path("code").asText() + " " + diagnostic.path("severity").asInt() + " "
                    + range.at("/start/line").asInt() + ":" + range.at("/start/character").asInt() + "-"
                    + range.at("/end/line").asInt() + ":" + range.at("/end/character").asInt() + " "
                    + diagnostic.path("message").asText());
        }
        return described;
    }

    private static Map<String, Object> textDocument() {
        return Map.of("textDocument", Map.of("uri", URI));
    }

    private static String describe(Diagnostic diagnostic) {
        return diagnostic.getCode().getLeft() + " " + diagnostic.getSeverity().getValue() + " "
                + diagnostic.getRange().getStart().getLine() + ":" + diagnostic.getRange().getStart().getCharacter()
                + "-" + diagnostic.getRange().getEnd().getLine() + ":" + diagnostic.getRange().getEnd().getCharacter()
                + " " + diagnostic.getMessage().getLeft();
    }

    private static List<String> names(JsonNode symbols) {
        List<String> names = new ArrayList<>();
        symbols.forEach(symbol -> names.add(symbol.path("name").asText()));
        return names;
    }
}
