package dev.promptwise.lsp;

import java.util.UUID;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Reports one piece of server-initiated work through {@code $/progress}, when the client supports it: a token is
 * created with {@code window/workDoneProgress/create}, then begin, percentage reports and end. Without support
 * (or a client) it does nothing.
 */
final class WorkDoneProgress {

    private final LanguageClient client;
    private final boolean enabled;
    private final ServerLog log;
    private final Either<String, Integer> token = Either.forLeft("promptwise-" + UUID.randomUUID());
    private volatile boolean started;
    private int lastPercent = -1;

    WorkDoneProgress(LanguageClient client, boolean supported, ServerLog log) {
        this.client = client;
        this.enabled = supported && client != null;
        this.log = log;
    }

    void begin(String title) {
        if (!enabled) {
            return;
        }
        try {
            client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, java.util.concurrent.TimeUnit.SECONDS);
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle(title);
            begin.setPercentage(0);
            begin.setCancellable(false);
            client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
            started = true;
        } catch (Exception e) {
            log.warning("The client did not accept a progress token: " + e.getMessage());
        }
    }

    void report(int percent) {
        if (!started || percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setPercentage(percent);
        client.notifyProgress(new ProgressParams(token, Either.forLeft(report)));
    }

    void end() {
        if (!started) {
            return;
        }
        client.notifyProgress(new ProgressParams(token, Either.forLeft(new WorkDoneProgressEnd())));
        started = false;
    }
}
