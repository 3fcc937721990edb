package dev.promptwise.lsp;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Answers MethodNotFound to a {@code $/} request the server does not implement, as LSP asks ("a request starting
 * with '$/' must be errored with MethodNotFound"); LSP4J answers such requests with a null result, which tells the
 * client the request succeeded. Everything else, and every notification, passes through.
 */
final class OptionalRequestGuard implements Endpoint {

    private final Endpoint server;
    private final Set<String> supportedMethods;

    OptionalRequestGuard(Endpoint server, Set<String> supportedMethods) {
        this.server = server;
        this.supportedMethods = Set.copyOf(supportedMethods);
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        if (method.startsWith("$/") && !supportedMethods.contains(method)) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.MethodNotFound, "Unsupported request method: " + method, null)));
        }
        return server.request(method, parameter);
    }

    @Override
    public void notify(String method, Object parameter) {
        server.notify(method, parameter);
    }
}
