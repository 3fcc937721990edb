package dev.promptwise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.analysis.Cancellation;
import dev.promptwise.core.analysis.Finding;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.TextDecoding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promptwise check [PATH...]}: analyses files and folders exactly as the editor would, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check prompt files and folders (the current folder by default).")
final class CheckCommand implements Callable<Integer> {

    /** Files larger than this are reported and not read. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", "out", "dist",
            ".venv", "venv", "__pycache__", ".idea", ".vscode-test");

    @Parameters(paramLabel = "PATH", description = "Files or folders to check (default: the current folder).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json|sarif", description = "Output format (default: text).")
    OutputFormat format = OutputFormat.text;

    @Option(names = "--fail-on", paramLabel = "error|warning|information|none",
            description = "Exit 1 when a finding of this severity or worse is reported (default: error); "
                    + "none reports without failing.")
    String failOn = "error";

    @Option(names = "--max-warnings", paramLabel = "N", description = "Exit 1 when there are more than N warnings.")
    Integer maxWarnings;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A JSON file with the editor's promptwise settings (defaultModel, budget, rules, ...).")
    Path settingsFile;

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingFolder;

    CheckCommand(PrintStream out, PrintStream err, Path workingFolder) {
        this.out = out;
        this.err = err;
        this.workingFolder = workingFolder;
    }

    /** The output formats. */
    enum OutputFormat { text, json, sarif }

    @Override
    public Integer call() {
        Optional<Severity> threshold = Severity.parse(failOn).filter(s -> s != Severity.HINT);
        if (threshold.isEmpty()) {
            err.println("promptwise: --fail-on must be error, warning, information or none, not '" + failOn + "'");
            return PromptwiseCli.USAGE;
        }
        if (maxWarnings != null && maxWarnings < 0) {
            err.println("promptwise: --max-warnings must be zero or more");
            return PromptwiseCli.USAGE;
        }
        Settings settings;
        try {
            settings = readSettings();
        } catch (IOException | RuntimeException e) {
            err.println("promptwise: cannot read settings " + settingsFile + ": " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        List<Path> files = new ArrayList<>();
        List<Path> explicit = new ArrayList<>();
        for (String path : paths.isEmpty() ? List.of(".") : paths) {
            Path resolved = workingFolder.resolve(path).normalize();
            if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                err.println("promptwise: no such file or folder: " + path);
                return PromptwiseCli.USAGE;
            }
            if (Files.isDirectory(resolved)) {
                try {
                    collect(resolved, files);
                } catch (IOException e) {
                    err.println("promptwise: cannot read " + path + ": " + e.getMessage());
                    return PromptwiseCli.USAGE;
                }
            } else {
                files.add(resolved);
                explicit.add(resolved);
            }
        }
        files = files.stream().distinct().sorted(Comparator.comparing(Path::toString)).toList();

        PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled(), err::println);
        List<FileReport> reports;
        try {
            reports = analyseAll(analysis, files, explicit, settings);
        } catch (UnreadableFile e) {
            err.println("promptwise: cannot read " + display(e.path) + ": " + e.getCause().getMessage());
            return PromptwiseCli.USAGE;
        }
        Report report = new Report(reports);
        switch (format) {
            case text -> TextOutput.write(report, out);
            case json -> JsonOutput.write(report, out);
            case sarif -> SarifOutput.write(report, out);
        }
        long atThreshold = threshold.get() == Severity.OFF ? 0 : report.count(severity -> severity.atLeast(threshold.get()));
        long warnings = report.count(severity -> severity == Severity.WARNING);
        boolean failed = atThreshold > 0 || (maxWarnings != null && warnings > maxWarnings);
        return failed ? PromptwiseCli.FINDINGS : PromptwiseCli.OK;
    }

    private List<FileReport> analyseAll(PromptwiseAnalysis analysis, List<Path> files, List<Path> explicit,
            Settings settings) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "promptwise-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<FileReport>>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(executor.submit(() -> analyse(analysis, file, explicit.contains(file), settings)));
            }
            List<FileReport> reports = new ArrayList<>();
            for (Future<Optional<FileReport>> future : futures) {
                future.get().ifPresent(reports::add);
            }
            return reports;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            executor.shutdownNow();
        }
    }

    private Optional<FileReport> analyse(PromptwiseAnalysis analysis, Path file, boolean explicit, Settings settings) {
        String path = display(file);
        Optional<PromptFormat> byName = analysis.formatOf(path, null);
        boolean maybeYaml = path.endsWith(".yml") || path.endsWith(".yaml");
        if (byName.isEmpty() && !maybeYaml && !explicit) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return Optional.of(FileReport.skipped(path, byName.orElse(PromptFormat.PLAIN_TEXT), new Finding(
                        "file-too-large", Severity.INFORMATION, dev.promptwise.core.text.TextRange.at(0),
                        "File not read: " + (size / 1_048_576) + " MB, above the " + (MAX_FILE_BYTES / 1_048_576)
                                + " MB that Promptwise reads", List.of())));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFile(file, e);
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        Optional<PromptFormat> format = byName.isPresent() ? byName : analysis.formatOf(path, decoded.text());
        if (format.isEmpty()) {
            if (!explicit) {
                return Optional.empty();
            }
            format = Optional.of(PromptFormat.PLAIN_TEXT);
        }
        Optional<Finding> decodingProblem = analysis.decodingProblem(decoded, settings);
        if (decoded.binary()) {
            return Optional.of(FileReport.skipped(path, format.get(), decodingProblem.orElseThrow()));
        }
        AnalyzedPrompt prompt = analysis.analyze(path, format.get(), decoded.text(), settings);
        List<Finding> findings = new ArrayList<>();
        decodingProblem.ifPresent(findings::add);
        findings.addAll(analysis.diagnostics(prompt, Cancellation.NONE));
        return Optional.of(FileReport.of(prompt, format.get(), findings));
    }

    private void collect(Path folder, List<Path> files) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean hidden = name.startsWith(".") && !dir.equals(folder) && !name.equals(".github");
                return !dir.equals(folder) && (SKIPPED_FOLDERS.contains(name) || hidden)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private Settings readSettings() throws IOException {
        if (settingsFile == null) {
            return Settings.DEFAULTS;
        }
        Path file = workingFolder.resolve(settingsFile);
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.fromJson(new ObjectMapper().readTree(Files.readString(file)), problems);
        problems.forEach(problem -> err.println("promptwise: " + settingsFile + ": " + problem));
        return settings;
    }

    /** Returns a path as the output shows it: relative to the working folder when inside it, with {@code /}. */
    private String display(Path file) {
        Path shown = file.startsWith(workingFolder) ? workingFolder.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }

    /** A file that exists but cannot be read: bad input, exit code 2. */
    private static final class UnreadableFile extends RuntimeException {
        final transient Path path;

        UnreadableFile(Path path, IOException cause) {
            super(cause);
            this.path = path;
        }
    }
}
