package dev.promptwise.lsp;

/** The parameters of the {@code promptwise/documentCost} request: the document to price. */
public final class DocumentCostParams {

    private String uri;

    public DocumentCostParams() {}

    public DocumentCostParams(String uri) {
        this.uri = uri;
    }

    @org.eclipse.lsp4j.jsonrpc.validation.NonNull
    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }
}
