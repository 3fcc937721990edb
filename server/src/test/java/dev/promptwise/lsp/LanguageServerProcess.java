package dev.promptwise.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small hand-written LSP client for end-to-end tests: it starts the shaded jar as a process and speaks JSON-RPC
 * over its pipes with Content-Length framing. It reads stdout strictly, so that anything on it other than
 * well-framed JSON-RPC messages is recorded as a protocol violation.
 */
final class LanguageServerProcess implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Put in the inbox when stdout ends or breaks, so that a waiting test fails at once instead of timing out. */
    private static final JsonNode STDOUT_ENDED = JSON.createObjectNode();

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> unclaimed = new ArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<String, Consumer<JsonNode>> notificationHandlers = new ConcurrentHashMap<>();
    private volatile Consumer<JsonNode> responseHandler;
    private final Thread reader;
    private volatile boolean endedOnMessageBoundary;

    private LanguageServerProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.reader = new Thread(() -> readAll(process.getInputStream()), "lsp-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar promptwise.jar}, its stderr kept in {@code target/it-logs/<name>.stderr.log}. */
    static LanguageServerProcess start(String name) throws IOException {
        return start(name, List.of(), List.of());
    }

    /**
     * Starts the jar as {@link #start(String)} does, behind {@code commandPrefix} (such as {@code unshare -n}) and
     * with {@code jvmOptions} before {@code -jar}.
     */
    static LanguageServerProcess start(String name, List<String> commandPrefix, List<String> jvmOptions)
            throws IOException {
        Path jar = Path.of(System.getProperty("promptwise.jar", "target/promptwise.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No shaded jar at " + jar.toAbsolutePath() + "; run mvn verify");
        }
        Path logs = jar.toAbsolutePath().getParent().resolve("it-logs");
        Files.createDirectories(logs);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command)
                .redirectError(logs.resolve(name + ".stderr.log").toFile())
                .start();
        return new LanguageServerProcess(process);
    }

    /** Sends a request and returns its response (with {@code result} or {@code error}). */
    JsonNode request(String method, Object params) throws Exception {
        int id = send(method, params);
        return awaitResponse(id);
    }

    /** Sends a request without waiting for its response, and returns its id. */
    int send(String method, Object params) throws IOException {
        int id = nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", JSON.valueToTree(params));
        }
        send(message);
        return id;
    }

    /** Returns the response to the request {@code id}, waiting for it up to {@link #TIMEOUT}. */
    JsonNode awaitResponse(int id) throws InterruptedException {
        return await("the response to #" + id, node -> !node.has("method")
                && node.path("id").isInt() && node.path("id").asInt() == id);
    }

    /** Sends a notification. */
    void notify(String method, Object params) throws IOException {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        if (params != null) {
            message.set("params", JSON.valueToTree(params));
        }
        send(message);
    }

    /** Sends {@code body} framed but unchecked, to test what the server does with broken input. */
    void sendRaw(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        synchronized (stdin) {
            stdin.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            stdin.write(bytes);
            stdin.flush();
        }
    }

    /**
     * Hands every later {@code method} notification to {@code handler}, on the reading thread and as it arrives,
     * instead of keeping it for {@link #await}; for load tests that receive too many to keep.
     */
    void onNotification(String method, Consumer<JsonNode> handler) {
        notificationHandlers.put(method, handler);
    }

    /**
     * Hands every later response (a message with an id and no method) to {@code handler} as it arrives, instead of
     * keeping it for {@link #await}; for tests that send more requests than they wait for one by one.
     */
    void onResponse(Consumer<JsonNode> handler) {
        responseHandler = handler;
    }

    /** Sends bytes as they are, without framing, to test what the server does with a broken frame. */
    void sendBytes(byte[] bytes) throws IOException {
        synchronized (stdin) {
            stdin.write(bytes);
            stdin.flush();
        }
    }

    /** Returns whether the server process is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the next message from the server that matches, waiting for it up to {@link #TIMEOUT}. */
    JsonNode await(String what, Predicate<JsonNode> matches) throws InterruptedException {
        synchronized (unclaimed) {
            for (Iterator<JsonNode> it = unclaimed.iterator(); it.hasNext();) {
                JsonNode node = it.next();
                if (matches.test(node)) {
                    it.remove();
                    return node;
                }
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode node = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (node == null || node == STDOUT_ENDED) {
                inbox.add(STDOUT_ENDED);
                throw new AssertionError((node == null ? "Timed out" : "stdout ended") + " waiting for " + what
                        + "; violations: " + violations + "; other messages: " + unclaimed);
            }
            if (matches.test(node)) {
                return node;
            }
            synchronized (unclaimed) {
                unclaimed.add(node);
            }
        }
    }

    /** Returns the next {@code method} notification whose params match. */
    JsonNode awaitNotification(String method, Predicate<JsonNode> paramsMatch) throws InterruptedException {
        return await(method, node -> method.equals(node.path("method").asText()) && !node.has("id")
                && paramsMatch.test(node.path("params")));
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("The server did not exit within " + TIMEOUT);
        }
        reader.join(TIMEOUT.toMillis());
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** Returns what was wrong on stdout: bytes that are not a framed JSON-RPC message. Empty when all was well. */
    List<String> protocolViolations() {
        List<String> all = new ArrayList<>(violations);
        if (!process.isAlive() && !reader.isAlive() && !endedOnMessageBoundary) {
            all.add("stdout ended inside a message");
        }
        return all;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void send(JsonNode message) throws IOException {
        sendRaw(JSON.writeValueAsString(message));
    }

    private void readAll(InputStream stdout) {
        try {
            readMessages(stdout);
        } finally {
            inbox.add(STDOUT_ENDED);
        }
    }

    private void readMessages(InputStream stdout) {
        try {
            while (true) {
                Integer length = readHeaders(stdout);
                if (length == null) {
                    endedOnMessageBoundary = true;
                    return;
                }
                byte[] body = stdout.readNBytes(length);
                if (body.length < length) {
                    violations.add("stdout ended after " + body.length + " of " + length + " body bytes");
                    return;
                }
                JsonNode message = JSON.readTree(body);
                if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
                    violations.add("not a JSON-RPC message: " + new String(body, StandardCharsets.UTF_8));
                    return;
                }
                Consumer<JsonNode> handler = !message.has("id")
                        ? notificationHandlers.get(message.path("method").asText())
                        : message.has("method") ? null : responseHandler;
                if (handler != null) {
                    handler.accept(message);
                } else {
                    inbox.add(message);
                }
            }
        } catch (IOException | RuntimeException broken) {
            violations.add("unreadable stdout: " + broken);
        }
    }

    /** Reads one header block; returns its Content-Length, or {@code null} at a clean end of the stream. */
    private Integer readHeaders(InputStream stdout) throws IOException {
        Integer length = null;
        boolean first = true;
        while (true) {
            String line = readLine(stdout, first);
            if (line == null) {
                return null;
            }
            first = false;
            if (line.isEmpty()) {
                if (length == null) {
                    throw new IOException("a header block without Content-Length");
                }
                return length;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("not a header line: " + line);
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (!name.equalsIgnoreCase("Content-Type")) {
                throw new IOException("unexpected header: " + line);
            }
        }
    }

    /** Reads a CRLF-terminated ASCII line; {@code null} when the stream ends before the first byte of a block. */
    private static String readLine(InputStream stdout, boolean mayEnd) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = stdout.read();
            if (b < 0) {
                if (mayEnd && line.size() == 0) {
                    return null;
                }
                throw new IOException("stdout ended inside a header: " + line);
            }
            if (b == '\r') {
                if (stdout.read() != '\n') {
                    throw new IOException("a header line not ended by CRLF");
                }
                return line.toString(StandardCharsets.US_ASCII);
            }
            if (b == '\n') {
                throw new IOException("a header line ended by a bare LF: " + line);
            }
            line.write(b);
        }
    }
}
