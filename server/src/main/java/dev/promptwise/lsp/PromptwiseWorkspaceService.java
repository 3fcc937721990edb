package dev.promptwise.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The {@code workspace/*} handlers: settings changes and the server's commands. */
public final class PromptwiseWorkspaceService implements WorkspaceService {

    /** The answer of {@code promptwise.costReport}: the prompts and workloads priced. */
    public record CostReport(List<DocumentCostResult> files, List<Object> workloads) {}

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
        // The server registers no file watchers; prompts are read from the editor's buffers.
    }

    /**
     * Runs {@value PromptwiseLanguageServer#COST_REPORT_COMMAND}; answers InvalidParams for any other command.
     * The report lists no prompt and no workload until the cost model reports them.
     */
    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (PromptwiseLanguageServer.COST_REPORT_COMMAND.equals(params.getCommand())) {
            return CompletableFuture.completedFuture(new CostReport(List.of(), List.of()));
        }
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                ResponseErrorCode.InvalidParams, "Unknown command: " + params.getCommand(), null)));
    }
}
