package dev.promptwise.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** Promptwise's own requests, beyond LSP, under the {@code promptwise/} prefix. */
@JsonSegment("promptwise")
public interface PromptwiseProtocol {

    /**
     * {@code promptwise/documentCost}: the tokens and price of one request with the prompt at {@code params.uri}.
     * Answers {@code null} when the document is not open or is not a prompt file.
     */
    @JsonRequest
    CompletableFuture<DocumentCostResult> documentCost(DocumentCostParams params);
}
