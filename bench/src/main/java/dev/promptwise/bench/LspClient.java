package dev.promptwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A minimal LSP client over a server process's pipes, used to time Promptwise and yaml-language-server the same way:
 * it frames JSON-RPC with Content-Length, answers the server's own requests ({@code workspace/configuration} from
 * the given settings, everything else with {@code null}) and hands every notification to a queue with the
 * {@link System#nanoTime()} at which it was read.
 */
final class LspClient implements AutoCloseable {

    /** A notification from the server and the time its last byte was read. */
    record Received(JsonNode message, long nanoTime) {}

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final long startNanos;
    private final OutputStream stdin;
    private final Function<JsonNode, JsonNode> configuration;
    private final BlockingQueue<Received> notifications = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private LspClient(Process process, long startNanos, Function<JsonNode, JsonNode> configuration) {
        this.process = process;
        this.startNanos = startNanos;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.configuration = configuration;
        Thread reader = new Thread(() -> readAll(new BufferedInputStream(process.getInputStream(), 1 << 16)),
                "lsp-bench-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} with its stderr in {@code stderrLog}; {@code configuration} answers each item of a
     * {@code workspace/configuration} request from its section (may return {@code null}).
     */
    static LspClient start(List<String> command, Path stderrLog, Function<JsonNode, JsonNode> configuration)
            throws IOException {
        Files.createDirectories(stderrLog.getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(stderrLog.toFile()).start();
        return new LspClient(process, start, configuration);
    }

    /** Returns {@link System#nanoTime()} just before the process was started. */
    long startNanos() {
        return startNanos;
    }

    long pid() {
        return process.pid();
    }

    /** Sends a request and waits for its result; throws when the server answers with an error. */
    JsonNode request(String method, Object params) throws Exception {
        int id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        send(message);
        JsonNode answer = response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Sends a notification. */
    void notify(String method, Object params) throws IOException {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        message.set("params", JSON.valueToTree(params));
        send(message);
    }

    /** Returns the next notification of {@code method} whose params match, dropping the others read before it. */
    Received await(String method, Predicate<JsonNode> paramsMatch) throws InterruptedException {
        Received received = await(method, paramsMatch, TIMEOUT_SECONDS);
        if (received == null) {
            throw new IllegalStateException("Timed out waiting for " + method + " (server alive: "
                    + process.isAlive() + ")");
        }
        return received;
    }

    /** Returns the next matching notification of {@code method}, or {@code null} after {@code seconds}. */
    Received await(String method, Predicate<JsonNode> paramsMatch, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Received next = notifications.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return null;
            }
            if (method.equals(next.message().path("method").asText()) && paramsMatch.test(next.message().path("params"))) {
                return next;
            }
        }
    }

    /** Drops the notifications received so far. */
    void forgetNotifications() {
        notifications.clear();
    }

    /** Asks the server to shut down and exit, then makes sure the process is gone. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                request("shutdown", null);
                notify("exit", null);
                // A server writing a class data archive at exit takes a few seconds to end.
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // The process is killed below either way.
        }
        process.destroyForcibly();
    }

    private void send(JsonNode message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(message);
        synchronized (stdin) {
            stdin.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            stdin.write(body);
            stdin.flush();
        }
    }

    private void readAll(InputStream stdout) {
        try {
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int character = stdout.read();
                    if (character < 0) {
                        return;
                    }
                    if (character == '\n') {
                        String header = line.toString().strip();
                        if (header.isEmpty()) {
                            break;
                        }
                        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            length = Integer.parseInt(header.substring(15).strip());
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) character);
                    }
                }
                JsonNode message = JSON.readTree(stdout.readNBytes(length));
                long now = System.nanoTime();
                dispatch(message, now);
            }
        } catch (IOException | RuntimeException broken) {
            notifications.add(new Received(JSON.createObjectNode().put("method", "$/readerFailed")
                    .put("reason", broken.toString()), System.nanoTime()));
        }
    }

    private void dispatch(JsonNode message, long now) throws IOException {
        if (message.has("method") && message.has("id")) {
            ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
            response.set("id", message.get("id"));
            if ("workspace/configuration".equals(message.get("method").asText())) {
                var items = JSON.createArrayNode();
                for (JsonNode item : message.path("params").path("items")) {
                    items.add(configuration.apply(item));
                }
                response.set("result", items);
            } else {
                response.putNull("result");
            }
            send(response);
        } else if (message.has("method")) {
            notifications.add(new Received(message, now));
        } else {
            CompletableFuture<JsonNode> response = pending.remove(message.path("id").asInt());
            if (response != null) {
                response.complete(message);
            }
        }
    }
}
