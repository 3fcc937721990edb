package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptwise.netcheck.ConnectProbe;
import dev.promptwise.netcheck.NoNetworkSecurityManager;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, through a whole editing session that uses every feature, opens no network connection and leaves no
 * temporary file behind. The network check is a security manager that reports and refuses every socket (Java 17
 * still honours {@code -Djava.security.manager}); a probe that swallows its own failure shows that the check sees an
 * attempt the code under test would hide.
 */
class IsolationIT {

    private static final String URI = "file:///workspace/support/prompts/isolated.prompty";
    private static final Map<String, Object> SETTINGS =
            Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 0), "defaultModel", "gpt-4o-mini"));
    private static final String TEXT = """
            ---
            name: isolated
            model:
              configuration:
                type: openai
                name: gpt-4o-mini
            ---
            system:
            You are a support triage assistant. Answer in JSON.
            You are a support triage assistant. Answer in JSON.

            user:
            {{ticket}}""";

    @TempDir
    Path temporaryFolder;

    @Test
    void theCheckSeesAConnectionAttemptEvenWhenItsFailureIsSwallowed() throws Exception {
        Path stderr = temporaryFolder.resolve("probe.stderr.log");
        Process probe = new ProcessBuilder(java(), "-Xbootclasspath/a:" + testClasses(),
                "-Djava.security.manager=" + NoNetworkSecurityManager.class.getName(),
                "-cp", testClasses(), ConnectProbe.class.getName())
                .redirectError(stderr.toFile()).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.readString(stderr).contains(NoNetworkSecurityManager.MARKER), Files.readString(stderr));
    }

    @Test
    void aWholeSessionOpensNoSocketAndLeavesNoTemporaryFile() throws Exception {
        Path serverTemp = Files.createDirectories(temporaryFolder.resolve("server-tmp"));
        try (LanguageServerProcess server = LanguageServerProcess.start("isolated-session", List.of(), List.of(
                "-Xbootclasspath/a:" + testClasses(),
                "-Djava.security.manager=" + NoNetworkSecurityManager.class.getName(),
                "-Djava.io.tmpdir=" + serverTemp))) {
            JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", temporaryFolder.toUri().toString(), "capabilities", Map.of(),
                    "initializationOptions", SETTINGS));
            assertFalse(initialized.has("error"), initialized.toString());
            server.notify("initialized", Map.of());
            server.notify("textDocument/didOpen", Map.of("textDocument",
                    Map.of("uri", URI, "languageId", "prompty", "version", 1, "text", TEXT)));
            JsonNode published = server.awaitNotification("textDocument/publishDiagnostics",
                    params -> URI.equals(params.path("uri").asText()));
            assertEquals(new FreshAnalysis(SETTINGS).diagnostics(URI, TEXT), FreshAnalysis.published(published));
            Map<String, Object> document = Map.of("uri", URI);
            Map<String, Object> range = Map.of("start", Map.of("line", 0, "character", 0),
                    "end", Map.of("line", 12, "character", 0));
            for (Map.Entry<String, Object> request : Map.<String, Object>of(
                    "textDocument/hover", Map.of("textDocument", document,
                            "position", Map.of("line", 8, "character", 3)),
                    "textDocument/documentSymbol", Map.of("textDocument", document),
                    "textDocument/codeLens", Map.of("textDocument", document),
                    "textDocument/inlayHint", Map.of("textDocument", document, "range", range),
                    "textDocument/codeAction", Map.of("textDocument", document, "range", range,
                            "context", Map.of("diagnostics", List.of())),
                    "workspace/executeCommand", Map.of("command", PromptwiseLanguageServer.COST_REPORT_COMMAND,
                            "arguments", List.of()),
                    "promptwise/documentCost", Map.of("uri", URI),
                    "textDocument/completion", Map.of("textDocument", document,
                            "position", Map.of("line", 2, "character", 2)),
                    "textDocument/definition", Map.of("textDocument", document,
                            "position", Map.of("line", 12, "character", 3)),
                    "textDocument/documentLink", Map.of("textDocument", document)).entrySet()) {
                JsonNode answer = server.request(request.getKey(), request.getValue());
                assertFalse(answer.has("error"), request.getKey() + ": " + answer);
            }
            JsonNode page = server.request("workspace/executeCommand", Map.of(
                    "command", PromptwiseLanguageServer.COST_REPORT_HTML_COMMAND, "arguments", List.of()));
            assertTrue(page.at("/result/html").asText().startsWith("<!doctype html>"), page.toString());
            server.notify("workspace/didChangeConfiguration", Map.of("settings", SETTINGS));
            server.request("shutdown", null);
            server.notify("exit", null);
            assertEquals(0, server.awaitExit());
        }
        String stderr = Files.readString(jarLogs().resolve("isolated-session.stderr.log"), StandardCharsets.UTF_8);
        assertFalse(stderr.contains(NoNetworkSecurityManager.MARKER), stderr);
        try (Stream<Path> left = Files.list(serverTemp)) {
            assertEquals(List.of(), left.toList(), "temporary files left behind");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClasses() throws URISyntaxException {
        return new File(NoNetworkSecurityManager.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getPath();
    }

    private static Path jarLogs() {
        return Path.of(System.getProperty("promptwise.jar", "target/promptwise.jar")).toAbsolutePath().getParent()
                .resolve("it-logs");
    }
}
