package dev.promptwise.lsp;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;

/**
 * Answers a request whose parameters are missing, or lack a field the protocol requires, with InvalidParams and a
 * short message naming the field, before any handler sees it; a notification with such parameters is logged and
 * dropped. Which fields are required is what LSP4J's parameter classes mark {@code @NonNull}.
 */
final class ParamsGuard implements Endpoint {

    private static final Pattern PATH = Pattern.compile("Path: \\$\\.?(\\S*)");

    private final Endpoint server;
    private final Map<String, JsonRpcMethod> methods;
    private final ServerLog log;
    private final Validator validator = new Validator();

    ParamsGuard(Endpoint server, Map<String, JsonRpcMethod> methods, ServerLog log) {
        this.server = server;
        this.methods = methods;
        this.log = log;
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        String problem = problem(method, parameter);
        if (problem != null) {
            return CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidParams, problem, null)));
        }
        return server.request(method, parameter);
    }

    @Override
    public void notify(String method, Object parameter) {
        String problem = problem(method, parameter);
        if (problem != null) {
            log.info("Ignored the notification " + method + ": " + problem);
            return;
        }
        server.notify(method, parameter);
    }

    /** Returns what is wrong with the parameters of {@code method}, or null when nothing is. */
    String problem(String method, Object parameter) {
        JsonRpcMethod rpc = methods.get(method);
        if (rpc == null) {
            return null;
        }
        Type[] types = rpc.getParameterTypes();
        if (parameter == null) {
            return types.length > 0 && !optional(method) ? "params is missing" : null;
        }
        String type = parameter.getClass().getName();
        if (!type.startsWith("org.eclipse.lsp4j.") && !type.startsWith("dev.promptwise.")) {
            return null;
        }
        List<MessageIssue> issues = validator.issues(parameter);
        if (issues.isEmpty()) {
            return null;
        }
        Matcher path = PATH.matcher(issues.get(0).getText());
        String field = path.find() && !path.group(1).isEmpty() ? "params." + path.group(1) : "params";
        return field + " is missing";
    }

    /** Methods whose parameters the protocol lets a client leave out. */
    private static boolean optional(String method) {
        return method.equals("initialized") || method.equals("shutdown") || method.equals("exit");
    }

    /** LSP4J's validator of {@code @NonNull} accessors, asked about one object rather than a whole message. */
    private static final class Validator extends ReflectiveMessageValidator {

        List<MessageIssue> issues(Object parameter) {
            return validate(parameter);
        }
    }
}
