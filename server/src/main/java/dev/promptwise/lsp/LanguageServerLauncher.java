package dev.promptwise.lsp;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams until the client says {@code exit}, its process dies or the
 * input ends, and returns the exit code. It owns the server's threads, all daemons, and stops them before
 * returning.
 */
public final class LanguageServerLauncher {

    private LanguageServerLauncher() {}

    /** Serves LSP on {@code input} and {@code output} and returns the process exit code LSP asks for. */
    public static int run(InputStream input, OutputStream output, ServerLog log) {
        int analysisThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService analysisExecutor =
                Executors.newFixedThreadPool(analysisThreads, daemons("promptwise-analysis"));
        // Requests get threads of their own: after a thousand documents open, their validations queue on the
        // analysis threads, and a hover behind them would wait seconds.
        ExecutorService requestExecutor = Executors.newFixedThreadPool(2, daemons("promptwise-requests"));
        ScheduledExecutorService debounceExecutor =
                Executors.newSingleThreadScheduledExecutor(daemons("promptwise-debounce"));
        ExecutorService messageExecutor = Executors.newCachedThreadPool(daemons("promptwise-jsonrpc"));
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        try {
            PromptwiseLanguageServer server = new PromptwiseLanguageServer(
                    // Deprecations are judged on today's date, in UTC as the command line judges them.
                    new PromptwiseAnalysis(() -> PriceCatalog.bundled()
                            .on(java.time.LocalDate.now(java.time.ZoneOffset.UTC)), log::warning),
                    new PromptwiseLanguageServer.Environment(analysisExecutor, requestExecutor,
                            DelayScheduler.of(debounceExecutor),
                            exitCode::complete, log));
            Launcher<LanguageClient> launcher = new GuardedBuilder(server, log)
                    .setLocalService(server)
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(input)
                    .setOutput(output)
                    .setExecutorService(messageExecutor)
                    .create();
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            messageExecutor.execute(() -> {
                awaitQuietly(listening);
                // The input ended without exit: the client is gone.
                exitCode.complete(server.exitCode());
            });
            return exitCode.join();
        } finally {
            analysisExecutor.shutdownNow();
            requestExecutor.shutdownNow();
            debounceExecutor.shutdownNow();
            messageExecutor.shutdownNow();
        }
    }

