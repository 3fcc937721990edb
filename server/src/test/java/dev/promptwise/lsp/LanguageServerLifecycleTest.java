package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's lifecycle in process, through {@link LanguageServerLauncher#run} and LSP4J's own client over
 * in-memory pipes: the exit codes LSP gives, no server thread left once the connection ends, and a client that does
 * not read the server's output for a while (every write of the server blocked) loses no edit.
 */
class LanguageServerLifecycleTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final String URI = "file:///workspace/prompts/lifecycle.prompty";
    private static final Map<String, Object> SETTINGS =
            Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 10), "defaultModel", "gpt-4o-mini"));
    private static final String TEXT = """
            ---
            name: lifecycle
            ---
            system:
            You are a support triage assistant. Answer in JSON.
            You are a support triage assistant. Answer in JSON.

            user:
            {{ticket}}""";

    private final ExecutorService clientThreads = Executors.newCachedThreadPool();
    private final BytePipe toServer = new BytePipe();
    private final BytePipe fromServer = new BytePipe();
    private final GatedOutputStream serverOutput = new GatedOutputStream(fromServer.output());
    private final AwaitingClient client = new AwaitingClient();
    private CompletableFuture<Integer> exitCode;
    private LanguageServer server;

    @AfterEach
    void closeTheClient() throws IOException {
        serverOutput.resumeReading();
        toServer.output().close();
        fromServer.output().close();
        clientThreads.shutdownNow();
    }

    @Test
    void exitAfterShutdownGivesZeroAndLeavesNoServerThread() throws Exception {
        startServer();
        initialize();
        server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        assertEquals(0, exitCode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        toServer.output().close();
        assertNoServerThreadLeft();
    }

    @Test
    void exitWithoutShutdownGivesOne() throws Exception {
        startServer();
        initialize();
        server.exit();
        assertEquals(1, exitCode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void theInputEndingWithoutExitGivesOneAndLeavesNoServerThread() throws Exception {
        startServer();
        initialize();
        toServer.output().close();
        assertEquals(1, exitCode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertNoServerThreadLeft();
    }

    @Test
    void aClientThatStopsReadingLosesNoEdit() throws Exception {
        startServer();
        initialize();
        serverOutput.stopReading();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(URI, "prompty", 1, TEXT)));
        // The server's first publish blocks on the closed output; everything below queues up behind it.
        assertTrue(serverOutput.awaitBlockedWrite(TIMEOUT_SECONDS), "the server never tried to write");
        String clientText = TEXT;
        int version = 1;
        List<CompletableFuture<?>> hovers = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            version++;
            String typed = i % 40 == 39 ? "\n" : String.valueOf((char) ('a' + i % 26));
            Position end = endOf(clientText);
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, version),
                    List.of(new TextDocumentContentChangeEvent(new Range(end, end), typed))));
            clientText += typed;
            if (i % 10 == 0) {
                hovers.add(server.getTextDocumentService().hover(new HoverParams(
                        new TextDocumentIdentifier(URI), new Position(4, 3))));
            }
        }
        assertTrue(serverOutput.blockedWrites() > 0);
        serverOutput.resumeReading();
        int lastVersion = version;
        PublishDiagnosticsParams last = client.await(params -> URI.equals(params.getUri())
                && Integer.valueOf(lastVersion).equals(params.getVersion()));
        assertEquals(new FreshAnalysis(SETTINGS).diagnostics(URI, clientText),
                FreshAnalysis.published(last.getDiagnostics()));
        for (CompletableFuture<?> hover : hovers) {
            // Each hover is answered, or cancelled because a newer version overtook it.
            try {
                hover.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException failed) {
                ResponseErrorException error = (ResponseErrorException) failed.getCause();
                int code = error.getResponseError().getCode();
                assertTrue(code == ResponseErrorCode.RequestCancelled.getValue()
                        || code == ResponseErrorCode.ContentModified.getValue(), error.toString());
            }
        }
        server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        assertEquals(0, exitCode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private void startServer() {
        exitCode = CompletableFuture.supplyAsync(() -> LanguageServerLauncher.run(toServer.input(), serverOutput,
                new ServerLog(new PrintWriter(new StringWriter()))), clientThreads);
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, fromServer.input(),
                toServer.output(), clientThreads, null);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    private void initialize() throws Exception {
        InitializeParams params = new InitializeParams();
        // The protocol requires capabilities, and the server now answers InvalidParams without them.
        params.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
        params.setInitializationOptions(SETTINGS);
        // ParamsGuard (4c40227) answers an initialize without capabilities with InvalidParams, as LSP requires them.
        params.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
        server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    private static Position endOf(String text) {
        int line = (int) text.chars().filter(c -> c == '\n').count();
        return new Position(line, text.length() - text.lastIndexOf('\n') - 1);
    }

    /** Waits for every thread the server started (all named promptwise-*) to end, and fails if one does not. */
    private static void assertNoServerThreadLeft() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("promptwise-")) {
                thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
                assertTrue(!thread.isAlive(), "still running: " + thread.getName());
            }
        }
    }

    /** A client that lets the test wait for a diagnostics notification. */
    private static final class AwaitingClient implements LanguageClient {

        private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

        PublishDiagnosticsParams await(Predicate<PublishDiagnosticsParams> matches) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                PublishDiagnosticsParams next =
                        published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("Timed out waiting for diagnostics");
                }
                if (matches.test(next)) {
                    return next;
                }
            }
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }

    /** An unbounded in-memory pipe: writes never block, reads wait for bytes or the end. */
    private static final class BytePipe {

        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

        OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    chunks.add(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    chunks.add(Arrays.copyOfRange(bytes, offset, offset + length));
                }

                @Override
                public void close() {
                    chunks.add(END);
                }
            };
        }

        InputStream input() {
            return new InputStream() {
                private byte[] current = new byte[0];
                private int position;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] target, int offset, int length) throws IOException {
                    if (length == 0) {
                        return 0;
                    }
                    while (position == current.length) {
                        if (current == END) {
                            return -1;
                        }
                        try {
                            current = chunks.take();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException();
                        }
                        position = 0;
                        if (current == END) {
                            chunks.add(END);
                            return -1;
                        }
                    }
                    int count = Math.min(length, current.length - position);
                    System.arraycopy(current, position, target, offset, count);
                    position += count;
                    return count;
                }
            };
        }
    }

    /** An output stream whose writes wait while it is closed, as a pipe whose reader stopped reading. */
    private static final class GatedOutputStream extends OutputStream {

        private final OutputStream target;
        private final CountDownLatch firstBlockedWrite = new CountDownLatch(1);
        private boolean closed;
        private int blockedWrites;

        GatedOutputStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            waitWhileClosed();
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            waitWhileClosed();
            target.flush();
        }

        synchronized void stopReading() {
            closed = true;
        }

        synchronized void resumeReading() {
            closed = false;
            notifyAll();
        }

        synchronized int blockedWrites() {
            return blockedWrites;
        }

        boolean awaitBlockedWrite(long seconds) throws InterruptedException {
            return firstBlockedWrite.await(seconds, TimeUnit.SECONDS);
        }

        private synchronized void waitWhileClosed() throws IOException {
            if (closed) {
                blockedWrites++;
                firstBlockedWrite.countDown();
            }
            while (closed) {
                try {
                    wait();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
        }
    }
}
