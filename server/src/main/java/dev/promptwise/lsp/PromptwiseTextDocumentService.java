package dev.promptwise.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} handlers. Notifications update the document store on the message thread, in order,
 * and tell the workspace index what changed (a strategy file changes every prompt's binding; a prompt changes its
 * workloads' costs); each request is one line of glue: the current snapshot, a façade call with a cancellation
 * check, a conversion.
 */
public final class PromptwiseTextDocumentService implements TextDocumentService {

    private final DocumentStore store;
    private final PromptRequests requests;
    private final DiagnosticsPublisher diagnostics;
    private final DocumentAnalyzer analyzer;
    private final PromptwiseLanguageServer server;

    PromptwiseTextDocumentService(DocumentStore store, PromptRequests requests, DiagnosticsPublisher diagnostics,
            DocumentAnalyzer analyzer, PromptwiseLanguageServer server) {
        this.store = store;
        this.requests = requests;
        this.diagnostics = diagnostics;
        this.analyzer = analyzer;
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem item = params.getTextDocument();
        DocumentSnapshot document = store.open(item.getUri(), item.getLanguageId(), item.getVersion(), item.getText());
        diagnostics.validateNow(document);
        changed(document);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        store.change(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
                params.getContentChanges()).ifPresent(document -> {
                    diagnostics.validateLater(document);
                    changed(document);
                });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        store.close(params.getTextDocument().getUri()).ifPresent(document -> {
            diagnostics.clear(document.uri());
            if (analyzer.isStrategy(document)) {
                // The disk's copy stands again for the closed buffer.
                server.index().reload(server.index().relativePath(document.uri()));
            }
            changed(document);
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        store.get(params.getTextDocument().getUri()).ifPresent(diagnostics::validateNow);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), null, (ctx, cancellation) -> ToLsp.hover(
                ctx.lineIndex(), ctx.session().hover(ctx.file(), ctx.offset(params.getPosition()), cancellation)));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.codeLenses(ctx.lineIndex(), ctx.session().codeLenses(ctx.file(), cancellation)));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.inlayHints(ctx.lineIndex(), ctx.inlayHints(params.getRange(), cancellation)));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.documentSymbols(ctx.lineIndex(), ctx.session().documentSymbols(ctx.file(), cancellation)));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        WorkspaceEdits edits = new WorkspaceEdits(server.index(), store, server.clientCapabilities());
        return requests.onDocument(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.codeActions(ctx.uri(), ctx.lineIndex(), ctx.findingsUnder(params.getRange(), cancellation), edits));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), Either.forLeft(List.of()), (ctx, cancellation) ->
                Either.forLeft(ToLsp.completionItems(ctx.lineIndex(), ctx.session().completion(ctx.file(),
                        ctx.offset(params.getPosition()), ctx.index().promptFiles(), cancellation))));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), List.of(), (ctx, cancellation) ->
                ToLsp.documentLinks(ctx.lineIndex(), ctx.index(), ctx.session().links(ctx.file(), cancellation)));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return requests.onDocument(params.getTextDocument().getUri(), Either.forLeft(List.of()), (ctx, cancellation) ->
                Either.forLeft(ToLsp.definitions(ctx.lineIndex(), ctx.index(), ctx.session().links(ctx.file(),
                        cancellation), ctx.offset(params.getPosition()))));
    }

    /** Tells the index what changed and validates the documents that depend on it. */
    private void changed(DocumentSnapshot document) {
        if (analyzer.isStrategy(document)) {
            server.index().strategyChanged();
            server.revalidateOthers(document, false);
        } else {
            server.index().promptChanged();
            server.revalidateOthers(document, true);
        }
    }
}
