package dev.promptwise;

import dev.promptwise.cli.PromptwiseCli;

/** Placeholder entry point until the LSP launcher lands: runs the command line. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(PromptwiseCli.run(args));
    }
}
