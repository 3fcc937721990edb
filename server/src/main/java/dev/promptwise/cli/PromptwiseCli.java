package dev.promptwise.cli;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's entry point: {@code check}, {@code report}, {@code import} and {@code prices update} over the
 * same core as the editor.
 */
@Command(name = "promptwise", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Analyses LLM prompt files: token counts, cost at scale, and broken or wasteful prompts.")
public final class PromptwiseCli implements Runnable {

    /** Exit code for a clean run below the failure threshold. */
    public static final int OK = 0;
    /** Exit code when findings cross {@code --fail-on} or {@code --max-warnings}. */
    public static final int FINDINGS = 1;
    /** Exit code for bad usage or unreadable input. */
    public static final int USAGE = 2;

    /**
     * The subcommands by name, in the order of the usage message. Added to the command line by {@link #run}, not
     * declared in the annotation: picocli reads every declared subcommand's annotations when the command line is
     * built, and a {@code check} spent about 80 ms there before it began (class-load log); a run that names its
     * subcommand builds only that one.
     */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("check", CheckCommand.class);
        SUBCOMMANDS.put("report", ReportCommand.class);
        SUBCOMMANDS.put("import", ImportCommand.class);
        SUBCOMMANDS.put("prices", PricesCommand.class);
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line with the process's streams and working folder; returns the exit code. */
    public static int run(String[] args) {
        // The default vocabulary loads on another core while picocli, the catalog and the files' parsing start up.
        PromptwiseAnalysis.loadVocabularyInBackground();
        // So does the price catalog (a thousand models read from LiteLLM's snapshot and the overlay).
        dev.promptwise.core.catalog.PriceCatalog.loadInBackground();
        // UTF-8 whatever the locale: JSON and SARIF must be UTF-8, and a POSIX locale would print "?" for "≈".
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream err = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                true, java.nio.charset.StandardCharsets.UTF_8);
        return run(args, out, err, Path.of("").toAbsolutePath());
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingFolder) {
        return run(args, out, err, workingFolder, java.time.Clock.systemUTC());
    }

    /** Runs the command line on the day {@code clock} gives (tests fix it); returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingFolder, java.time.Clock clock) {
        Factory factory = new Factory(out, err, workingFolder, clock);
        CommandLine commandLine = new CommandLine(new PromptwiseCli(), factory);
        // Only the subcommand the arguments name, when they start with one; every one otherwise (help, a typo).
        List<String> names = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? List.of(args[0])
                : List.copyOf(SUBCOMMANDS.keySet());
        for (String name : names) {
            try {
                commandLine.addSubcommand(name, new CommandLine(factory.create(SUBCOMMANDS.get(name)), factory));
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the " + name + " command", e);
            }
        }
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExitCodeExceptionMapper(exception -> USAGE);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("promptwise: " + exception.getMessage());
            exception.getCommandLine().usage(err);
            return USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives commands the streams and folder of this run, so tests can capture them. */
    private record Factory(PrintStream out, PrintStream err, Path workingFolder, java.time.Clock clock)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) {
                return type.cast(new CheckCommand(out, err, workingFolder, clock));
            }
            if (type == ImportCommand.class) {
                return type.cast(new ImportCommand(out, err, workingFolder));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(out, err, workingFolder));
            }
            if (type == PricesCommand.Update.class) {
                return type.cast(new PricesCommand.Update(out, err, workingFolder, clock));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
