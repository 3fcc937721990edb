package dev.promptwise.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} handlers. Notifications update the document store on the message thread, in order;
 * each request is one line of glue: the current snapshot, a façade call with a cancellation check, a conversion.
 */
public final class PromptwiseTextDocumentService implements TextDocumentService {

    private final DocumentStore store;
    private final PromptRequests requests;
    private final DiagnosticsPublisher diagnostics;

    PromptwiseTextDocumentService(DocumentStore store, PromptRequests requests, DiagnosticsPublisher diagnostics) {
        this.store = store;
        this.requests = requests;
        this.diagnostics = diagnostics;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem item = params.getTextDocument();
        diagnostics.validateNow(store.open(item.getUri(), item.getLanguageId(), item.getVersion(), item.getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        store.change(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
                params.getContentChanges()).ifPresent(diagnostics::validateLater);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        store.close(params.getTextDocument().getUri()).ifPresent(document -> diagnostics.clear(document.uri()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        store.get(params.getTextDocument().getUri()).ifPresent(diagnostics::validateNow);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return requests.onPrompt(params.getTextDocument().getUri(), null, (ctx, cancellation) -> ToLsp.hover(
                ctx.lineIndex(), ctx.analysis().hover(ctx.prompt(), ctx.offset(params.getPosition()), cancellation)));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return requests.onPrompt(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.codeLenses(ctx.lineIndex(), ctx.analysis().codeLenses(ctx.prompt(), cancellation)));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return requests.onPrompt(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.inlayHints(ctx.lineIndex(), ctx.inlayHints(params.getRange(), cancellation)));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return requests.onPrompt(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.documentSymbols(ctx.lineIndex(), ctx.analysis().documentSymbols(ctx.prompt(), cancellation)));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return requests.onPrompt(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.codeActions(ctx.uri(), ctx.lineIndex(), ctx.findingsUnder(params.getRange(), cancellation)));
    }
}
