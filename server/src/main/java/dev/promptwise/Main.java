package dev.promptwise;

import dev.promptwise.cli.PromptwiseCli;
import dev.promptwise.lsp.LanguageServerLauncher;
import dev.promptwise.lsp.ServerLog;
import dev.promptwise.lsp.Versions;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The jar's entry point: with no argument (or {@code --stdio}) it speaks LSP on stdin and stdout; with any other
 * arguments it is the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("--stdio"))) {
            System.exit(serveLanguageServer());
        } else if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("promptwise " + Versions.serverVersion());
        } else if (args.length == 1 && args[0].equals("--help")) {
            System.out.println("""
                    Usage:
                      java -jar promptwise.jar [--stdio]        serve the Language Server Protocol on stdin/stdout
                      java -jar promptwise.jar check [PATH...]  check prompt files and folders
                      java -jar promptwise.jar --version        print the version""");
        } else {
            System.exit(PromptwiseCli.run(args));
        }
    }

    private static int serveLanguageServer() {
        // Only protocol messages may reach stdout: keep the real one for the protocol, send stray prints to stderr.
        PrintStream protocolOutput = System.out;
        InputStream protocolInput = System.in;
        System.setOut(System.err);
        return LanguageServerLauncher.run(protocolInput, protocolOutput, ServerLog.toStandardError());
    }
}
