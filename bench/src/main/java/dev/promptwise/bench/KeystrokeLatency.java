package dev.promptwise.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 2: times one-character edits from {@code didChange} to the {@code publishDiagnostics} of the edited
 * version, through a real server process over stdio.
 */
final class KeystrokeLatency {

    /** What one edit does: which line and column it replaces, and with what, given the edit's number. */
    interface EditPlan {
        /** Returns the replacement of the one character at {@link #line()}:{@link #column()} for edit {@code number}. */
        String replacement(int number);

        int line();

        int column();
    }

    private KeystrokeLatency() {}

    /**
     * Opens {@code file} (already on disk with {@code text}), waits for its first diagnostics, makes
     * {@code warmUps} unmeasured edits, then {@code edits} measured ones; returns the latencies in milliseconds, or
     * {@code null} when the server publishes no diagnostics for the file within {@code openTimeoutSeconds}.
     */
    static Measured measure(LspClient client, Path file, String languageId, String text, EditPlan plan, int warmUps,
            int edits, long openTimeoutSeconds) throws Exception {
        LanguageServers.open(client, file, languageId, text);
        if (LanguageServers.awaitDiagnostics(client, file, 1, openTimeoutSeconds) == null) {
            return null;
        }
        Measured measured = editsAfterOpen(client, file, plan, warmUps, edits);
        client.notify("textDocument/didClose", java.util.Map.of("textDocument",
                java.util.Map.of("uri", file.toUri().toString())));
        return measured;
    }

    /**
     * Makes {@code warmUps + edits} edits of {@code plan} in {@code file}, open at version 1 with its diagnostics
     * published, each waited for; returns the milliseconds from each measured edit to its diagnostics.
     */
    static Measured editsAfterOpen(LspClient client, Path file, EditPlan plan, int warmUps, int edits) throws Exception {
        List<Double> milliseconds = new ArrayList<>();
        int version = 1;
        for (int number = 0; number < warmUps + edits; number++) {
            version++;
            client.forgetNotifications();
            long start = System.nanoTime();
            LanguageServers.change(client, file, version, plan.line(), plan.column(), plan.column() + 1,
                    plan.replacement(number));
            LspClient.Received published = LanguageServers.awaitDiagnostics(client, file, version);
            if (number >= warmUps) {
                milliseconds.add((published.nanoTime() - start) / 1e6);
            }
        }
        return new Measured(milliseconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Returns a plan that rewrites the first character of the middle line of {@code text} with a new CJK character each time, so no cache has seen the line. */
    static EditPlan middleLineOf(String text) {
        int lines = (int) text.chars().filter(character -> character == '\n').count();
        int middle = lines / 2;
        return new EditPlan() {
            @Override
            public String replacement(int number) {
                return String.valueOf((char) (0x4E00 + number % 20_000));
            }

            @Override
            public int line() {
                return middle;
            }

            @Override
            public int column() {
                return 0;
            }
        };
    }

    /** Returns a plan that rewrites the last digit of the middle workload's {@code requestsPerDay} with 1 to 9 in turn. */
    static EditPlan middleWorkloadOf(String strategyText) {
        String[] lines = strategyText.split("\n", -1);
        int target = -1;
        int seen = 0;
        int trafficLines = (int) java.util.Arrays.stream(lines).filter(line -> line.contains("requestsPerDay")).count();
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].contains("requestsPerDay") && seen++ == trafficLines / 2) {
                target = index;
                break;
            }
        }
        int line = target;
        int column = lines[target].indexOf(',') - 1;
        return new EditPlan() {
            @Override
            public String replacement(int number) {
                return Integer.toString(1 + number % 9);
            }

            @Override
            public int line() {
                return line;
            }

            @Override
            public int column() {
                return column;
            }
        };
    }
}
