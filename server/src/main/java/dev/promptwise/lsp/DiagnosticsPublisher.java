package dev.promptwise.lsp;

import dev.promptwise.core.analysis.FileAnalysis;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Validates documents and publishes their diagnostics: debounced per document after an edit, at once on open,
 * save and a settings change, and never stale. Each validation gets a ticket in the order it was asked for; a
 * result is published only when its version is still the document's current one and no later validation of the
 * document has published already. Closing a document publishes an empty list. Nothing is published while the
 * workspace is being indexed: a prompt whose workload is not known yet would be told it has no traffic and no cost,
 * which its strategy file may contradict; the server validates every open document once indexing ends.
 */
public final class DiagnosticsPublisher {

    private final DocumentStore store;
    private final DocumentAnalyzer analyzer;
    private final Executor executor;
    private final DelayScheduler scheduler;
    private final Consumer<PublishDiagnosticsParams> sink;
    private final ServerLog log;
    private final BooleanSupplier workspaceReady;
    private final AtomicLong tickets = new AtomicLong();
    private final ConcurrentHashMap<String, PublishState> states = new ConcurrentHashMap<>();

    /**
     * @param executor runs the analyses, off the message thread
     * @param scheduler waits out the debounce delay
     * @param sink receives each list to publish (the client's {@code publishDiagnostics})
     * @param workspaceReady whether the strategy files have been read; validations asked for before are dropped, and
     *     the caller validates every open document again when it turns true
     */
    public DiagnosticsPublisher(DocumentStore store, DocumentAnalyzer analyzer, Executor executor,
            DelayScheduler scheduler, Consumer<PublishDiagnosticsParams> sink, ServerLog log,
            BooleanSupplier workspaceReady) {
        this.store = store;
        this.analyzer = analyzer;
        this.executor = executor;
        this.scheduler = scheduler;
        this.sink = sink;
        this.log = log;
        this.workspaceReady = workspaceReady;
    }

    /** Validates {@code document} once the debounce delay of the settings has passed without a newer edit. */
    public void validateLater(DocumentSnapshot document) {
        int debounceMs = analyzer.settings().debounceMs();
        if (debounceMs <= 0) {
            validateNow(document);
            return;
        }
        long ticket = tickets.incrementAndGet();
        PublishState state = state(document.uri());
        synchronized (state) {
            state.cancelPending();
            state.pending = scheduler.schedule(() -> executor.execute(() -> validate(document, ticket)), debounceMs);
        }
    }

    /** Validates {@code document} at once, dropping a debounced validation still waiting. */
    public void validateNow(DocumentSnapshot document) {
        long ticket = tickets.incrementAndGet();
        PublishState state = state(document.uri());
        synchronized (state) {
            state.cancelPending();
        }
        executor.execute(() -> validate(document, ticket));
    }

    /** Publishes an empty list for {@code uri} and forgets it; validations still running for it are dropped. */
    public void clear(String uri) {
        PublishState state = states.remove(uri);
        if (state != null) {
            synchronized (state) {
                state.cancelPending();
                state.lastPublishedTicket = Long.MAX_VALUE;
            }
        }
        sink.accept(new PublishDiagnosticsParams(uri, List.of()));
    }

    private void validate(DocumentSnapshot document, long ticket) {
        if (document.isSuperseded() || !workspaceReady.getAsBoolean()) {
            return;
        }
        Cancellation cancellation = () -> {
            if (document.isSuperseded()) {
                throw new CancellationException(document + " was superseded");
            }
        };
        try {
            Optional<FileAnalysis> analysis = analyzer.analysis(document);
            List<Finding> findings = analysis.isEmpty() ? List.of()
                    : analyzer.session().findings(analysis.get(), cancellation);
            publish(document, ticket, analysis.isPresent(), ToLsp.diagnostics(document.lineIndex(), findings));
        } catch (CancellationException superseded) {
            // A newer version of the document is open; its own validation publishes.
        } catch (RuntimeException failure) {
            log.error("Could not validate " + document, failure);
        }
    }

    private void publish(DocumentSnapshot document, long ticket, boolean isPrompt, List<Diagnostic> diagnostics) {
        PublishState state = states.get(document.uri());
        if (state == null) {
            return;
        }
        synchronized (state) {
            boolean stale = !store.isCurrent(document) || ticket < state.lastPublishedTicket;
            // A file that is not a prompt gets no diagnostics, unless it was one and its old list must go.
            boolean nothingToSay = !isPrompt && state.lastPublishedTicket == 0;
            if (stale || nothingToSay) {
                return;
            }
            state.lastPublishedTicket = ticket;
            sink.accept(new PublishDiagnosticsParams(document.uri(), diagnostics, document.version()));
        }
    }

    private PublishState state(String uri) {
        return states.computeIfAbsent(uri, key -> new PublishState());
    }

    /** What the publisher remembers of one open document. */
    private static final class PublishState {

        private DelayScheduler.Scheduled pending;
        private long lastPublishedTicket;

        private void cancelPending() {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
    }
}
