package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Misuse of the protocol over the real jar's pipes, as a buggy or hostile client would commit it: broken frames,
 * malformed JSON, unknown methods, requests out of the lifecycle, documents never opened, versions out of order,
 * cancellation of every request, a 20 MB message and a storm of requests while typing. Each gets the JSON-RPC error
 * or the silence the specifications ask for, and every test ends by checking that the server still answers
 * correctly: its diagnostics equal a fresh analysis of the text the client holds.
 */
class ProtocolMisuseIT {

    private static final String URI = "file:///workspace/support/prompts/triage.prompty";
    private static final String NEVER_OPENED = "file:///workspace/support/prompts/never-opened.prompty";
    private static final Map<String, Object> SETTINGS =
            Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 20), "defaultModel", "gpt-4o-mini"));
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
            Customer 😀 {{customer}} wrote: {{ticket}}""";
    private static final int LAST_LINE = 17;
    private static final Set<Integer> CANCELLED_CODES = Set.of(-32800, -32801);

    private final FreshAnalysis fresh = new FreshAnalysis(SETTINGS);

    @Test
    void aWrongContentLengthLosesOnlyTheMessagesItOverlaps() throws Exception {
        try (LanguageServerProcess server = initializedServer("wrong-content-length")) {
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"shutdown\"}".getBytes(StandardCharsets.UTF_8);

            // Too short: the cut body is not JSON (Parse error, null id); its tail is skipped to the next header.
            server.sendBytes(frame(body.length - 10, body));
            JsonNode parseError = server.await("a parse error", node -> node.path("error").path("code").asInt()
                    == -32700);
            assertTrue(parseError.get("id").isNull(), parseError.toString());
            assertAnswers(server);

            // Too long: the body swallows the start of the next message, which is lost with it.
            server.sendBytes(frame(body.length + 20, body));
            server.send("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", URI)));
            server.await("a parse error", node -> node.path("error").path("code").asInt() == -32700);
            assertAnswers(server);

            // Not a number: the frame has no usable length, so its body is skipped as if it were headers.
            server.sendBytes(("Content-Length: twelve\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            assertAnswers(server);
            server.sendBytes("Content-Length: -5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertAnswers(server);

            assertFalse(server.isAlive() && serverShutDown(server), "the swallowed shutdown was never obeyed");
            assertStillCorrect(server);
            assertCleanExit(server);
        }
    }

    @Test
    void malformedAndInvalidMessagesGetJsonRpcErrors() throws Exception {
        try (LanguageServerProcess server = initializedServer("malformed-messages")) {
            server.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"textDocument/hover\", \"params\": {");
            JsonNode parseError = server.await("a parse error", node -> node.path("error").path("code").asInt()
                    == -32700);
            assertTrue(parseError.has("id"), parseError.toString());

            server.sendRaw("not json at all \u0000\u00ff");
            server.await("a parse error", node -> node.path("error").path("code").asInt() == -32700);

            // Params of the wrong shape for a known method: Invalid params, not a crash.
            server.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": 8, \"method\": \"textDocument/hover\", \"params\": 42}");
            JsonNode invalid = server.await("the answer to #8", node -> node.path("id").asInt() == 8);
            assertTrue(invalid.has("error"), invalid.toString());

            JsonNode unknown = server.request("promptwise/noSuchThing", Map.of());
            assertEquals(-32601, unknown.at("/error/code").asInt(), unknown.toString());
            JsonNode unknownDollar = server.request("$/noSuchThing", Map.of());
            assertEquals(-32601, unknownDollar.at("/error/code").asInt(), "a $/ request still needs an answer");
            // Unknown notifications, $/ or not, are ignored: nothing is answered to them.
            server.notify("$/noSuchNotification", Map.of());
            server.notify("promptwise/noSuchNotification", Map.of());
            // A cancellation of a request the server never had, or already answered, is ignored too.
            server.notify("$/cancelRequest", Map.of("id", 123456));
            server.notify("$/cancelRequest", Map.of("id", unknown.get("id").asInt()));

            assertStillCorrect(server);
            assertCleanExit(server);
        }
    }

    /** Each request type with params that are null, lack a required field, or have a field of the wrong type. */
    @Test
    void badParamsGetInvalidParamsNamingTheFieldAndNoStackTrace() throws Exception {
        Map<String, String> wellFormed = new LinkedHashMap<>();
        String document = "\"textDocument\": {\"uri\": \"" + URI + "\"}";
        String position = "\"position\": {\"line\": 0, \"character\": 0}";
        String range = "\"range\": {\"start\": {\"line\": 0, \"character\": 0}, \"end\": {\"line\": 1, \"character\": 0}}";
        wellFormed.put("textDocument/hover", document + ", " + position);
        wellFormed.put("textDocument/completion", document + ", " + position);
        wellFormed.put("textDocument/definition", document + ", " + position);
        wellFormed.put("textDocument/codeLens", document);
        wellFormed.put("textDocument/documentSymbol", document);
        wellFormed.put("textDocument/documentLink", document);
        wellFormed.put("textDocument/inlayHint", document + ", " + range);
        wellFormed.put("textDocument/codeAction", document + ", " + range + ", \"context\": {\"diagnostics\": []}");
        wellFormed.put("promptwise/documentCost", "\"uri\": \"" + URI + "\"");
        try (LanguageServerProcess server = initializedServer("bad-params")) {
            open(server, TEXT);
            int id = 1000;
            for (Map.Entry<String, String> request : wellFormed.entrySet()) {
                String method = request.getKey();
                JsonNode good = answer(server, ++id, method, "{" + request.getValue() + "}");
                assertFalse(good.has("error"), method + " with good params: " + good);

                assertInvalidParams(answer(server, ++id, method, "null"), method + " with null params",
                        "params is missing");
                assertInvalidParams(answer(server, ++id, method, "{}"), method + " with no fields",
                        "params\\.\\w+ is missing");
                String wrongType = method.startsWith("promptwise/") ? "{\"uri\": {\"no\": 1}}"
                        : "{" + request.getValue().replace("\"line\": 0", "\"line\": \"x\"")
                                .replace("\"uri\": \"" + URI + "\"", "\"uri\": [1]") + "}";
                assertInvalidParams(answer(server, ++id, method, wrongType), method + " with a wrong type",
                        "params(\\.\\w+)+ has the wrong type");
                assertInvalidParams(answer(server, ++id, method, "42"), method + " with a number for params",
                        "params has the wrong type");
            }
            assertStillCorrect(server);
            assertCleanExit(server);
        }
    }

    private static JsonNode answer(LanguageServerProcess server, int id, String method, String params)
            throws Exception {
        server.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": " + id + ", \"method\": \"" + method + "\", \"params\": "
                + params + "}");
        return server.await("the answer to #" + id, node -> node.path("id").asInt() == id);
    }

    private static void assertInvalidParams(JsonNode answer, String what, String expected) {
        assertEquals(-32602, answer.at("/error/code").asInt(), what + ": " + answer);
        String message = answer.at("/error/message").asText();
        assertTrue(message.matches(expected), what + ": a short message naming the field, got: " + message);
        JsonNode data = answer.path("error").path("data");
        assertTrue(data.isMissingNode() || data.isNull(), what + ": nothing of the server's internals: " + data);
    }

    @Test
    void requestsBeforeInitializeAreRefusedAndNotificationsDropped() throws Exception {
        try (LanguageServerProcess server = LanguageServerProcess.start("before-initialize")) {
            for (String method : List.of("textDocument/hover", "textDocument/documentSymbol", "shutdown",
                    "promptwise/documentCost", "promptwise/noSuchThing")) {
                JsonNode early = server.request(method, Map.of("textDocument", Map.of("uri", URI),
                        "position", Map.of("line", 0, "character", 0), "uri", URI));
                assertEquals(-32002, early.at("/error/code").asInt(), method + " before initialize: " + early);
            }
            open(server, TEXT);
            initialize(server);
            JsonNode symbols = server.request("textDocument/documentSymbol", Map.of("textDocument",
                    Map.of("uri", URI)));
            assertEquals(0, symbols.path("result").size(), "the didOpen before initialize was dropped");
            JsonNode again = server.request("initialize", Map.of("capabilities", Map.of()));
            assertFalse(server.protocolViolations().size() > 0, again.toString());
            assertStillCorrect(server);
            assertCleanExit(server);
        }
    }

    @Test
    void requestsAboutDocumentsNeverOpenedGetEmptyAnswers() throws Exception {
        try (LanguageServerProcess server = initializedServer("never-opened")) {
            Map<String, Object> document = Map.of("uri", NEVER_OPENED);
            Map<String, Object> range = Map.of("start", Map.of("line", 0, "character", 0),
                    "end", Map.of("line", 3, "character", 0));
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            answers.put("hover", server.request("textDocument/hover", Map.of("textDocument", document,
                    "position", Map.of("line", 0, "character", 0))));
            answers.put("documentSymbol", server.request("textDocument/documentSymbol",
                    Map.of("textDocument", document)));
            answers.put("codeLens", server.request("textDocument/codeLens", Map.of("textDocument", document)));
            answers.put("inlayHint", server.request("textDocument/inlayHint", Map.of("textDocument", document,
                    "range", range)));
            answers.put("codeAction", server.request("textDocument/codeAction", Map.of("textDocument", document,
                    "range", range, "context", Map.of("diagnostics", List.of()))));
            answers.put("documentCost", server.request("promptwise/documentCost", Map.of("uri", NEVER_OPENED)));
            answers.put("completion", server.request("textDocument/completion", Map.of("textDocument", document,
                    "position", Map.of("line", 0, "character", 0))));
            answers.put("definition", server.request("textDocument/definition", Map.of("textDocument", document,
                    "position", Map.of("line", 0, "character", 0))));
            answers.put("documentLink", server.request("textDocument/documentLink",
                    Map.of("textDocument", document)));
            answers.forEach((method, answer) -> {
                assertFalse(answer.has("error"), method + ": " + answer);
                JsonNode result = answer.path("result");
                assertTrue(result.isNull() || (result.isArray() && result.isEmpty()), method + ": " + answer);
            });
            // Edits, saves and closes of a document never opened are ignored, without an answer.
            server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", NEVER_OPENED,
                    "version", 2), "contentChanges", List.of(Map.of("text", "user:\nHello"))));
            server.notify("textDocument/didSave", Map.of("textDocument", document));
            server.notify("textDocument/didClose", Map.of("textDocument", document));
            JsonNode stillNotOpen = server.request("textDocument/documentSymbol", Map.of("textDocument", document));
            assertEquals(0, stillNotOpen.path("result").size(), "a change does not open a document");
            assertStillCorrect(server);
            assertCleanExit(server);
        }
    }

    @Test
    void versionsOutOfOrderAreIgnored() throws Exception {
        try (LanguageServerProcess server = initializedServer("versions-out-of-order")) {
            open(server, TEXT);
            String newer = TEXT + " Newer.";
            change(server, 5, append(TEXT, " Newer."));
            awaitDiagnostics(server, 5);
            // An older version, the same version again, and a negative one: all ignored.
            change(server, 3, append(newer, " Older."));
            change(server, 5, append(newer, " Same."));
            change(server, -1, append(newer, " Negative."));
            server.notify("textDocument/didSave", Map.of("textDocument", Map.of("uri", URI)));
            JsonNode saved = awaitDiagnostics(server, 5);
            assertEquals(fresh.diagnostics(URI, newer), FreshAnalysis.published(saved));
            // The document keeps working at the next newer version.
            change(server, 6, append(newer, " Next."));
            JsonNode next = awaitDiagnostics(server, 6);
            assertEquals(fresh.diagnostics(URI, newer + " Next."), FreshAnalysis.published(next));
            assertCleanExit(server);
        }
    }

    /** The capabilities whose requests the cancellation test sends; a new one must be added there. */
    private static final Set<String> CAPABILITIES_COVERED = Set.of("textDocumentSync", "hoverProvider",
            "documentSymbolProvider", "codeActionProvider", "codeLensProvider", "executeCommandProvider",
            "inlayHintProvider", "completionProvider", "definitionProvider", "documentLinkProvider");

    @Test
    void everyRequestTypeCanBeCancelledAndIsStillAnswered() throws Exception {
        try (LanguageServerProcess server = LanguageServerProcess.start("cancellation")) {
            JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "capabilities", Map.of(), "initializationOptions", SETTINGS));
            List<String> uncovered = new ArrayList<>();
            initialized.at("/result/capabilities").fieldNames().forEachRemaining(capability -> {
                if (!CAPABILITIES_COVERED.contains(capability)) {
                    uncovered.add(capability);
                }
            });
            assertEquals(List.of(), uncovered, "capabilities whose requests this test does not cancel yet");
            server.notify("initialized", Map.of());
            open(server, TEXT);
            Map<String, Object> document = Map.of("uri", URI);
            Map<String, Object> range = Map.of("start", Map.of("line", 0, "character", 0),
                    "end", Map.of("line", LAST_LINE, "character", 0));
            List<Map.Entry<String, Object>> requests = new ArrayList<>();
            requests.add(Map.entry("textDocument/hover", Map.of("textDocument", document,
                    "position", Map.of("line", 13, "character", 5))));
            requests.add(Map.entry("textDocument/documentSymbol", Map.of("textDocument", document)));
            requests.add(Map.entry("textDocument/codeLens", Map.of("textDocument", document)));
            requests.add(Map.entry("textDocument/inlayHint", Map.of("textDocument", document, "range", range)));
            requests.add(Map.entry("textDocument/codeAction", Map.of("textDocument", document, "range", range,
                    "context", Map.of("diagnostics", List.of()))));
            requests.add(Map.entry("workspace/executeCommand", Map.of(
                    "command", PromptwiseLanguageServer.COST_REPORT_COMMAND, "arguments", List.of())));
            requests.add(Map.entry("workspace/executeCommand", Map.of(
                    "command", PromptwiseLanguageServer.COST_REPORT_HTML_COMMAND, "arguments", List.of())));
            requests.add(Map.entry("promptwise/documentCost", Map.of("uri", URI)));
            requests.add(Map.entry("textDocument/completion", Map.of("textDocument", document,
                    "position", Map.of("line", 2, "character", 2))));
            requests.add(Map.entry("textDocument/definition", Map.of("textDocument", document,
                    "position", Map.of("line", LAST_LINE, "character", 20))));
            requests.add(Map.entry("textDocument/documentLink", Map.of("textDocument", document)));
            for (int round = 0; round < 20; round++) {
                for (Map.Entry<String, Object> request : requests) {
                    int id = server.send(request.getKey(), request.getValue());
                    server.notify("$/cancelRequest", Map.of("id", id));
                    JsonNode answer = server.awaitResponse(id);
                    assertTrue(answer.has("result") || CANCELLED_CODES.contains(answer.at("/error/code").asInt()),
                            request.getKey() + " cancelled: " + answer);
                }
            }
            // Shutdown cancelled: it is answered either way, and exit then gives the code its answer implies.
            int shutdownId = server.send("shutdown", null);
            server.notify("$/cancelRequest", Map.of("id", shutdownId));
            JsonNode shutdown = server.awaitResponse(shutdownId);
            boolean shutDown = shutdown.has("result");
            assertTrue(shutDown || CANCELLED_CODES.contains(shutdown.at("/error/code").asInt()), shutdown.toString());
            server.notify("exit", null);
            assertEquals(shutDown ? 0 : 1, server.awaitExit());
            assertEquals(List.of(), server.protocolViolations());
        }
    }

    @Test
    void aTwentyMegabyteMessageIsReadAndTheFileSkippedWithADiagnostic() throws Exception {
        try (LanguageServerProcess server = initializedServer("twenty-megabytes")) {
            StringBuilder huge = new StringBuilder(TEXT).append('\n');
            String line = "Summarise the ticket in one line, then classify it as billing or bug. {{ticket}}\n";
            while (huge.length() < 20 * 1024 * 1024) {
                huge.append(line);
            }
            String hugeText = huge.toString();
            open(server, hugeText);
            JsonNode published = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> URI.equals(params.path("uri").asText()));
            assertEquals(fresh.diagnostics(URI, hugeText), FreshAnalysis.published(published));
            assertTrue(published.toString().contains("file-too-large"), published.toString());
            JsonNode hover = server.request("textDocument/hover", Map.of("textDocument", Map.of("uri", URI),
                    "position", Map.of("line", 13, "character", 5)));
            assertFalse(hover.has("error"), hover.toString());
            // Replacing the whole 20 MB text with a small one brings the analysis back.
            server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 2),
                    "contentChanges", List.of(Map.of("text", TEXT))));
            JsonNode small = awaitDiagnostics(server, 2);
            assertEquals(fresh.diagnostics(URI, TEXT), FreshAnalysis.published(small));
            assertCleanExit(server);
        }
    }

    @Test
    void tenThousandHoversWhileTypingAreAllAnsweredAndTheLastDiagnosticsAreFresh() throws Exception {
        try (LanguageServerProcess server = initializedServer("request-storm")) {
            open(server, TEXT);
            String clientText = TEXT;
            int version = 1;
            List<Integer> hovers = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                hovers.add(server.send("textDocument/hover", Map.of("textDocument", Map.of("uri", URI),
                        "position", Map.of("line", 13, "character", i % 40))));
                if (i % 5 == 0) {
                    version++;
                    String typed = i % 50 == 0 ? "\n" : String.valueOf((char) ('a' + i % 26));
                    change(server, version, append(clientText, typed));
                    clientText += typed;
                }
                if (i % 7 == 0) {
                    server.notify("$/cancelRequest", Map.of("id", hovers.get(hovers.size() - 1)));
                }
            }
            int answered = 0;
            int cancelled = 0;
            for (int id : hovers) {
                JsonNode answer = server.awaitResponse(id);
                if (answer.has("result")) {
                    answered++;
                } else {
                    assertTrue(CANCELLED_CODES.contains(answer.at("/error/code").asInt()), answer.toString());
                    cancelled++;
                }
            }
            assertEquals(10_000, answered + cancelled);
            JsonNode last = awaitDiagnostics(server, version);
            assertEquals(fresh.diagnostics(URI, clientText), FreshAnalysis.published(last));
            System.out.printf("request storm: %d hovers answered, %d cancelled, %d edits%n", answered, cancelled,
                    version - 1);
            assertStillCorrect(server);
            assertCleanExit(server);
        }
    }

    private LanguageServerProcess initializedServer(String name) throws Exception {
        LanguageServerProcess server = LanguageServerProcess.start(name);
        initialize(server);
        return server;
    }

    private static void initialize(LanguageServerProcess server) throws Exception {
        JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                "capabilities", Map.of(), "initializationOptions", SETTINGS));
        assertFalse(initialized.has("error"), initialized.toString());
        server.notify("initialized", Map.of());
    }

    private static void open(LanguageServerProcess server, String text) throws Exception {
        server.notify("textDocument/didOpen", Map.of("textDocument",
                Map.of("uri", URI, "languageId", "prompty", "version", 1, "text", text)));
    }

    private static void change(LanguageServerProcess server, int version, Map<String, Object> change)
            throws Exception {
        server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", version),
                "contentChanges", List.of(change)));
    }

    /** Returns the change that types {@code typed} at the end of {@code text}, whose last line has no newline. */
    private static Map<String, Object> append(String text, String typed) {
        int line = (int) text.chars().filter(c -> c == '\n').count();
        int column = text.length() - text.lastIndexOf('\n') - 1;
        Map<String, Object> end = Map.of("line", line, "character", column);
        return Map.of("range", Map.of("start", end, "end", end), "text", typed);
    }

    private static JsonNode awaitDiagnostics(LanguageServerProcess server, int version) throws Exception {
        return server.awaitNotification("textDocument/publishDiagnostics",
                params -> URI.equals(params.path("uri").asText()) && params.path("version").asInt() == version);
    }

    /** Checks that a request right after the misuse gets its proper answer. */
    private static void assertAnswers(LanguageServerProcess server) throws Exception {
        JsonNode answer = server.request("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", URI)));
        assertFalse(answer.has("error"), answer.toString());
    }

    private static boolean serverShutDown(LanguageServerProcess server) throws Exception {
        return server.request("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", URI)))
                .at("/error/code").asInt() == -32600;
    }

    /** Opens (again) a document and checks that its diagnostics equal a fresh analysis of its text. */
    private void assertStillCorrect(LanguageServerProcess server) throws Exception {
        String uri = "file:///workspace/support/prompts/check-" + System.nanoTime() + ".prompty";
        server.notify("textDocument/didOpen", Map.of("textDocument",
                Map.of("uri", uri, "languageId", "prompty", "version", 1, "text", TEXT)));
        JsonNode published = server.awaitNotification("textDocument/publishDiagnostics",
                params -> uri.equals(params.path("uri").asText()));
        assertEquals(fresh.diagnostics(uri, TEXT), FreshAnalysis.published(published));
        assertFalse(FreshAnalysis.published(published).isEmpty(), "the check text has findings to compare");
    }

    private static void assertCleanExit(LanguageServerProcess server) throws Exception {
        JsonNode shutdown = server.request("shutdown", null);
        assertTrue(shutdown.has("result"), shutdown.toString());
        server.notify("exit", null);
        assertEquals(0, server.awaitExit());
        assertEquals(List.of(), server.protocolViolations());
    }

    private static byte[] frame(int contentLength, byte[] body) {
        byte[] header = ("Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[header.length + body.length];
        System.arraycopy(header, 0, framed, 0, header.length);
        System.arraycopy(body, 0, framed, header.length, body.length);
        return framed;
    }
}
