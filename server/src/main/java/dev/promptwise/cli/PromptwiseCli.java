package dev.promptwise.cli;

/** The command line's entry point, which {@link dev.promptwise.Main} calls for every argument list that is not LSP. */
public final class PromptwiseCli {

    private PromptwiseCli() {}

    /** Runs the command line and returns its exit code; until the commands land, every use is bad usage (2). */
    public static int run(String[] args) {
        System.err.println("promptwise: the command line is not available in this build");
        return 2;
    }
}