    private static void awaitQuietly(Future<Void> listening) {
        try {
            listening.get();
        } catch (Exception ended) {
            // Any way the listening ends means the connection is over.
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * LSP4J's remote endpoint, which logs a message it cannot parse and answers nothing; this one also answers
     * JSON-RPC's Parse error, with a null id as JSON-RPC asks, so that the client learns its message was lost. The
     * message is null when the body was JSON but not an object.
     */
    private static final class ParseErrorAnsweringEndpoint extends RemoteEndpoint {

        private final MessageConsumer outgoing;
        private final ServerLog log;

        ParseErrorAnsweringEndpoint(MessageConsumer outgoing, Endpoint localEndpoint, ServerLog log) {
            super(outgoing, localEndpoint, failure -> internalError(failure, log));
            this.outgoing = outgoing;
            this.log = log;
        }

        @Override
        public void handle(Message message, List<MessageIssue> issues) {
            boolean unparsable = issues.stream()
                    .anyMatch(issue -> issue.getIssueCode() == ResponseErrorCode.ParseError.getValue());
            String wrongType = unparsable ? wrongType(issues.get(0).getCause()) : null;
            if (wrongType != null && message instanceof RequestMessage request && request.getMethod() != null) {
                // The frame was whole JSON and the request readable; only its params did not fit their type.
                ResponseMessage response = new ResponseMessage();
                response.setJsonrpc(MessageConstants.JSONRPC_VERSION);
                response.setRawId(request.getRawId());
                String problem = wrongType;
                response.setError(new ResponseError(ResponseErrorCode.InvalidParams, problem, null));
                log.info("Answered " + request.getMethod() + " with InvalidParams: " + problem);
                outgoing.consume(response);
                return;
            }
            if (unparsable && !(message instanceof RequestMessage)) {
                ResponseMessage response = new ResponseMessage();
                response.setJsonrpc(MessageConstants.JSONRPC_VERSION);
                response.setError(new ResponseError(ResponseErrorCode.ParseError,
                        issues.get(0).getText(), null));
                if (message != null) {
                    logIssues(message, issues);
                }
                outgoing.consume(response);
                return;
            }
            super.handle(message, issues);
        }

        /**
         * Returns "params.position.line has the wrong type" when Gson read the whole message but a value did not fit
         * its field ("Expected an int but was x at line 1 column 126 path $.params.position.line"), or null when the
         * JSON itself was broken (an input that ended early, a malformed token): that stays a Parse error.
         */
        static String wrongType(Throwable failure) {
            String path = null;
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.io.EOFException
                        || cause instanceof com.google.gson.stream.MalformedJsonException) {
                    return null;
                }
                if (path == null && cause.getMessage() != null
                        && (cause instanceof IllegalStateException || cause instanceof NumberFormatException
                                || cause instanceof UnsupportedOperationException)) {
                    java.util.regex.Matcher field = WRONG_TYPE_PATH.matcher(cause.getMessage());
                    path = field.find() && !field.group(1).isEmpty() ? field.group(1) : "params";
                }
            }
            return path == null ? null : path + " has the wrong type";
        }

        private static final java.util.regex.Pattern WRONG_TYPE_PATH =
                java.util.regex.Pattern.compile("path \\$\\.(\\S*)");

        /**
         * Answers a request whose handler failed with InternalError and a short message; the stack trace stays in
         * the server's log, where it belongs, and never reaches the client. A ResponseErrorException is the
         * handler's own answer and passes as it is.
         */
        static ResponseError internalError(Throwable failure, ServerLog log) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException answered) {
                return answered.getResponseError();
            }
            log.error("A request failed inside the server", cause);
            return new ResponseError(ResponseErrorCode.InternalError,
                    "Internal error: " + cause.getClass().getSimpleName() + "; see the server's log", null);
        }
    }

    /**
     * LSP4J's launcher builder with the {@link LifecycleGuard} between the connection and the server, and a reader
     * that finds the next message again after a broken frame.
     */
    private static final class GuardedBuilder extends Launcher.Builder<LanguageClient> {

        private final PromptwiseLanguageServer server;
        private final ServerLog log;
        private MessageJsonHandler jsonHandler;
        private RemoteEndpoint remoteEndpoint;
        private Map<String, JsonRpcMethod> serverMethods;

        GuardedBuilder(PromptwiseLanguageServer server, ServerLog log) {
            this.server = server;
            this.log = log;
        }

        @Override
        protected Map<String, JsonRpcMethod> getSupportedMethods() {
            // What LSP4J's builder gathers for one local service that is not a method provider, with the server's
            // methods read by reflection once for it and for the optional request guard.
            Map<String, JsonRpcMethod> supportedMethods = new LinkedHashMap<>();
            remoteInterfaces.forEach(remote -> supportedMethods.putAll(ServiceEndpoints.getSupportedMethods(remote)));
            supportedMethods.putAll(serverMethods());
            return supportedMethods;
        }

        /** Returns the methods the server implements, read by reflection on the first call. */
        private Map<String, JsonRpcMethod> serverMethods() {
            if (serverMethods == null) {
                serverMethods = ServiceEndpoints.getSupportedMethods(PromptwiseLanguageServer.class);
            }
            return serverMethods;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            MessageConsumer outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
            Endpoint services = new OptionalRequestGuard(
                    new ParamsGuard(ServiceEndpoints.toEndpoint(localServices), serverMethods(), log),
                    serverMethods().keySet());
            Endpoint guarded = new LifecycleGuard(services, server, log);
            RemoteEndpoint remoteEndpoint = new ParseErrorAnsweringEndpoint(outgoing, guarded, log);
            jsonHandler.setMethodProvider(remoteEndpoint);
            remoteEndpoint.setJsonHandler(jsonHandler);
            this.jsonHandler = jsonHandler;
            this.remoteEndpoint = remoteEndpoint;
            return remoteEndpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader,
                MessageConsumer messageConsumer, LanguageClient remoteProxy) {
            // LSP4J's reader is built but never started; this one reads the same input instead.
            MessageProducer reader = new ResynchronizingMessageProducer(input, jsonHandler, remoteEndpoint);
            return super.createMessageProcessor(reader, messageConsumer, remoteProxy);
        }
    }
}
