package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.cli.PromptwiseCli;
import dev.promptwise.io.DiskWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded chaos client against the real jar: over a copy of the samples workspace it types, opens, closes,
 * requests, cancels, changes settings, rewrites files behind the server's back and sends malformed messages, at a
 * steady pace, then checks the invariants of docs/reliability.md:
 *
 * <ol>
 *   <li>the server stays alive;
 *   <li>every request is answered, each within 10 s;
 *   <li>every published diagnostic's range lies inside the text of the version it names;
 *   <li>after a quiet period, every open document's last diagnostics are for its last version (nothing stale);
 *   <li>with the buffers written to disk, the editor's diagnostics equal {@code check --format json}'s.
 * </ol>
 *
 * <p>{@code mvn verify} runs it for 20 s; the documented longer run is
 * {@code mvn verify -pl server -Dit.test=ChaosIT -Dpromptwise.chaos.seconds=120 -Dpromptwise.chaos.seed=7}. The
 * pace is the load generator's rate (parked for on purpose), not a wait for a result.
 */
class ChaosIT {

    private static final int SECONDS = Integer.getInteger("promptwise.chaos.seconds", 20);
    private static final long SEED = Long.getLong("promptwise.chaos.seed", 1);
    private static final int OPERATIONS_PER_SECOND = Integer.getInteger("promptwise.chaos.rate", 50);
    private static final long ANSWER_BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Map<String, Object> SETTINGS =
            Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 150)));
    private static final String[] TYPED = {"a", " ", "the ", "{{ticket}}", "{{", "}}", "\n", "é", "😀", "Answer in JSON.",
        "Reply with the queue name and nothing else.\n", "---", "system:\n", "model: gpt-4o\n", "- ", ": ", "\t", "\r\n"};
    private static final String[] REQUESTS = {"textDocument/hover", "textDocument/codeLens",
        "textDocument/documentSymbol", "textDocument/inlayHint", "textDocument/completion", "textDocument/codeAction",
        "textDocument/definition", "textDocument/documentLink", "promptwise/documentCost"};

    @TempDir
    Path workspace;

    private final Random random = new Random(SEED);
    private final Map<String, Document> documents = new LinkedHashMap<>();
    private final Map<String, Map<Integer, String>> history = new ConcurrentHashMap<>();
    private final Map<String, Published> lastPublished = new ConcurrentHashMap<>();
    private final Map<Integer, Long> pending = new ConcurrentHashMap<>();
    private final List<Long> latencies = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> operations = new TreeMap<>();

    private static final class Document {
        final String uri;
        final Path file;
        String text;
        int version;
        boolean open;

        Document(String uri, Path file, String text) {
            this.uri = uri;
            this.file = file;
            this.text = text;
        }
    }

    private record Published(int version, long receivedNanos, JsonNode params) {}

    @Test
    void aSeededChaosClientBreaksNoInvariant() throws Exception {
        copySamples();
        try (LanguageServerProcess server = LanguageServerProcess.start("chaos", List.of(),
                List.of("-XX:+ExitOnOutOfMemoryError"))) {
            server.onNotification("window/logMessage", message -> { });
            server.onNotification("$/progress", message -> { });
            server.onNotification("textDocument/publishDiagnostics", this::published);
            JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", workspace.toUri().toString(), "capabilities", Map.of(),
                    "initializationOptions", SETTINGS));
            assertTrue(initialized.has("result"), initialized.toString());
            server.notify("initialized", Map.of());
            server.onResponse(this::answered);
            int threadsAtStart = threads(server.pid());

            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            long interval = TimeUnit.SECONDS.toNanos(1) / OPERATIONS_PER_SECOND;
            int count = 0;
            for (long next = start; System.nanoTime() < end; next += interval) {
                LockSupport.parkNanos(next - System.nanoTime());
                operate(server);
                count++;
                if (!server.isAlive()) {
                    violations.add("the server died after " + count + " operations");
                    break;
                }
            }

            // Quiet: back to the first settings, then every open document must get diagnostics for its last version.
            long quiet = System.nanoTime();
            server.notify("workspace/didChangeConfiguration", Map.of("settings", SETTINGS));
            awaitAnswers();
            awaitFreshDiagnostics(quiet);
            long rss = residentKilobytes(server.pid());
            int threadsAtEnd = threads(server.pid());

            Map<String, List<String>> editor = new TreeMap<>();
            for (Document document : documents.values()) {
                Files.writeString(document.file, document.text);
                if (document.open) {
                    Published published = lastPublished.get(document.uri);
                    editor.put(relative(document.file), published == null ? List.of() : lines(published.params()));
                }
            }
            Map<String, List<String>> check = check();
            Map<String, List<String>> checkOfOpen = new TreeMap<>();
            editor.keySet().forEach(path -> checkOfOpen.put(path, check.getOrDefault(path, List.of())));

            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            System.out.printf(java.util.Locale.ROOT,
                    "chaos | seed %d | %d s | %d operations %s | %d requests answered, p50 %.1f ms, p99 %.1f ms, max"
                            + " %.1f ms | %d open documents compared with check | threads %d -> %d | RSS %,d MB |"
                            + " %d violations%n",
                    SEED, SECONDS, count, operations, sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.99),
                    percentile(sorted, 1.0), editor.size(), threadsAtStart, threadsAtEnd, rss / 1024,
                    violations.size());
            assertEquals(List.of(), violations);
            assertEquals(checkOfOpen, editor, "the editor's diagnostics equal check's for every open document");
            assertTrue(threadsAtEnd <= threadsAtStart + 8, "threads stay flat: " + threadsAtStart + " -> " + threadsAtEnd);

            server.onResponse(null);
            JsonNode shutdown = server.request("shutdown", null);
            assertTrue(shutdown.has("result"), shutdown.toString());
            server.notify("exit", null);
            assertEquals(0, server.awaitExit());
            assertEquals(List.of(), server.protocolViolations());
        }
    }

    private void operate(LanguageServerProcess server) throws IOException {
        int roll = random.nextInt(100);
        List<Document> open = documents.values().stream().filter(d -> d.open).toList();
        List<Document> closed = documents.values().stream().filter(d -> !d.open).toList();
        if (open.isEmpty() || (roll < 8 && !closed.isEmpty())) {
            Document document = pick(closed.isEmpty() ? open : closed);
            if (!document.open) {
                count("open");
                document.text = Files.readString(document.file);
                document.version++;
                document.open = true;
                remember(document);
                server.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", document.uri,
                        "languageId", languageId(document.file), "version", document.version, "text", document.text)));
            }
        } else if (roll < 48) {
            count("edit");
            edit(server, pick(open));
        } else if (roll < 53) {
            count("close");
            Document document = pick(open);
            document.open = false;
            server.notify("textDocument/didClose", Map.of("textDocument", Map.of("uri", document.uri)));
        } else if (roll < 80) {
            count("request");
            Document document = random.nextInt(10) == 0 && !closed.isEmpty() ? pick(closed) : pick(open);
            String method = REQUESTS[random.nextInt(REQUESTS.length)];
            request(server, method, params(method, document));
        } else if (roll < 86) {
            count("cancel");
            List<Integer> ids = new ArrayList<>(pending.keySet());
            int id = ids.isEmpty() ? 1 : ids.get(random.nextInt(ids.size()));
            server.notify("$/cancelRequest", Map.of("id", id));
        } else if (roll < 89) {
            count("settings");
            server.notify("workspace/didChangeConfiguration", Map.of("settings", Map.of("promptwise", Map.of(
                    "diagnostics", Map.of("debounceMs", random.nextInt(400)),
                    "budget", Map.of("maxPromptTokens", 50 + random.nextInt(3000)),
                    "rules", Map.of("duplicate-instruction", random.nextBoolean() ? "off" : "error"),
                    "defaultModel", random.nextBoolean() ? "gpt-4o" : "claude-sonnet-4.5"))));
        } else if (roll < 94 && !closed.isEmpty()) {
            count("write behind");
            Document document = pick(closed);
            String text = Files.readString(document.file);
            int at = safeOffset(text, random.nextInt(text.length() + 1));
            Files.writeString(document.file, text.substring(0, at) + TYPED[random.nextInt(TYPED.length)]
                    + text.substring(at));
            server.notify("workspace/didChangeWatchedFiles", Map.of("changes",
                    List.of(Map.of("uri", document.uri, "type", 2))));
        } else if (roll < 97) {
            count("malformed");
            malformed(server, pick(open));
        } else {
            count("request");
            request(server, "textDocument/hover", Map.of("textDocument", Map.of("uri", pick(open).uri),
                    "position", Map.of("line", 10_000, "character", 10_000)));
        }
    }

    private void edit(LanguageServerProcess server, Document document) throws IOException {
        String text = document.text;
        int from = safeOffset(text, random.nextInt(text.length() + 1));
        int to = safeOffset(text, Math.min(text.length(), from + (random.nextInt(4) == 0 ? random.nextInt(40) : 0)));
        String typed = TYPED[random.nextInt(TYPED.length)];
        Map<String, Object> range = Map.of("start", position(text, from), "end", position(text, to));
        document.text = text.substring(0, from) + typed + text.substring(to);
        document.version++;
        remember(document);
        server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", document.uri,
                "version", document.version), "contentChanges", List.of(Map.of("range", range, "text", typed))));
    }

    private void malformed(LanguageServerProcess server, Document document) throws IOException {
        switch (random.nextInt(4)) {
            case 0 -> server.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": ");
            case 1 -> server.sendRaw("[1, 2, 3]");
            case 2 -> request(server, "textDocument/hover", null);
            default -> request(server, "textDocument/codeLens",
                    Map.of("textDocument", Map.of("uri", List.of(document.uri))));
        }
    }

    private void request(LanguageServerProcess server, String method, Object params) throws IOException {
        synchronized (pending) {
            int id = server.send(method, params);
            pending.put(id, System.nanoTime());
        }
    }

    private Map<String, Object> params(String method, Document document) {
        if (method.equals("promptwise/documentCost")) {
            return Map.of("uri", document.uri);
        }
        String text = document.text;
        Map<String, Object> at = position(text, safeOffset(text, random.nextInt(text.length() + 1)));
        Map<String, Object> whole = Map.of("start", position(text, 0), "end", position(text, text.length()));
        Map<String, Object> textDocument = Map.of("uri", document.uri);
        return switch (method) {
            case "textDocument/hover", "textDocument/completion", "textDocument/definition" ->
                    Map.of("textDocument", textDocument, "position", at);
            case "textDocument/inlayHint" -> Map.of("textDocument", textDocument, "range", whole);
            case "textDocument/codeAction" -> Map.of("textDocument", textDocument, "range",
                    Map.of("start", at, "end", at), "context", Map.of("diagnostics", List.of()));
            default -> Map.of("textDocument", textDocument);
        };
    }

    private void answered(JsonNode response) {
        Long sent;
        synchronized (pending) {
            sent = pending.remove(response.path("id").asInt());
        }
        if (sent == null) {
            return;
        }
        long latency = System.nanoTime() - sent;
        latencies.add(latency);
        if (latency > ANSWER_BOUND_NANOS) {
            violations.add("request #" + response.path("id").asInt() + " answered after " + latency / 1_000_000 + " ms");
        }
        int code = response.path("error").path("code").asInt();
        if (code == -32603) {
            violations.add("an internal error: " + response);
        }
    }

    private void published(JsonNode message) {
        JsonNode params = message.path("params");
        String uri = params.path("uri").asText();
        if (!params.has("version")) {
            return;
        }
        int version = params.path("version").asInt();
        lastPublished.put(uri, new Published(version, System.nanoTime(), params));
        String text = history.getOrDefault(uri, Map.of()).get(version);
        if (text == null) {
            violations.add("diagnostics for " + uri + " version " + version + ", a version never sent");
            return;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (JsonNode diagnostic : params.path("diagnostics")) {
            for (String end : List.of("start", "end")) {
                JsonNode position = diagnostic.path("range").path(end);
                int line = position.path("line").asInt();
                int character = position.path("character").asInt();
                if (line < 0 || line >= lines.length || character < 0 || character > lines[line].length()) {
                    violations.add("a range outside version " + version + " of " + uri + ": " + diagnostic);
                }
            }
        }
    }

    private void awaitAnswers() {
        long deadline = System.nanoTime() + ANSWER_BOUND_NANOS;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        pending.forEach((id, sent) -> violations.add("request #" + id + " never answered"));
    }

    /** Waits up to 30 s for every open document's diagnostics of its last version, published after {@code since}. */
    private void awaitFreshDiagnostics(long since) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Document> stale = staleDocuments(since);
        while (!stale.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            stale = staleDocuments(since);
        }
        stale.forEach(document -> violations.add("stale diagnostics for " + document.uri + ": version "
                + document.version + " sent, last published "
                + (lastPublished.containsKey(document.uri) ? lastPublished.get(document.uri).version() : "none")));
    }

    private List<Document> staleDocuments(long since) {
        return documents.values().stream().filter(d -> d.open).filter(d -> {
            Published published = lastPublished.get(d.uri);
            return published == null || published.version() != d.version || published.receivedNanos() < since;
        }).toList();
    }

    private Map<String, List<String>> check() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PromptwiseCli.run(new String[] {"check", "--format", "json", "--fail-on", "none", "."},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workspace);
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, List<String>> findings = new HashMap<>();
        for (JsonNode file : report.path("files")) {
            List<String> lines = new ArrayList<>();
            for (JsonNode diagnostic : file.path("diagnostics")) {
                lines.add(line(diagnostic.path("rule").asText(), severity(diagnostic.path("severity").asText()),
                        diagnostic.path("message").asText(), diagnostic.path("range")));
            }
            findings.put(file.path("path").asText(), lines);
        }
        return findings;
    }

    private static List<String> lines(JsonNode published) {
        List<String> lines = new ArrayList<>();
        for (JsonNode diagnostic : published.path("diagnostics")) {
            lines.add(line(diagnostic.path("code").asText(), diagnostic.path("severity").asInt(),
                    diagnostic.path("message").asText(), diagnostic.path("range")));
        }
        return lines;
    }

    private static String line(String rule, int severity, String message, JsonNode range) {
        return rule + "|" + severity + "|" + message + "|" + range.at("/start/line").asInt() + ":"
                + range.at("/start/character").asInt() + "-" + range.at("/end/line").asInt() + ":"
                + range.at("/end/character").asInt();
    }

    private static int severity(String name) {
        return switch (name) {
            case "error" -> 1;
            case "warning" -> 2;
            case "information" -> 3;
            default -> 4;
        };
    }

    private void copySamples() throws IOException {
        Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
        for (Path file : DiskWorkspace.files(samples)) {
            Path copy = workspace.resolve(samples.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        // The files check reports on are the ones the editor analyses too: prompts and strategy files.
        for (String path : new java.util.TreeSet<>(check().keySet())) {
            Path file = workspace.resolve(path);
            if (Files.size(file) < 200_000) {
                documents.put(file.toUri().toString(), new Document(file.toUri().toString(), file,
                        Files.readString(file)));
            }
        }
        assertTrue(documents.size() >= 10, "the samples give the client files to work on: " + documents.keySet());
    }

    private void remember(Document document) {
        history.computeIfAbsent(document.uri, uri -> new ConcurrentHashMap<>()).put(document.version, document.text);
    }

    private String relative(Path file) {
        return workspace.relativize(file).toString().replace('\\', '/');
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private void count(String operation) {
        operations.merge(operation, 1, Integer::sum);
    }

    /**
     * Moves an offset off the second half of a surrogate pair, so that no edit splits a character, and off the
     * {@code \n} of a {@code \r\n}, which no LSP position can name: the position between the two is past the line's
     * end, which LSP clamps to the end of the line, before the {@code \r}. A client that edited there kept a text the
     * server never had, and then judged the server's ranges against it (the "known defect" this test once printed).
     */
    private static int safeOffset(String text, int offset) {
        boolean inside = offset > 0 && offset < text.length() && (Character.isLowSurrogate(text.charAt(offset))
                || text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n');
        return inside ? offset - 1 : offset;
    }

    private static Map<String, Object> position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return Map.of("line", line, "character", offset - lineStart);
    }

    private static String languageId(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".prompty") ? "prompty" : name.endsWith(".yaml") || name.endsWith(".yml") ? "yaml"
                : name.endsWith(".md") ? "prompt" : "plaintext";
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static long residentKilobytes(long pid) throws IOException {
        return status(pid, "VmRSS:");
    }

    private static int threads(long pid) throws IOException {
        return (int) status(pid, "Threads:");
    }

    private static long status(long pid, String key) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
