package dev.promptwise.cli;

import dev.promptwise.imports.ImportException;
import dev.promptwise.imports.StrategyImport;
import dev.promptwise.imports.UnifiedDiff;
import dev.promptwise.io.DiskWorkspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code promptwise import SOURCE FILE}: turns measured figures (eval results, traffic) into the strategy file's
 * facts. It prints the change as a unified diff, or with {@code --write} applies it, as text edits that keep the
 * file's comments and layout, with a comment that names the source, the period and how many test cases or requests
 * the figures came from. Bad input writes nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Fill a workload's facts from measurements: promptfoo eval results (task.currentAccuracy), "
                + "OpenTelemetry GenAI spans, OpenAI usage or Langfuse observations (traffic). Prints the change as "
                + "a diff; --write applies it.")
final class ImportCommand implements Callable<Integer> {

    /** The sources this command reads. */
    static final List<String> SOURCES = StrategyImport.SOURCES;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "promptfoo, otel, openai-usage or langfuse.")
    String source;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file the tool wrote.")
    Path file;

    @Option(names = "--workload", paramLabel = "NAME",
            description = "The workload to fill (otel, openai-usage: required; promptfoo, langfuse: for the prompt "
                    + "no workload references).")
    String workload;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace (default: the current folder).")
    Path workspaceFolder;

    @Option(names = "--write", description = "Apply the change instead of printing it.")
    boolean write;

    @Option(names = "--match", paramLabel = "KEY=VALUE",
            description = "Only records with this value: a span's or its resource's attribute (otel), a result's "
                    + "field such as model or project_id (openai-usage), an observation's field (langfuse); "
                    + "repeatable.")
    List<String> match = new java.util.ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingFolder;

    ImportCommand(PrintStream out, PrintStream err, Path workingFolder) {
        this.out = out;
        this.err = err;
        this.workingFolder = workingFolder.toAbsolutePath().normalize();
    }

    @Override
    public Integer call() {
        StrategyImport importer;
        try {
            importer = new StrategyImport(source, workload, match, warning -> err.println("promptwise: " + warning));
        } catch (IllegalArgumentException e) {
            err.println("promptwise: " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        Path root = workingFolder.resolve(workspaceFolder == null ? Path.of(".") : workspaceFolder).normalize();
        if (!Files.isDirectory(root)) {
            err.println("promptwise: no such workspace folder: " + root);
            return PromptwiseCli.USAGE;
        }
        Path input = workingFolder.resolve(file).normalize();
        // Messages and the provenance comment name the file by its workspace path, else by its name: a comment
        // committed with the strategy file should not hold one machine's absolute paths.
        String fileName = input.startsWith(root) ? root.relativize(input).toString().replace('\\', '/')
                : input.getFileName().toString();
        try {
            List<StrategyImport.Edit> edits = importer.plan(root, input, fileName);
            // Every file to write is checked before any is written: all or nothing.
            Map<Path, String> files = new LinkedHashMap<>();
            for (StrategyImport.Edit edit : edits) {
                Path target = new DiskWorkspace(root).resolve(edit.strategyFile()).orElseThrow(() -> new ImportException(
                        edit.strategyFile() + " leads outside the workspace " + root + " (a symbolic link?)"));
                files.put(target, edit.after());
            }
            if (!write) {
                for (StrategyImport.Edit edit : edits) {
                    out.print(UnifiedDiff.of(edit.strategyFile(), edit.before(), edit.after()));
                }
            } else {
                for (Map.Entry<Path, String> entry : files.entrySet()) {
                    Files.writeString(entry.getKey(), entry.getValue());
                    err.println("promptwise: wrote " + root.relativize(entry.getKey()).toString().replace('\\', '/'));
                }
            }
            return PromptwiseCli.OK;
        } catch (ImportException e) {
            err.println("promptwise: " + e.getMessage());
            err.println("promptwise: nothing written");
            return PromptwiseCli.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("promptwise: " + e.getMessage());
            return PromptwiseCli.USAGE;
        } catch (IOException e) {
            err.println("promptwise: cannot read " + fileName + ": " + e.getMessage());
            err.println("promptwise: nothing written");
            return PromptwiseCli.USAGE;
        }
    }
}
