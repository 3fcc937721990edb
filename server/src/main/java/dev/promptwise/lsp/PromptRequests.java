package dev.promptwise.lsp;

import dev.promptwise.core.analysis.FileAnalysis;
import dev.promptwise.core.analysis.WorkspaceSession;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.InlayHintInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;

/**
 * Runs the requests about one document off the message thread. The snapshot is taken when the request arrives,
 * so a request sees the version the client had when it asked; the work is cancelled when the client cancels it
 * or a newer version of the document arrives. The kind of file (prompt or strategy file) is told apart once, by
 * the workspace session: a handler asks the session for its feature of whatever file it is given.
 */
public final class PromptRequests {

    /** The work of one request, given the analysed file. */
    @FunctionalInterface
    public interface Work<R> {

        R apply(PromptRequestContext ctx, Cancellation cancellation);
    }

    /**
     * One analysed version of a document, with the session that answers for it and the conversions a handler
     * needs.
     *
     * @param document the snapshot the request is about
     * @param file its analysis, a prompt or a strategy file
     * @param session the workspace session, which answers each feature for either kind of file
     * @param index the workspace, to turn workspace-relative paths into URIs
     */
    public record PromptRequestContext(DocumentSnapshot document, FileAnalysis file, WorkspaceSession session,
            WorkspaceIndex index) {

        public String uri() {
            return document.uri();
        }

        public LineIndex lineIndex() {
            return document.lineIndex();
        }

        /** Returns the analysed prompt; only for work run by {@link PromptRequests#onPrompt}. */
        public AnalyzedPrompt prompt() {
            return ((FileAnalysis.Prompt) file).prompt();
        }

        /** Returns the offset of a client position in this version's text. */
        public int offset(Position position) {
            return FromLsp.offset(document.lineIndex(), document.text(), position);
        }

        /** Returns the offsets of a client range in this version's text. */
        public TextRange range(Range range) {
            return FromLsp.range(document.lineIndex(), document.text(), range);
        }

        /** Returns the inlay hints of this version inside the client's range. */
        public List<InlayHintInfo> inlayHints(Range range, Cancellation cancellation) {
            TextRange inside = range(range);
            return session.inlayHints(file, inside.start(), inside.end(), cancellation);
        }

        /** Returns the findings of this version, with fixes, whose ranges touch the client's range. */
        public List<Finding> findingsUnder(Range range, Cancellation cancellation) {
            TextRange under = range(range);
            return session.findingsWithFixes(file, cancellation).stream()
                    .filter(finding -> finding.range().intersects(under))
                    .toList();
        }
    }

    private final DocumentStore store;
    private final DocumentAnalyzer analyzer;
    private final Executor executor;

    public PromptRequests(DocumentStore store, DocumentAnalyzer analyzer, Executor executor) {
        this.store = store;
        this.analyzer = analyzer;
        this.executor = executor;
    }

    /**
     * Runs {@code work} on the current version of the prompt at {@code uri}. Completes with {@code whenNotPrompt}
     * when the document is not open or is not a prompt file, and is cancelled (LSP's RequestCancelled) when the
     * client cancels or a newer version arrives first.
     */
    public <R> CompletableFuture<R> onPrompt(String uri, R whenNotPrompt, Work<R> work) {
        return run(uri, whenNotPrompt, true, work);
    }

    /**
     * Runs {@code work} on the current version of the document at {@code uri}, a prompt or a strategy file.
     * Completes with {@code whenNeither} when the document is not open or is neither, and is cancelled when the
     * client cancels or a newer version arrives first.
     */
    public <R> CompletableFuture<R> onDocument(String uri, R whenNeither, Work<R> work) {
        return run(uri, whenNeither, false, work);
    }

    private <R> CompletableFuture<R> run(String uri, R whenNone, boolean promptsOnly, Work<R> work) {
        Optional<DocumentSnapshot> snapshot = store.get(uri);
        if (snapshot.isEmpty()) {
            return CompletableFuture.completedFuture(whenNone);
        }
        DocumentSnapshot document = snapshot.get();
        return CompletableFutures.computeAsync(executor, cancelChecker -> {
            Cancellation cancellation = () -> {
                cancelChecker.checkCanceled();
                if (document.isSuperseded()) {
                    throw new CancellationException(document + " was superseded");
                }
            };
            cancellation.check();
            Optional<FileAnalysis> analysis = analyzer.analysis(document);
            if (analysis.isEmpty() || (promptsOnly && !(analysis.get() instanceof FileAnalysis.Prompt))) {
                return whenNone;
            }
            R result = work.apply(new PromptRequestContext(document, analysis.get(), analyzer.session(),
                    analyzer.index()), cancellation);
            cancellation.check();
            return result;
        });
    }
}
