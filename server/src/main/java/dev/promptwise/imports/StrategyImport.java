package dev.promptwise.imports;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.analysis.WorkspaceSession;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.text.TextDecoding;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.io.DiskWorkspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plans an import of measured figures (eval results, traffic) into a workspace's strategy files: the edits the
 * command line prints or writes ({@code promptwise import}) and the editor shows as a diff before it applies them
 * ({@code Promptwise: Import traffic or eval results…}). Text edits keep each file's comments and layout, with a
 * comment that names the source, the period and how many test cases or requests the figures came from. It reads but
 * never writes; bad input throws {@link ImportException} naming the file and the record.
 */
public final class StrategyImport {

    /** The sources an import reads. */
    public static final List<String> SOURCES = List.of("promptfoo", "otel", "openai-usage", "langfuse");

    /**
     * One strategy file's change.
     *
     * @param strategyFile its workspace-relative path
     * @param before its text now
     * @param after its text with the import applied
     */
    public record Edit(String strategyFile, String before, String after) {}

    private final String source;
    private final String workload;
    private final List<String> match;
    private final Consumer<String> warnings;

    /**
     * @param source one of {@link #SOURCES}
     * @param workload the workload to fill, or {@code null} (required by otel and openai-usage)
     * @param match {@code key=value} filters on the records
     * @param warnings told of what was skipped or adjusted, a sentence each
     */
    public StrategyImport(String source, String workload, List<String> match, Consumer<String> warnings) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + source + "': use one of "
                    + String.join(", ", SOURCES));
        }
        this.source = source;
        this.workload = workload;
        this.match = List.copyOf(match);
        this.warnings = warnings;
    }

    /** A workload as the import sees it: where it is written and the prompt it binds. */
    private record Target(String strategyFile, String name, String promptPath, WorkloadAnalysis analysis) {}

    /** The edit planned for one workload. */
    private record Change(Target target, String section, Map<String, String> values, String comment) {}

    /**
     * Returns the edits that import {@code input} into the workspace at {@code root}, in the order of the strategy
     * files they change. {@code fileName} is how messages and the provenance comment name the input.
     *
     * @throws ImportException for input that is not of the source's format, empty, of several models, or names a
     *     workload that does not exist
     * @throws IOException when a file cannot be read
     */
    public List<Edit> plan(Path root, Path input, String fileName) throws ImportException, IOException {
        if (!Files.isRegularFile(input)) {
            throw new ImportException("no such file: " + fileName);
        }
        String text = TextDecoding.decode(Files.readAllBytes(input)).text();
        Map<String, String> strategies = strategyFiles(root);
        List<Target> targets = targets(root, strategies);
        List<Change> changes = switch (source) {
            case "promptfoo" -> promptfoo(fileName, text, targets);
            case "otel" -> otel(fileName, text, targets);
            case "openai-usage" -> openAiUsage(fileName, text, targets);
            default -> langfuse(fileName, text, targets);
        };
        Map<String, String> edited = new LinkedHashMap<>();
        for (Change change : changes) {
            String strategyFile = change.target().strategyFile();
            String before = edited.getOrDefault(strategyFile, strategies.get(strategyFile));
            edited.put(strategyFile, StrategyEditor.apply(strategyFile, before, change.target().name(),
                    change.section(), change.values(), source, change.comment()));
        }
        List<Edit> edits = new ArrayList<>();
        edited.forEach((path, after) -> edits.add(new Edit(path, strategies.get(path), after)));
        return edits;
    }

    /** Returns a path with {@code .} and inner {@code ..} segments resolved and {@code /} separators. */
    public static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static Map<String, String> strategyFiles(Path root) throws IOException, ImportException {
        DiskWorkspace workspace = new DiskWorkspace(root);
        Map<String, String> strategies = new LinkedHashMap<>();
        for (Path path : DiskWorkspace.files(root)) {
            String relative = workspace.relativize(path).orElse(null);
            if (relative != null && WorkspaceSession.isStrategyFile(relative)) {
                strategies.put(relative, workspace.read(relative).orElse(""));
            }
        }
        if (strategies.isEmpty()) {
            throw new ImportException("no strategy file (promptwise.yaml, *.strategy.yaml) in " + root);
        }
        return strategies;
    }

    private List<Target> targets(Path root, Map<String, String> strategies) throws IOException {
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled(), warnings);
        DiskWorkspace workspace = new DiskWorkspace(root);
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, String> entry : strategies.entrySet()) {
            StrategyDocument document = analysis.parseStrategy(entry.getKey(), entry.getValue());
            AnalyzedStrategy analysed = analysis.analyzeStrategy(document, Settings.DEFAULTS, workspace,
                    Cancellation.NONE);
            for (WorkloadAnalysis workloadAnalysis : analysed.workloads().values()) {
                targets.add(new Target(entry.getKey(), workloadAnalysis.workload().name(),
                        workloadAnalysis.promptPath(), workloadAnalysis));
            }
        }
        return targets;
    }

    /** Returns the workload {@code --workload} names, or throws naming the workloads there are. */
    private Target named(List<Target> targets) throws ImportException {
        List<Target> found = targets.stream().filter(t -> t.name().equals(workload)).toList();
        if (found.isEmpty()) {
            throw new ImportException("no workload '" + workload + "' in the workspace's strategy files (there are: "
                    + String.join(", ", targets.stream().map(Target::name).toList()) + ")");
        }
        if (found.size() > 1) {
            throw new ImportException("workload '" + workload + "' is defined in several strategy files: "
                    + String.join(", ", found.stream().map(Target::strategyFile).toList()));
        }
        return found.get(0);
    }

    private List<Change> promptfoo(String fileName, String text, List<Target> targets) throws ImportException {
        PromptfooResults.Eval eval = PromptfooResults.read(fileName, text);
        Map<Target, List<PromptfooResults.EvalPrompt>> bound = new LinkedHashMap<>();
        List<PromptfooResults.EvalPrompt> unbound = new ArrayList<>();
        for (PromptfooResults.EvalPrompt prompt : eval.prompts()) {
            Target target = targets.stream().filter(t -> names(t.promptPath(), prompt.paths())).findFirst()
                    .orElse(null);
            if (target == null) {
                unbound.add(prompt);
            } else {
                bound.computeIfAbsent(target, t -> new ArrayList<>()).add(prompt);
            }
        }
        if (workload != null) {
            Target target = named(targets);
            List<PromptfooResults.EvalPrompt> chosen = bound.get(target);
            if (chosen == null) {
                if (unbound.size() != 1) {
                    throw new ImportException(fileName + " has " + unbound.size() + " prompts that no workload "
                            + "references (" + labels(unbound) + "); --workload " + workload + " takes exactly one");
                }
                chosen = unbound;
            }
            bound = new LinkedHashMap<>(Map.of(target, chosen));
        } else {
            for (PromptfooResults.EvalPrompt prompt : unbound) {
                warnings.accept("skipped " + prompt.record() + " (" + prompt.label() + "): no workload's "
                        + "prompt is " + String.join(" or ", prompt.paths()) + "; name one with --workload");
            }
        }
        if (bound.isEmpty()) {
            throw new ImportException("no prompt in " + fileName + " is a workload's prompt ("
                    + labels(eval.prompts()) + "); name the workload with --workload");
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Target, List<PromptfooResults.EvalPrompt>> entry : bound.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new ImportException(fileName + ": workload '" + entry.getKey().name() + "' has results from "
                        + "several providers or prompts (" + labels(entry.getValue()) + "): accuracy is per model; "
                        + "import an eval of one provider");
            }
            PromptfooResults.EvalPrompt prompt = entry.getValue().get(0);
            if (prompt.total() == 0) {
                throw new ImportException(fileName + ": " + prompt.record() + " (" + prompt.label()
                        + ") ran no test case");
            }
            String accuracy = decimal((double) prompt.passes() / prompt.total(), 3);
            String comment = fileName + " (eval " + eval.evalId() + (eval.date().isEmpty() ? "" : " of " + eval.date())
                    + (prompt.provider().isEmpty() ? "" : ", provider " + prompt.provider()) + "): currentAccuracy "
                    + accuracy + " = " + prompt.passes() + " passed of " + prompt.total() + " test cases ("
                    + prompt.failures() + " failed, " + prompt.errors() + " errors)";
            changes.add(new Change(entry.getKey(), "task", Map.of("currentAccuracy", accuracy), comment));
        }
        return changes;
    }

    private List<Change> otel(String fileName, String text, List<Target> targets) throws ImportException {
        Target target = required(targets, "spans");
        return List.of(trafficChange(fileName, target,
                TrafficSummary.summarise(fileName, "spans", OtelSpans.read(fileName, text, matches())), "spans"));
    }

    private List<Change> openAiUsage(String fileName, String text, List<Target> targets) throws ImportException {
        Target target = required(targets, "usage buckets");
        return List.of(trafficChange(fileName, target,
                TrafficSummary.summarise(fileName, "results", OpenAiUsage.read(fileName, text, matches())),
                "results"));
    }

    /** Langfuse names prompts: each prompt name binds to the workload of that name, or whose prompt file it names. */
    private List<Change> langfuse(String fileName, String text, List<Target> targets) throws ImportException {
        Map<String, List<TrafficSummary.Usage>> byPrompt = LangfuseObservations.read(fileName, text, matches());
        Map<Target, List<TrafficSummary.Usage>> bound = new LinkedHashMap<>();
        List<String> unbound = new ArrayList<>();
        for (Map.Entry<String, List<TrafficSummary.Usage>> entry : byPrompt.entrySet()) {
            Target target = entry.getKey().isEmpty() ? null : targets.stream()
                    .filter(t -> t.name().equals(entry.getKey()) || entry.getKey().equals(baseName(t.promptPath())))
                    .findFirst().orElse(null);
            if (target == null) {
                unbound.add(entry.getKey());
            } else {
                bound.computeIfAbsent(target, t -> new ArrayList<>()).addAll(entry.getValue());
            }
        }
        if (workload != null) {
            Target target = named(targets);
            if (!bound.containsKey(target)) {
                if (unbound.size() != 1) {
                    throw new ImportException(fileName + " has " + unbound.size() + " prompt names that no workload "
                            + "takes (" + names(unbound) + "); --workload " + workload + " takes exactly one");
                }
                bound.put(target, byPrompt.get(unbound.get(0)));
                unbound.clear();
            }
            bound.keySet().retainAll(List.of(target));
        }
        for (String name : unbound) {
            warnings.accept("skipped the observations of " + names(List.of(name)) + ": no workload has that "
                    + "name or prompt file; name one with --workload");
        }
        if (bound.isEmpty()) {
            throw new ImportException("no prompt name in " + fileName + " is a workload's (" + names(unbound)
                    + "); name the workload with --workload");
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Target, List<TrafficSummary.Usage>> entry : bound.entrySet()) {
            changes.add(trafficChange(fileName, entry.getKey(),
                    TrafficSummary.summarise(fileName, "observations", entry.getValue()), "observations"));
        }
        return changes;
    }

    private static String names(List<String> promptNames) {
        return String.join(", ", promptNames.stream().map(n -> n.isEmpty() ? "no promptName" : "promptName " + n)
                .toList());
    }

    /** Returns a path's file name without its extensions: {@code prompts/triage.prompt.yml} is {@code triage}. */
    private static String baseName(String path) {
        if (path == null) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Returns the workload that {@code --workload} names, which a source that names no prompt requires. */
    private Target required(List<Target> targets, String what) throws ImportException {
        if (workload == null) {
            throw new ImportException(what + " do not name a prompt file: give the workload with --workload NAME ("
                    + String.join(", ", targets.stream().map(Target::name).toList()) + ")");
        }
        return named(targets);
    }

    private List<OtelSpans.Match> matches() {
        List<OtelSpans.Match> matches = new ArrayList<>();
        for (String each : match) {
            matches.add(OtelSpans.Match.parse(each));
        }
        return matches;
    }

    /** Returns the change that writes measured traffic into a workload, less the prompt's own input tokens. */
    private Change trafficChange(String fileName, Target target, TrafficSummary.Traffic traffic, String what)
            throws ImportException {
        if (target.analysis().prompt() == null) {
            String written = dev.promptwise.core.strategy.Located.valueOf(target.analysis().workload().prompt());
            String folder = target.strategyFile().contains("/")
                    ? target.strategyFile().substring(0, target.strategyFile().lastIndexOf('/') + 1) : "";
            boolean outside = written != null && (written.startsWith("/")
                    || normalize(folder + written).startsWith(".."));
            throw new ImportException(target.strategyFile() + ": workload '" + target.name() + "': its prompt "
                    + (written == null ? "is not declared" : written + (outside ? " is outside the workspace"
                            : " cannot be read as a prompt file"))
                    + ", and avgInputTokens is the measured input minus the prompt's own tokens");
        }
        int promptTokens = target.analysis().prompt().totalTokens();
        double variable = traffic.avgInputTokens() - promptTokens;
        if (variable < 0) {
            warnings.accept("the " + what + "' " + decimal(traffic.avgInputTokens(), 0) + " input tokens a request "
                    + "are fewer than the prompt's own " + promptTokens + ": are they this workload's? "
                    + "avgInputTokens is set to 0");
            variable = 0;
        }
        String declared = target.analysis().prompt().modelId();
        // A dated snapshot (gpt-4o-mini-2024-07-18) is the model it dates.
        boolean same = traffic.model() == null || declared == null || traffic.model().equalsIgnoreCase(declared)
                || traffic.model().toLowerCase(Locale.ROOT).startsWith(declared.toLowerCase(Locale.ROOT) + "-20");
        if (!same) {
            warnings.accept("the " + what + " are of " + traffic.model() + ", workload '" + target.name()
                    + "' uses " + declared + "; the model is left as it is");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requestsPerDay", decimal(traffic.requestsPerDay(), traffic.requestsPerDay() < 100 ? 1 : 0));
        values.put("avgInputTokens", decimal(variable, 0));
        if (traffic.avgOutputTokens() != null) {
            values.put("avgOutputTokens", decimal(traffic.avgOutputTokens(), 0));
        }
        String period = traffic.first().equals(traffic.last()) ? traffic.first().toString()
                : traffic.first() + " to " + traffic.last();
        String comment = fileName + " (" + period + ", " + traffic.days() + (traffic.days() == 1 ? " day" : " days")
                + " UTC): " + Money.count(traffic.requests()) + " requests of "
                + (traffic.model() == null ? "an unnamed model" : traffic.model())
                + "; avgInputTokens = measured " + decimal(traffic.avgInputTokens(), 0) + " minus the prompt's own "
                + promptTokens
                + (traffic.cachedShare() == null ? "" : "; " + Money.percent(traffic.cachedShare()) + " of input read from cache")
                + (traffic.avgOutputTokens() == null ? "; no output tokens in the " + what : "");
        return new Change(target, "traffic", values, comment);
    }

    private static String labels(List<PromptfooResults.EvalPrompt> prompts) {
        return String.join(", ", prompts.stream().map(p -> p.record() + " " + p.label()
                + (p.provider().isEmpty() ? "" : " [" + p.provider() + "]")).toList());
    }

    /** Whether one of promptfoo's paths (relative to its config, or absolute) names the workspace-relative prompt. */
    private static boolean names(String promptPath, List<String> paths) {
        if (promptPath == null) {
            return false;
        }
        String prompt = normalize(promptPath);
        for (String path : paths) {
            String candidate = normalize(path);
            if (candidate.isEmpty()) {
                continue;
            }
            if (prompt.equals(candidate) || prompt.endsWith("/" + candidate) || candidate.endsWith("/" + prompt)) {
                return true;
            }
        }
        return false;
    }

    /** Writes a number with at most {@code decimals} decimals and no trailing zeros. */
    static String decimal(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                .toLowerCase(Locale.ROOT);
    }
}
