package dev.promptwise.cli;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.CostModel;
import dev.promptwise.core.cost.Traffic;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.io.DiskWorkspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
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
        List<HtmlReport.Section> sections = new ArrayList<>();
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
                        sections.add(section(workingFolder.relativize(file).toString().replace('\\', '/'), workload));
                    }
                }
            } catch (IOException e) {
                err.println("promptwise: cannot read " + path + ": " + e.getMessage());
                return PromptwiseCli.USAGE;
            }
        }
        Path target = workingFolder.resolve(html);
        try {
            Files.writeString(target, HtmlReport.render(sections));
        } catch (IOException e) {
            err.println("promptwise: cannot write " + html + ": " + e.getMessage());
            return PromptwiseCli.USAGE;
        }
        out.println("Wrote the cost report of " + sections.size() + " workload" + (sections.size() == 1 ? "" : "s")
                + " to " + html);
        return PromptwiseCli.OK;
    }

    /** Prices a workload at volumes from zero to past its own and its break-even, for the chart. */
    private static HtmlReport.Section section(String strategyFile, WorkloadAnalysis workload) {
        AnalyzedPrompt prompt = workload.prompt();
        WorkloadCost cost = workload.cost();
        List<HtmlReport.Point> points = new ArrayList<>();
        Double breakEven = null;
        Traffic traffic = prompt == null ? null : prompt.traffic();
        if (prompt != null && prompt.model() != null && traffic != null && traffic.isUsable()) {
            OptionalDouble even = CostModel.breakEvenRequestsPerDay(prompt.model(), prompt.costInput(), traffic,
                    prompt.fineTuningPlan(), CostModel.Alternative.FINE_TUNED);
            breakEven = even.isPresent() ? even.getAsDouble() : null;
            double top = Math.max(traffic.requestsPerDay(), breakEven == null ? 0 : breakEven) * 2;
            top = top > 0 ? top : 1000;
            for (int i = 0; i <= 24; i++) {
                double perDay = top * i / 24;
                WorkloadCost at = CostModel.price(prompt.model(), prompt.costInput(),
                        new Traffic(perDay, traffic.avgInputTokens(), traffic.avgOutputTokens()), prompt.fineTuningPlan());
                points.add(new HtmlReport.Point(perDay,
                        at.now().map(figures -> figures.costPerMonth()).orElse(Double.NaN),
                        at.fineTuned().map(ft -> ft.costPerMonth().orElse(Double.NaN)).orElse(Double.NaN),
                        at.hybrid().map(ft -> ft.costPerMonth().orElse(Double.NaN)).orElse(Double.NaN)));
            }
        }
        return new HtmlReport.Section(strategyFile, workload, cost, points, breakEven);
    }

    /** Returns the bundled catalog with the settings' {@code pricing.file} applied, relative to the working folder. */
    private PriceCatalog catalog(Settings settings) throws IOException {
        PriceCatalog bundled = PriceCatalog.bundled();
        return settings.pricingFile() == null ? bundled
                : dev.promptwise.io.PricingFiles.apply(bundled, workingFolder.resolve(settings.pricingFile()));
    }
}
