package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Load on the real jar, limited to 2 processors: many open documents edited continuously at a steady rate, with a
 * hover now and then. At the end every document's last published diagnostics must be those of a fresh analysis of
 * its final text (nothing lost, nothing stale), and the test prints the latencies and the server's peak memory.
 *
 * <p>{@code mvn verify} runs a 10-second version; the documented run is
 * {@code mvn verify -pl server -Dit.test=LoadIT -Dpromptwise.load.seconds=60} (see docs/reliability.md). The pace
 * of the edits is parked for on purpose: it is the load generator's rate, not a wait for a result.
 */
class LoadIT {

    private static final int DOCUMENTS = Integer.getInteger("promptwise.load.documents", 1_000);
    private static final int SECONDS = Integer.getInteger("promptwise.load.seconds", 10);
    private static final int EDITS_PER_SECOND = Integer.getInteger("promptwise.load.editsPerSecond", 1_000);
    private static final Map<String, Object> SETTINGS =
            Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 200), "defaultModel", "gpt-4o-mini"));
    private static final String[] TYPED = {"a", "b", " ", "{{", "ticket", "}}", " {{v", "1}}", "\n", "é", "😀"};

    @Test
    void manyDocumentsEditedContinuouslyEndWithFreshDiagnostics() throws Exception {
        List<String> options = List.of("-XX:ActiveProcessorCount=2", "-XX:+ExitOnOutOfMemoryError");
        List<String> twoCores = Files.isExecutable(Path.of("/usr/bin/taskset"))
                && Runtime.getRuntime().availableProcessors() >= 2 ? List.of("taskset", "-c", "0,1") : List.of();
        try (LanguageServerProcess server = LanguageServerProcess.start("load", twoCores, options)) {
            String[] uris = new String[DOCUMENTS];
            StringBuilder[] texts = new StringBuilder[DOCUMENTS];
            long[] lastEditNanos = new long[DOCUMENTS];
            int[] versions = new int[DOCUMENTS];
            Map<String, Integer> indexOf = new ConcurrentHashMap<>();
            Map<String, JsonNode> lastPublished = new ConcurrentHashMap<>();
            List<Long> diagnosticsLatencies = new CopyOnWriteArrayList<>();
            server.onNotification("window/logMessage", message -> { });
            server.onNotification("textDocument/publishDiagnostics", message -> {
                long now = System.nanoTime();
                String uri = message.at("/params/uri").asText();
                lastPublished.put(uri, message);
                Integer index = indexOf.get(uri);
                synchronized (versions) {
                    if (index != null && message.at("/params/version").asInt() == versions[index]) {
                        diagnosticsLatencies.add(now - lastEditNanos[index]);
                    }
                }
            });
            JsonNode initialized = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "capabilities", Map.of(), "initializationOptions", SETTINGS));
            assertFalse(initialized.has("error"), initialized.toString());
            server.notify("initialized", Map.of());
            for (int i = 0; i < DOCUMENTS; i++) {
                uris[i] = "file:///workspace/load/prompts/document-" + i + ".prompty";
                texts[i] = new StringBuilder("---\nname: load-" + i + "\ninputs:\n  ticket:\n    type: string\n"
                        + "---\nsystem:\nYou sort tickets by urgency.\nuser:\n{{ticket}}");
                indexOf.put(uris[i], i);
                synchronized (versions) {
                    versions[i] = 1;
                    lastEditNanos[i] = System.nanoTime();
                }
                server.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uris[i],
                        "languageId", "prompty", "version", 1, "text", texts[i].toString())));
            }

            List<Long> hoverLatencies = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            long interval = TimeUnit.SECONDS.toNanos(1) / EDITS_PER_SECOND;
            int edits = 0;
            for (long next = start; System.nanoTime() < end; next += interval) {
                LockSupport.parkNanos(next - System.nanoTime());
                int index = edits % DOCUMENTS;
                String typed = TYPED[(edits / DOCUMENTS + index) % TYPED.length];
                StringBuilder text = texts[index];
                int line = (int) text.chars().filter(c -> c == '\n').count();
                int column = text.length() - text.lastIndexOf("\n") - 1;
                Map<String, Object> at = Map.of("line", line, "character", column);
                int version;
                synchronized (versions) {
                    version = ++versions[index];
                    lastEditNanos[index] = System.nanoTime();
                }
                server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uris[index],
                        "version", version), "contentChanges", List.of(Map.of("range", Map.of("start", at,
                        "end", at), "text", typed))));
                text.append(typed);
                edits++;
                if (edits % 100 == 0) {
                    long sent = System.nanoTime();
                    JsonNode hover = server.request("textDocument/hover", Map.of("textDocument",
                            Map.of("uri", uris[(index + DOCUMENTS / 2) % DOCUMENTS]),
                            "position", Map.of("line", 7, "character", 4)));
                    hoverLatencies.add(System.nanoTime() - sent);
                    assertTrue(hover.has("result") || hover.at("/error/code").asInt() == -32800, hover.toString());
                }
            }
            long editingNanos = System.nanoTime() - start;

            // Every document's final version must be published, with the diagnostics of a fresh analysis.
            FreshAnalysis fresh = new FreshAnalysis(SETTINGS);
            long deadline = System.nanoTime() + LanguageServerProcess.TIMEOUT.toNanos();
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                String uri = uris[i];
                int finalVersion = versions[i];
                JsonNode published = lastPublished.get(uri);
                while (published == null || published.at("/params/version").asInt() != finalVersion) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(uri + " never got diagnostics for version " + finalVersion
                                + "; last: " + published);
                    }
                    // Answered in order after the edits, a request shows that the server has read them all.
                    server.request("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", uri)));
                    published = lastPublished.get(uri);
                }
                if (!fresh.diagnostics(uri, texts[i].toString()).equals(FreshAnalysis.published(published))) {
                    wrong.add(uri);
                }
            }
            long peakRssKb = peakResidentKilobytes(server.pid());
            server.request("shutdown", null);
            server.notify("exit", null);
            assertEquals(0, server.awaitExit());
            assertEquals(List.of(), wrong, "documents whose last diagnostics differ from a fresh analysis");
            assertEquals(List.of(), server.protocolViolations());
            System.out.printf("load: %d documents, %d edits in %.1f s (%.0f edits/s), %d hovers%n", DOCUMENTS,
                    edits, editingNanos / 1e9, edits / (editingNanos / 1e9), hoverLatencies.size());
            System.out.printf("load: hover latency p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    percentile(hoverLatencies, 50), percentile(hoverLatencies, 95), percentile(hoverLatencies, 100));
            System.out.printf("load: edit-to-diagnostics latency (%d versions published) p50 %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms%n", diagnosticsLatencies.size(), percentile(diagnosticsLatencies, 50),
                    percentile(diagnosticsLatencies, 95), percentile(diagnosticsLatencies, 100));
            System.out.printf("load: server peak RSS %.0f MB%n", peakRssKb / 1024.0);
        }
    }

    private static double percentile(List<Long> nanos, int percent) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Returns the peak resident set of a process (VmHWM), or -1 where /proc does not say. */
    private static long peakResidentKilobytes(long pid) throws Exception {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
