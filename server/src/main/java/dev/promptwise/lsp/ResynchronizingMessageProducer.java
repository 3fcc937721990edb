package dev.promptwise.lsp;

import com.google.gson.JsonParseException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * LSP4J's reader of framed messages, made to find the next message again after a broken frame. With LSP4J's own
 * reader, a wrong {@code Content-Length} (too short, too long, not a number) leaves the rest of that body glued to
 * the next header line, {@code …}Content-Length: 52}, which it does not recognise; the same happens to every later
 * message, so the server stays alive but deaf. This reader takes a {@code Content-Length} header wherever it
 * starts in the line, so that only the messages the broken frame overlaps are lost. It also hands a body that is
 * JSON but not a JSON object ({@code "text"}, {@code []}) to the issue handler as a Parse error, which LSP4J
 * only logs, so that the client gets the answer JSON-RPC asks for.
 */
final class ResynchronizingMessageProducer extends StreamMessageProducer {

    private static final String CONTENT_LENGTH = "Content-Length:";

    private final MessageIssueHandler issueHandler;

    ResynchronizingMessageProducer(InputStream input, MessageJsonHandler jsonHandler,
            MessageIssueHandler issueHandler) {
        super(input, jsonHandler, issueHandler);
        this.issueHandler = issueHandler;
    }

    @Override
    protected void parseHeader(String line, Headers headers) {
        int contentLength = line.lastIndexOf(CONTENT_LENGTH);
        super.parseHeader(contentLength > 0 ? line.substring(contentLength) : line, headers);
    }

    @Override
    protected void fireError(Throwable error) {
        super.fireError(error);
        if (error instanceof JsonParseException unparsable) {
            issueHandler.handle(null, List.of(new MessageIssue("Message could not be parsed: " + error.getMessage(),
                    ResponseErrorCode.ParseError.getValue(), unparsable)));
        }
    }
}
