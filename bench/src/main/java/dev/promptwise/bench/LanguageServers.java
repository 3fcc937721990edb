package dev.promptwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the two language servers the benchmarks drive, Promptwise's real jar and yaml-language-server, and does
 * the handshake both need, so that every benchmark talks to them the same way.
 */
final class LanguageServers {

    /** How one server under test is started and configured. */
    record Server(String name, List<String> command, JsonNode initializationOptions, JsonNode didChangeSettings,
            java.util.function.Function<JsonNode, JsonNode> configuration) {}

    private LanguageServers() {}

    /**
     * Returns Promptwise's jar started with {@code vmOptions}, diagnostics debounce 0. The system property
     * {@code promptwise.vmOptions} adds options to every start, for example to record a JFR profile.
     */
    static Server promptwise(Path jar, List<String> vmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(vmOptions);
        String extraOptions = System.getProperty("promptwise.vmOptions", "").strip();
        if (!extraOptions.isEmpty()) {
            command.addAll(List.of(extraOptions.split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        ObjectNode settings = LspClient.JSON.createObjectNode();
        settings.putObject("promptwise").putObject("diagnostics").put("debounceMs", 0);
        return new Server("Promptwise", command, settings, settings, item -> settings.get("promptwise"));
    }

    /** Returns Promptwise started by {@code command} (the bundle's launcher, say), diagnostics debounce 0. */
    static Server promptwiseCommand(List<String> command) {
        ObjectNode settings = LspClient.JSON.createObjectNode();
        settings.putObject("promptwise").putObject("diagnostics").put("debounceMs", 0);
        return new Server("Promptwise", command, settings, settings, item -> settings.get("promptwise"));
    }

    /** Returns yaml-language-server (without its 200 ms validation delay) checking {@code promptwise.yaml} files against the schema. */
    static Server yamlLanguageServer(Path nodeDirectory, Path schema) {
        ObjectNode yaml = LspClient.JSON.createObjectNode();
        yaml.put("validate", true).put("hover", false).put("completion", false);
        yaml.putObject("schemas").putArray(schema.toUri().toString()).add("promptwise.yaml").add("**/promptwise.yaml");
        yaml.putObject("schemaStore").put("enable", false);
        ObjectNode settings = LspClient.JSON.createObjectNode();
        settings.set("yaml", yaml);
        List<String> command = List.of("node", nodeDirectory.resolve("yaml-language-server-no-delay.js").toString(),
                "--stdio");
        return new Server("yaml-language-server", command, null, settings,
                item -> "yaml".equals(item.path("section").asText()) ? yaml : null);
    }

    /** Starts {@code server}, answers its handshake and returns the client; the workspace root is {@code root}. */
    static LspClient startAndInitialize(Server server, Path root, Path logs) throws Exception {
        LspClient client = start(server, logs);
        initialize(client, server, root);
        return client;
    }

    /** Starts the server's process without talking to it yet. */
    static LspClient start(Server server, Path logs) throws IOException {
        return LspClient.start(server.command(), logs.resolve(server.name() + ".stderr.log"), server.configuration());
    }

    /** Sends {@code initialize}, {@code initialized} and the settings; returns the initialize result. */
    static JsonNode initialize(LspClient client, Server server, Path root) throws Exception {
        ObjectNode params = LspClient.JSON.createObjectNode();
        params.put("processId", ProcessHandle.current().pid());
        params.put("rootUri", root.toUri().toString());
        params.putArray("workspaceFolders").addObject().put("uri", root.toUri().toString()).put("name", "bench");
        ObjectNode capabilities = params.putObject("capabilities");
        // As VS Code does: the servers may register file watchers (Promptwise then trusts its cache of the disk).
        capabilities.putObject("workspace").put("configuration", true).put("workspaceFolders", true)
                .putObject("didChangeWatchedFiles").put("dynamicRegistration", true);
        capabilities.putObject("textDocument").putObject("publishDiagnostics").put("versionSupport", true);
        if (server.initializationOptions() != null) {
            params.set("initializationOptions", server.initializationOptions());
        }
        JsonNode result = client.request("initialize", params);
        client.notify("initialized", Map.of());
        client.notify("workspace/didChangeConfiguration", Map.of("settings", server.didChangeSettings()));
        return result;
    }

    /** Sends {@code didOpen} for {@code file} with {@code text} at version 1. */
    static void open(LspClient client, Path file, String languageId, String text) throws IOException {
        client.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", file.toUri().toString(),
                "languageId", languageId, "version", 1, "text", text)));
    }

    /** Sends one incremental {@code didChange}: {@code replacement} over line {@code line}, characters {@code from..to}. */
    static void change(LspClient client, Path file, int version, int line, int from, int to, String replacement)
            throws IOException {
        Map<String, Object> range = Map.of("start", Map.of("line", line, "character", from),
                "end", Map.of("line", line, "character", to));
        client.notify("textDocument/didChange", Map.of(
                "textDocument", Map.of("uri", file.toUri().toString(), "version", version),
                "contentChanges", List.of(Map.of("range", range, "text", replacement))));
    }

    /** Waits for the diagnostics of {@code file}: of {@code version} when the server says versions, else the next. */
    static LspClient.Received awaitDiagnostics(LspClient client, Path file, int version) throws InterruptedException {
        LspClient.Received received = awaitDiagnostics(client, file, version, 120);
        if (received == null) {
            throw new IllegalStateException("No diagnostics for " + file + " version " + version);
        }
        return received;
    }

    /** Like {@link #awaitDiagnostics(LspClient, Path, int)}, but returns {@code null} after {@code seconds}. */
    static LspClient.Received awaitDiagnostics(LspClient client, Path file, int version, long seconds)
            throws InterruptedException {
        String uri = file.toUri().toString();
        return client.await("textDocument/publishDiagnostics", params -> sameFile(params.path("uri").asText(), uri)
                && (!params.has("version") || params.get("version").isNull() || params.get("version").asInt() == version),
                seconds);
    }

    private static boolean sameFile(String reported, String sent) {
        return reported.equals(sent) || Path.of(java.net.URI.create(reported)).equals(Path.of(java.net.URI.create(sent)));
    }
}
