package dev.promptwise.lsp;

import java.io.InputStream;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;

/**
 * LSP4J's reader of framed messages, made to find the next message again after a broken frame. With LSP4J's own
 * reader, a wrong {@code Content-Length} (too short, too long, not a number) leaves the rest of that body glued to
 * the next header line, {@code …}Content-Length: 52}, which it does not recognise; the same happens to every later
 * message, so the server stays alive but deaf. This reader takes a {@code Content-Length} header wherever it
 * starts in the line, so that only the messages the broken frame overlaps are lost.
 */
final class ResynchronizingMessageProducer extends StreamMessageProducer {

    private static final String CONTENT_LENGTH = "Content-Length:";

    ResynchronizingMessageProducer(InputStream input, MessageJsonHandler jsonHandler,
            MessageIssueHandler issueHandler) {
        super(input, jsonHandler, issueHandler);
    }

    @Override
    protected void parseHeader(String line, Headers headers) {
        int contentLength = line.lastIndexOf(CONTENT_LENGTH);
        super.parseHeader(contentLength > 0 ? line.substring(contentLength) : line, headers);
    }
}
