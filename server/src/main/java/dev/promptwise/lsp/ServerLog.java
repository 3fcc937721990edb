package dev.promptwise.lsp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Where the server's log lines go: always to stderr, and to the client's {@code window/logMessage} once a client
 * is connected. Never to stdout, which carries only protocol messages.
 */
public final class ServerLog {

    private final PrintWriter stderr;
    private volatile LanguageClient client;

    /** Creates a log that writes to {@code stderr} until a client is connected. */
    public ServerLog(PrintWriter stderr) {
        this.stderr = stderr;
    }

    /** Returns a log that writes to {@link System#err}. */
    public static ServerLog toStandardError() {
        return new ServerLog(new PrintWriter(System.err, true));
    }

    /** Sends later log lines to {@code languageClient} too. */
    public void connect(LanguageClient languageClient) {
        client = languageClient;
    }

    public void info(String message) {
        write(MessageType.Info, message);
    }

    public void warning(String message) {
        write(MessageType.Warning, message);
    }

    public void error(String message, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        write(MessageType.Error, message + "\n" + trace);
    }

    private void write(MessageType type, String message) {
        stderr.println(Instant.now() + " " + type + " " + message);
        stderr.flush();
        LanguageClient connected = client;
        if (connected != null) {
            try {
                connected.logMessage(new MessageParams(type, message));
            } catch (RuntimeException closed) {
                // The connection is gone (the client exited); stderr already has the line.
            }
        }
    }
}
