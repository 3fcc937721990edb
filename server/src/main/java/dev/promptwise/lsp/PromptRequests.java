package dev.promptwise.lsp;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.FixEnvironment;
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
 * or a newer version of the document arrives.
 */
public final class PromptRequests {

    /** The work of one request, given the analysed prompt. */
    @FunctionalInterface
    public interface Work<R> {

        R apply(PromptVersion ctx, Cancellation cancellation);
    }

    /**
     * One analysed version of a prompt, with the conversions a handler needs.
     *
     * @param document the snapshot the request is about
     * @param prompt its analysis
     * @param analysis the core's façade
     * @param environment the workspace that fixes reaching other files are made against
     */
    public record PromptVersion(DocumentSnapshot document, AnalyzedPrompt prompt, PromptwiseAnalysis analysis,
            FixEnvironment environment) {

        public String uri() {
            return document.uri();
        }

        public LineIndex lineIndex() {
            return document.lineIndex();
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
            return analysis.inlayHints(prompt, inside.start(), inside.end(), cancellation);
        }

        /** Returns the findings of this version whose ranges touch the client's range; empty when none do. */
        public List<Finding> findingsUnder(Range range, Cancellation cancellation) {
            TextRange under = range(range);
            return analysis.diagnostics(prompt, environment, cancellation).stream()
                    .filter(finding -> finding.range().intersects(under))
                    .toList();
        }
    }

    /** The work of one request, given the analysed strategy file. */
    @FunctionalInterface
    public interface StrategyWork<R> {

        R apply(StrategyVersion ctx, Cancellation cancellation);
    }

    /**
     * One analysed version of a strategy file, with the conversions a handler needs.
     *
     * @param document the snapshot the request is about
     * @param strategy its analysis
     * @param analysis the core's façade
     * @param index the workspace, to turn workspace-relative paths into URIs
     */
    public record StrategyVersion(DocumentSnapshot document, AnalyzedStrategy strategy, PromptwiseAnalysis analysis,
            WorkspaceIndex index) {

        public String uri() {
            return document.uri();
        }

        public LineIndex lineIndex() {
            return document.lineIndex();
        }

        /** Returns the offset of a client position in this version's text. */
        public int offset(Position position) {
            return FromLsp.offset(document.lineIndex(), document.text(), position);
        }

        /** Returns the findings of this version whose ranges touch the client's range; empty when none do. */
        public List<Finding> findingsUnder(Range range, Cancellation cancellation) {
            TextRange under = FromLsp.range(document.lineIndex(), document.text(), range);
            return analysis.strategyDiagnostics(strategy, cancellation).stream()
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
        return onDocument(uri, whenNotPrompt, work, (ctx, cancellation) -> whenNotPrompt);
    }

    /**
     * Runs {@code promptWork} or {@code strategyWork} on the current version of the document at {@code uri},
     * whichever it is. Completes with {@code whenNeither} when the document is not open or is neither, and is
     * cancelled when the client cancels or a newer version arrives first.
     */
    public <R> CompletableFuture<R> onDocument(String uri, R whenNeither, Work<R> promptWork,
            StrategyWork<R> strategyWork) {
        Optional<DocumentSnapshot> snapshot = store.get(uri);
        if (snapshot.isEmpty()) {
            return CompletableFuture.completedFuture(whenNeither);
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
            Optional<DocumentAnalysis> analysis = analyzer.analysis(document);
            if (analysis.isEmpty()) {
                return whenNeither;
            }
            R result;
            if (analysis.get() instanceof DocumentAnalysis.Prompt prompt) {
                result = promptWork.apply(new PromptVersion(document, prompt.prompt(), analyzer.facade(),
                        analyzer.fixEnvironment()), cancellation);
            } else {
                AnalyzedStrategy strategy = ((DocumentAnalysis.Strategy) analysis.get()).strategy();
                result = strategyWork.apply(new StrategyVersion(document, strategy, analyzer.facade(),
                        analyzer.index()), cancellation);
            }
            cancellation.check();
            return result;
        });
    }
}
