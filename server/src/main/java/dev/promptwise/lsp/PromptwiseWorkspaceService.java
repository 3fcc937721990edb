package dev.promptwise.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The {@code workspace/*} handlers: settings changes and the server's commands. */
public final class PromptwiseWorkspaceService implements WorkspaceService {

    private final PromptwiseLanguageServer server;

    PromptwiseWorkspaceService(PromptwiseLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.applySettings(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        server.filesChanged(params.getChanges().stream().map(FileEvent::getUri).toList());
    }

    /**
     * Runs {@value PromptwiseLanguageServer#COST_REPORT_COMMAND} and
     * {@value PromptwiseLanguageServer#COST_REPORT_HTML_COMMAND}, off the message thread and cancellable, and the
     * file-creating fix; answers InvalidParams for any other command.
     */
    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (ToLsp.CREATE_FILES_COMMAND.equals(params.getCommand())) {
            return CompletableFutures.computeAsync(server.requestExecutor(), cancelChecker -> {
                server.createFilesAndApply(params.getArguments());
                return null;
            });
        }
        if (PromptwiseLanguageServer.IMPORT_PREVIEW_COMMAND.equals(params.getCommand())) {
            return CompletableFutures.computeAsync(server.requestExecutor(),
                    cancelChecker -> server.importPreview(params.getArguments()));
        }
        if (PromptwiseLanguageServer.COST_REPORT_COMMAND.equals(params.getCommand())) {
            return CompletableFutures.computeAsync(server.requestExecutor(), cancelChecker ->
                    CostReports.data(server.analyzer(), server.documents(), cancelChecker::checkCanceled));
        }
        if (PromptwiseLanguageServer.COST_REPORT_HTML_COMMAND.equals(params.getCommand())) {
            return CompletableFutures.computeAsync(server.requestExecutor(), cancelChecker ->
                    CostReports.page(server.analyzer(), server.documents(), cancelChecker::checkCanceled));
        }
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                ResponseErrorCode.InvalidParams, "Unknown command: " + params.getCommand(), null)));
    }
}
