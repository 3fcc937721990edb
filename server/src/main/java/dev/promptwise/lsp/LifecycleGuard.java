package dev.promptwise.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Enforces LSP's lifecycle in front of the server, in one place rather than in every handler: before
 * {@code initialize} a request gets ServerNotInitialized; after {@code shutdown} a request gets InvalidRequest.
 * Notifications in those states are dropped, except {@code exit}, which is always delivered.
 */
final class LifecycleGuard implements Endpoint {

    private final Endpoint server;
    private final PromptwiseLanguageServer lifecycle;
    private final ServerLog log;

    LifecycleGuard(Endpoint server, PromptwiseLanguageServer lifecycle, ServerLog log) {
        this.server = server;
        this.lifecycle = lifecycle;
        this.log = log;
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        if (lifecycle.isShutdownRequested()) {
            return rejected(ResponseErrorCode.InvalidRequest, "The server is shutting down; " + method
                    + " is not accepted after shutdown.");
        }
        if (!lifecycle.isInitialized() && !"initialize".equals(method)) {
            return rejected(ResponseErrorCode.ServerNotInitialized, "The server is not initialized; " + method
                    + " must wait for initialize.");
        }
        return server.request(method, parameter);
    }

    @Override
    public void notify(String method, Object parameter) {
        boolean accepted = "exit".equals(method)
                || (lifecycle.isInitialized() && !lifecycle.isShutdownRequested());
        if (accepted) {
            server.notify(method, parameter);
        } else {
            log.warning("Ignored the notification " + method + " outside the server's running state.");
        }
    }

    private static CompletableFuture<?> rejected(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
