package dev.promptwise.cli;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.io.DiskWorkspace;
import dev.promptwise.report.CostReport;
import dev.promptwise.report.CostReportPage;
import dev.promptwise.report.ReportFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code promptwise report --html FILE [PATH...]}: a cost report per workload of every strategy file below the
 * folders given, with a chart of monthly cost against requests per day for prompt-only, fine-tuned and hybrid, and
 * the break-even volume marked. One self-contained HTML file: no script, no remote resource.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a cost report of the workloads in the strategy files below the folders given.")
final class ReportCommand implements Callable<Integer> {

    /** Which prompts the report prices: the command line knows no open editor. */
    static final String PROMPT_SCOPE =
            "The prompts that the workloads reference, each priced at the traffic of the first workload that names it.";

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "Where to write the HTML report.")
    Path html;

    @Parameters(paramLabel = "PATH", description = "Workspace folders (default: the current folder).")
    List<String> paths = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingFolder;

    ReportCommand(PrintStream out, PrintStream err, Path workingFolder) {
        this.out = out;
        this.err = err;
        this.workingFolder = workingFolder.toAbsolutePath().normalize();
    }

    @Override
    public Integer call() {
        PromptwiseAnalysis analysis;
        try {
            analysis = new PromptwiseAnalysis(catalog(Settings.DEFAULTS), err::println);
        } catch (IOException e) {
            err.println("promptwise: cannot read the price catalog: " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        List<CostReport.Workload> sections = new ArrayList<>();
        Map<String, CostReport.Prompt> prompts = new LinkedHashMap<>();
        for (String path : paths.isEmpty() ? List.of(".") : paths) {
            Path folder = workingFolder.resolve(path).normalize();
            if (!Files.isDirectory(folder)) {
                err.println("promptwise: not a folder: " + path);
                return PromptwiseCli.USAGE;
            }
            DiskWorkspace workspace = new DiskWorkspace(folder);
            try {
                for (Path file : DiskWorkspace.files(folder)) {
                    String relative = workspace.relativize(file).orElseThrow();
                    if (!PromptwiseAnalysis.isStrategyFile(relative)) {
                        continue;
                    }
                    String text = workspace.read(relative).orElse("");
                    AnalyzedStrategy strategy = analysis.analyzeStrategy(analysis.parseStrategy(relative, text),
                            Settings.DEFAULTS, workspace, Cancellation.NONE);
                    for (WorkloadAnalysis workload : strategy.workloads().values()) {
                        sections.add(ReportFigures.workload(shown(file), workload, true));
                        if (workload.prompt() != null) {
                            String prompt = shown(folder.resolve(workload.promptPath()));
                            prompts.computeIfAbsent(prompt, key -> ReportFigures.prompt(key, workload.prompt()));
                        }
                    }
                }
            } catch (IOException e) {
                err.println("promptwise: cannot read " + path + ": " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
        }
        Path target = workingFolder.resolve(html);
        try {
            Files.writeString(target, CostReportPage.render(
                    new CostReport(Instant.now().toString(), sections, List.copyOf(prompts.values()), PROMPT_SCOPE)));
        } catch (IOException e) {
            err.println("promptwise: cannot write " + html + ": " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        out.println("Wrote the cost report of " + sections.size() + " workload" + (sections.size() == 1 ? "" : "s")
                + " to " + html);
        return PromptwiseCli.OK;
    }

    /** Returns the path the report shows for {@code file}: relative to the working folder, with forward slashes. */
    private String shown(Path file) {
        return workingFolder.relativize(file.normalize()).toString().replace('\\', '/');
    }

    /** Returns the bundled catalog with the settings' {@code pricing.file} applied, relative to the working folder. */
    private PriceCatalog catalog(Settings settings) throws IOException {
        PriceCatalog bundled = dev.promptwise.io.WorkspaceCatalogs.forWorkspace(workingFolder);
        return settings.pricingFile() == null ? bundled
                : dev.promptwise.io.PricingFiles.apply(bundled, workingFolder.resolve(settings.pricingFile()));
    }
}
