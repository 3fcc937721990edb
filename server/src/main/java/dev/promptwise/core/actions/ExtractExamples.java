package dev.promptwise.core.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.vocabulary.WorkspaceChange;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The fix "Extract N examples to a fine-tuning dataset": the few-shot examples that a prompt pays for on every
 * request become training data, and the prompt and strategy file say so. One fix makes three changes:
 *
 * <ol>
 *   <li>creates {@code datasets/<workload>.jsonl} (or a free {@code -2}, {@code -3} … name) in OpenAI's chat
 *       fine-tuning format, one {@code {"messages": [system, user, assistant]}} line per example, whose system
 *       message is the production system prompt as it reads once the examples are gone;
 *   <li>removes the examples from the prompt (message pairs with both messages, list items with their lines);
 *   <li>records the workload in the strategy file as {@code approach: hybrid} with a {@code fineTuning} section
 *       (base model, dataset, 3 epochs, the {@code hierarchical-prompts} pattern), editing the workload that
 *       names the prompt, adding one under {@code workloads}, or creating {@code promptwise.yaml} when the
 *       workspace has no strategy file.
 * </ol>
 *
 * <p>The title warns when there are fewer than {@value #MINIMUM_EXAMPLES} examples, the provider's minimum.
 */
public final class ExtractExamples {

    /** OpenAI refuses a fine-tuning job with fewer examples than this. */
    public static final int MINIMUM_EXAMPLES = 10;

    /** The strategy file created when the workspace has none. */
    public static final String STRATEGY_FILE = "promptwise.yaml";

    /** The folder, relative to the workspace root, that datasets are written to. */
    public static final String DATASET_FOLDER = "datasets";

    /** The epochs written to a new {@code fineTuning} section: the provider's usual default. */
    public static final int EPOCHS = 3;

    /** Jackson's writer: immutable and thread-safe, unlike the mapper it comes from. */
    private static final ObjectWriter JSON = new ObjectMapper().writer();
    private static final Pattern PLAIN_SCALAR = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./-]*");
    private static final Pattern UNSAFE_FILE_CHARACTERS = Pattern.compile("[^A-Za-z0-9._-]+");

    private ExtractExamples() {}

    /**
     * What the fix works from.
     *
     * @param promptPath the prompt's workspace-relative path with {@code /} separators
     * @param prompt the parsed prompt
     * @param examples the examples to extract, usually {@code prompt.examples()}
     * @param strategy the workspace's strategy file, or {@code null} when it has none
     * @param workloadName the workload whose {@code prompt} is this file, or {@code null} when none names it
     * @param baseModel the model to fine-tune (the workload's {@code fineTuning.baseModel}, else its own model when
     *     fine-tunable, else the cheapest fine-tunable model of its provider: {@code FineTunables.forScaffold}), or
     *     {@code null} when there is none: then the section leaves {@code baseModel} out and a comment says why
     * @param fileExists whether a workspace-relative path names an existing file
     * @param noBaseReason why there is no base model, for that comment; {@code null} when there is one
     */
    public record Request(
            String promptPath,
            PromptDocument prompt,
            List<FewShotExample> examples,
            Strategy strategy,
            String workloadName,
            String baseModel,
            Predicate<String> fileExists,
            String noBaseReason) {

        /** A request with a base model, or without one for no stated reason. */
        public Request(String promptPath, PromptDocument prompt, List<FewShotExample> examples, Strategy strategy,
                String workloadName, String baseModel, Predicate<String> fileExists) {
            this(promptPath, prompt, examples, strategy, workloadName, baseModel, fileExists, null);
        }
    }

    /**
     * A strategy file as the fix needs it.
     *
     * @param path its workspace-relative path with {@code /} separators
     * @param text its current text, which the edits point into
     * @param file the text parsed
     */
    public record Strategy(String path, String text, StrategyFile file) {}

    /** The {@code fineTuning} section the fix writes. */
    private record FineTuningSection(String baseModel, String dataset, String noBaseReason) {

        FineTuningSection withDataset(String path) {
            return new FineTuningSection(baseModel, path, noBaseReason);
        }

        /** The section as block lines; without a base model, a comment says why in its place. */
        List<String> blockLines(String step) {
            String base = baseModel != null ? "baseModel: " + scalar(baseModel)
                    : "# baseModel: none: " + (noBaseReason != null ? noBaseReason.replace('\n', ' ')
                            : "no fine-tunable model is known for this workload's model");
            return List.of("fineTuning:",
                    step + base,
                    step + "dataset: " + scalar(dataset),
                    step + "epochs: " + EPOCHS,
                    step + "pattern: " + HybridPattern.HIERARCHICAL_PROMPTS.id());
        }

        /** The section as a flow mapping; without a base model, the key is left out (a comment cannot sit inside). */
        String flow() {
            return "{ " + (baseModel != null ? "baseModel: " + scalar(baseModel) + ", " : "") + "dataset: "
                    + scalar(dataset) + ", epochs: " + EPOCHS + ", pattern: " + HybridPattern.HIERARCHICAL_PROMPTS.id()
                    + " }";
        }
    }

    /**
     * Returns the fix; empty when there are no examples, when the workspace has no strategy file but
     * {@code promptwise.yaml} exists (the caller's view of the workspace is stale, and the fix never overwrites),
     * when the strategy file does not read cleanly as YAML, or when its layout leaves no safe place for the edit
     * ({@code workloads} is not a mapping, a workload is a plain value).
     */
    public static Optional<Fix> fix(Request request) {
        List<FewShotExample> examples = outermost(request.examples());
        if (examples.isEmpty()
                || request.strategy() != null && !request.strategy().file().yaml().problems().isEmpty()) {
            return Optional.empty();
        }
        PromptDocument prompt = request.prompt();
        List<TextEdit> removals = Lines.withLineBreaksOf(prompt.text(), removals(prompt.text(), examples));
        String systemPrompt = shortenedSystemPrompt(request.promptPath(), prompt, removals);

        String baseName = baseName(request.promptPath());
        String datasetPath = freePath(DATASET_FOLDER + "/" + fileSafe(
                request.workloadName() != null ? request.workloadName() : baseName), ".jsonl", request.fileExists());
        List<WorkspaceChange.FileCreation> creations = new ArrayList<>();
        creations.add(new WorkspaceChange.FileCreation(datasetPath, jsonLines(systemPrompt, examples)));
        Map<String, List<TextEdit>> otherEdits = new LinkedHashMap<>();

        FineTuningSection section = new FineTuningSection(request.baseModel(), null, request.noBaseReason());
        Strategy strategy = request.strategy();
        if (strategy == null) {
            if (request.fileExists().test(STRATEGY_FILE)) {
                return Optional.empty();
            }
            String name = request.workloadName() != null ? request.workloadName() : baseName;
            List<String> lines = new ArrayList<>(List.of("version: 1", "workloads:"));
            lines.addAll(YamlBlocks.indented("  ", workloadLines(name, request.promptPath(),
                    section.withDataset(datasetPath), "  ")));
            creations.add(new WorkspaceChange.FileCreation(STRATEGY_FILE, String.join("\n", lines) + "\n"));
        } else {
            FineTuningSection located = section.withDataset(relativize(strategy.path(), datasetPath));
            Workload workload = request.workloadName() == null ? null
                    : strategy.file().workload(request.workloadName());
            List<TextEdit> strategyEdits = workload != null
                    ? editWorkload(strategy, workload, located)
                    : addWorkload(strategy, uniqueName(strategy.file(),
                            request.workloadName() != null ? request.workloadName() : baseName),
                            relativize(strategy.path(), request.promptPath()), located);
            if (strategyEdits == null) {
                return Optional.empty();
            }
            otherEdits.put(strategy.path(), Lines.withLineBreaksOf(strategy.text(), strategyEdits));
        }
        return Optional.of(new Fix(title(examples.size()), removals, false,
                new WorkspaceChange(creations, otherEdits)));
    }

    /** Returns the fix's title, with the warning when there are too few examples to fine-tune on. */
    public static String title(int count) {
        String title = "Extract " + count + (count == 1 ? " example" : " examples") + " to a fine-tuning dataset";
        return count < MINIMUM_EXAMPLES
                ? title + " (only " + count + ": fine-tuning needs at least " + MINIMUM_EXAMPLES + ")"
                : title;
    }

    /**
     * Returns the dataset's text: one JSON object per line in OpenAI's chat fine-tuning format, each line ending in
     * {@code \n}; inputs and outputs are trimmed, so that a block scalar's final line break is not
     * trained into the model. The system message is left out when {@code systemPrompt} is {@code null} or blank.
     */
    public static String jsonLines(String systemPrompt, List<FewShotExample> examples) {
        StringBuilder lines = new StringBuilder();
        for (FewShotExample example : examples) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            ArrayNode messages = line.putArray("messages");
            if (systemPrompt != null && !systemPrompt.isBlank()) {
                messages.addObject().put("role", "system").put("content", systemPrompt);
            }
            messages.addObject().put("role", "user").put("content", example.input().strip());
            messages.addObject().put("role", "assistant").put("content", example.output().strip());
            try {
                lines.append(JSON.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines.toString();
    }

    /** Returns the prompt file's name without its format's extension ({@code triage} for {@code triage.prompty}). */
    public static String baseName(String promptPath) {
        String name = promptPath.substring(promptPath.lastIndexOf('/') + 1);
        for (String suffix : List.of(".prompt.yml", ".prompt.yaml", ".prompt.md", ".instructions.md")) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Returns {@code target} (workspace-relative) as a path relative to the folder of {@code from}
     * (workspace-relative), as strategy files write their paths.
     */
    public static String relativize(String from, String target) {
        List<String> folder = new ArrayList<>(List.of(from.split("/")));
        folder.remove(folder.size() - 1);
        folder.removeIf(String::isEmpty);
        List<String> parts = new ArrayList<>(List.of(target.split("/")));
        parts.removeIf(String::isEmpty);
        int common = 0;
        while (common < folder.size() && common < parts.size() - 1 && folder.get(common).equals(parts.get(common))) {
            common++;
        }
        List<String> relative = new ArrayList<>();
        for (int i = common; i < folder.size(); i++) {
            relative.add("..");
        }
        relative.addAll(parts.subList(common, parts.size()));
        return String.join("/", relative);
    }

    /** Keeps the examples that no other example contains, in text order. */
    private static List<FewShotExample> outermost(List<FewShotExample> examples) {
        List<FewShotExample> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparingInt((FewShotExample e) -> e.range().start())
                .thenComparing(Comparator.comparingInt((FewShotExample e) -> e.range().end()).reversed()));
        List<FewShotExample> kept = new ArrayList<>();
        int reached = -1;
        for (FewShotExample example : sorted) {
            if (example.range().start() >= reached) {
                kept.add(example);
                reached = example.range().end();
            }
        }
        return kept;
    }

    /**
     * Returns the edits that delete the examples. When they are every item of a LangChain {@code examples} list,
     * the list becomes {@code []}, since a few-shot template needs the key.
     */
    private static List<TextEdit> removals(String text, List<FewShotExample> examples) {
        List<FewShotExample> structured = examples.stream()
                .filter(example -> example.kind() == FewShotExample.Kind.STRUCTURED).toList();
        List<TextEdit> edits = new ArrayList<>();
        YamlNode.Entry list = structured.isEmpty() ? null : structuredList(text);
        boolean wholeList = list != null && list.value() instanceof YamlNode.Sequence sequence
                && sequence.items().size() == structured.size() && !Lines.isFlow(text, sequence);
        for (int i = 0; i < examples.size(); i++) {
            FewShotExample example = examples.get(i);
            if (!(wholeList && example.kind() == FewShotExample.Kind.STRUCTURED)) {
                int limit = i + 1 < examples.size() ? examples.get(i + 1).range().start() : text.length();
                edits.add(new TextEdit(withSeparator(text, example, limit), ""));
            }
        }
        if (wholeList) {
            int end = Lines.endOfLastTextLine(text, list.value().range().end());
            edits.add(new TextEdit(new TextRange(list.key().range().end(), end), ": []\n"));
        }
        return edits;
    }

    /**
     * Returns the example's range, extended back over the indentation of its first line (a message tag inside a
     * YAML block scalar), and over the blank lines after it when a blank line (or the start of the text) already
     * precedes it, or when it is a message pair whose separator those lines are; so removing it leaves whole lines
     * and one paragraph break, not two.
     */
    private static TextRange withSeparator(String text, FewShotExample example, int limit) {
        TextRange range = example.range();
        int start = range.start();
        int lineStart = Lines.lineStart(text, start);
        if (lineStart < start && text.substring(lineStart, start).isBlank() && range.end() > 0
                && text.charAt(range.end() - 1) == '\n') {
            start = lineStart;
        }
        int previousLineStart = start == 0 ? 0 : Lines.lineStart(text, start - 1);
        boolean separated = start == 0 || text.substring(previousLineStart, start).isBlank()
                || example.kind() == FewShotExample.Kind.MESSAGE_PAIR;
        int end = range.end();
        if (!separated || end == 0 || text.charAt(end - 1) != '\n') {
            return range;
        }
        while (end < limit) {
            int next = Lines.nextLineStart(text, end);
            if (next > limit || !text.substring(end, next).isBlank() || next == end) {
                break;
            }
            end = next;
        }
        return new TextRange(start, end);
    }

    private static YamlNode.Entry structuredList(String text) {
        YamlNode.Mapping root = YamlReader.read(text).rootMapping();
        return root == null ? null : root.entry("examples");
    }

    /** Returns the prompt's system message once the examples are removed, trimmed; {@code null} when it has none. */
    private static String shortenedSystemPrompt(String path, PromptDocument prompt, List<TextEdit> removals) {
        String shortened = TextEdits.apply(prompt.text(), removals);
        PromptDocument reparsed = PromptParsers.parse(prompt.format(), shortened, path);
        for (Message message : reparsed.messages()) {
            if (message.role().equals("system") || message.role().equals("developer")) {
                return message.content().strip();
            }
        }
        return null;
    }

    private static String freePath(String stem, String extension, Predicate<String> fileExists) {
        String path = stem + extension;
        for (int n = 2; fileExists.test(path); n++) {
            path = stem + "-" + n + extension;
        }
        return path;
    }

    private static String fileSafe(String name) {
        String safe = UNSAFE_FILE_CHARACTERS.matcher(name).replaceAll("-").replaceAll("^[-.]+|-+$", "");
        return safe.isEmpty() ? "examples" : safe;
    }

    private static String uniqueName(StrategyFile strategy, String name) {
        String unique = name;
        for (int n = 2; strategy.workload(unique) != null; n++) {
            unique = name + "-" + n;
        }
        return unique;
    }

    /** Returns a new workload's lines, relative to the indentation of its name. */
    private static List<String> workloadLines(String name, String promptPath, FineTuningSection section, String step) {
        List<String> lines = new ArrayList<>();
        lines.add(scalar(name) + ":");
        lines.add(step + "prompt: " + scalar(promptPath));
        lines.add(step + "approach: " + Approach.HYBRID.id());
        lines.addAll(YamlBlocks.indented(step, section.blockLines(step)));
        return lines;
    }

    /** Returns the edits that set an existing workload's approach and fine-tuning; {@code null} when impossible. */
    private static List<TextEdit> editWorkload(Strategy strategy, Workload workload, FineTuningSection section) {
        String text = strategy.text();
        YamlNode.Mapping root = strategy.file().yaml().rootMapping();
        YamlNode.Mapping workloads = root == null ? null : root.mapping("workloads");
        YamlNode.Entry entry = workloads == null ? null : workloads.entry(workload.name());
        if (entry == null) {
            return null;
        }
        String nameIndent = Lines.indentBefore(text, entry.key().range().start());
        if (nameIndent == null) {
            return null;
        }
        String step = step(text, workloads, "");
        if (!(entry.value() instanceof YamlNode.Mapping body) || body.entries().isEmpty()) {
            if (entry.value() instanceof YamlNode.Scalar scalar && scalar.isNull()) {
                List<String> lines = new ArrayList<>();
                lines.add("approach: " + Approach.HYBRID.id());
                lines.addAll(section.blockLines(step));
                return YamlBlocks.fill(text, entry, lines);
            }
            return entry.value() instanceof YamlNode.Mapping empty && Lines.isFlow(text, empty)
                    ? flowEdits(text, empty, section) : null;
        }
        if (Lines.isFlow(text, body)) {
            return flowEdits(text, body, section);
        }
        String indent = YamlBlocks.childIndent(text, body);
        if (indent == null) {
            return null;
        }
        String innerStep = indent.length() > nameIndent.length() ? indent.substring(nameIndent.length()) : "  ";
        List<TextEdit> edits = new ArrayList<>();
        YamlNode.Entry approach = body.entry("approach");
        YamlNode.Entry fineTuning = body.entry("fineTuning");
        String approachLine = indent + "approach: " + Approach.HYBRID.id() + "\n";
        boolean approachWritten = false;
        if (approach != null) {
            if (approach.value() instanceof YamlNode.Scalar scalar && scalar.range().length() > 0) {
                edits.add(new TextEdit(scalar.range(), Approach.HYBRID.id()));
            } else {
                edits.add(new TextEdit(entryLines(text, approach), approachLine));
            }
            approachWritten = true;
        }
        StringBuilder sectionText = new StringBuilder();
        for (String line : section.blockLines(innerStep)) {
            sectionText.append(indent).append(line).append('\n');
        }
        if (fineTuning != null) {
            String replacement = (approachWritten ? "" : approachLine) + sectionText;
            edits.add(new TextEdit(entryLines(text, fineTuning), replacement));
            approachWritten = true;
        } else {
            int end = Lines.endOfLastTextLine(text, body.range().end());
            edits.add(new TextEdit(TextRange.at(end), Lines.breakIfMissing(text, end) + sectionText));
        }
        if (!approachWritten) {
            int firstKey = Lines.lineStart(text, body.entries().get(0).key().range().start());
            edits.add(new TextEdit(TextRange.at(firstKey), approachLine));
        }
        return edits;
    }

    /** Returns the whole lines of a block entry, from its key's line to the end of its value's last line. */
    private static TextRange entryLines(String text, YamlNode.Entry entry) {
        int start = Lines.lineStart(text, entry.key().range().start());
        int end = Lines.endOfLastTextLine(text, Math.max(entry.key().range().end(), entry.value().range().end()));
        return new TextRange(start, end);
    }

    /** Sets approach and fine-tuning inside a flow mapping ({@code { prompt: …, approach: … }}). */
    private static List<TextEdit> flowEdits(String text, YamlNode.Mapping body, FineTuningSection section) {
        int close = body.range().end() - 1;
        if (close < 0 || text.charAt(close) != '}') {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        List<String> appended = new ArrayList<>();
        YamlNode.Entry approach = body.entry("approach");
        if (approach != null && approach.value().range().length() > 0) {
            edits.add(new TextEdit(approach.value().range(), Approach.HYBRID.id()));
        } else if (approach == null) {
            appended.add("approach: " + Approach.HYBRID.id());
        } else {
            return null;
        }
        YamlNode.Entry fineTuning = body.entry("fineTuning");
        if (fineTuning != null && fineTuning.value().range().length() > 0) {
            edits.add(new TextEdit(fineTuning.value().range(), section.flow()));
        } else if (fineTuning == null) {
            appended.add("fineTuning: " + section.flow());
        } else {
            return null;
        }
        if (!appended.isEmpty()) {
            String joined = String.join(", ", appended);
            if (text.substring(body.range().start() + 1, close).isBlank()) {
                edits.add(new TextEdit(TextRange.at(close), " " + joined + " "));
            } else {
                int afterLast = close;
                while (afterLast > 0 && Character.isWhitespace(text.charAt(afterLast - 1))) {
                    afterLast--;
                }
                edits.add(new TextEdit(TextRange.at(afterLast), ", " + joined));
            }
        }
        return edits;
    }

    /** Returns the edits that add a new workload under {@code workloads}, creating that key when it is missing. */
    private static List<TextEdit> addWorkload(Strategy strategy, String name, String promptPath,
            FineTuningSection section) {
        String text = strategy.text();
        YamlNode.Mapping root = strategy.file().yaml().rootMapping();
        YamlNode.Entry workloads = root == null ? null : root.entry("workloads");
        if (workloads == null) {
            String step = root == null ? "  " : step(text, root, "  ");
            List<String> lines = new ArrayList<>();
            lines.add("workloads:");
            lines.addAll(YamlBlocks.indented(step, workloadLines(name, promptPath, section, step)));
            String indent = root == null || root.entries().isEmpty() ? "" : YamlBlocks.childIndent(text, root);
            if (indent == null) {
                return null;
            }
            int end = root == null ? text.length() : Lines.endOfLastTextLine(text, root.range().end());
            return List.of(YamlBlocks.insertLines(text, end, indent, lines));
        }
        String step = step(text, root, "  ");
        if (workloads.value() instanceof YamlNode.Scalar scalar && scalar.isNull()
                || workloads.value() instanceof YamlNode.Mapping empty && empty.entries().isEmpty()) {
            return YamlBlocks.fill(text, workloads, workloadLines(name, promptPath, section, step));
        }
        if (!(workloads.value() instanceof YamlNode.Mapping mapping)) {
            return null;
        }
        if (Lines.isFlow(text, mapping)) {
            int close = mapping.range().end() - 1;
            if (close < 0 || text.charAt(close) != '}') {
                return null;
            }
            String entry = scalar(name) + ": { prompt: " + scalar(promptPath) + ", approach: "
                    + Approach.HYBRID.id() + ", fineTuning: " + section.flow() + " }";
            int afterLast = close;
            while (afterLast > 0 && Character.isWhitespace(text.charAt(afterLast - 1))) {
                afterLast--;
            }
            return List.of(new TextEdit(TextRange.at(afterLast), ", " + entry));
        }
        String innerStep = step(text, mapping, step);
        TextEdit appended = YamlBlocks.append(text, mapping, workloadLines(name, promptPath, section, innerStep));
        return appended == null ? null : List.of(appended);
    }

    /**
     * Returns the file's indentation step as seen in {@code mapping}: the indent of the first entry's block-mapping
     * child beyond its key, or {@code fallback} when the mapping shows none.
     */
    private static String step(String text, YamlNode.Mapping mapping, String fallback) {
        for (YamlNode.Entry entry : mapping.entries()) {
            String keyIndent = Lines.indentBefore(text, entry.key().range().start());
            if (keyIndent != null && entry.value() instanceof YamlNode.Mapping child && !child.entries().isEmpty()) {
                String childIndent = YamlBlocks.childIndent(text, child);
                if (childIndent != null && childIndent.length() > keyIndent.length()) {
                    return childIndent.substring(keyIndent.length());
                }
            }
        }
        return fallback.isEmpty() ? "  " : fallback;
    }

    /** Returns {@code value} as a YAML scalar: plain when that reads back the same, double-quoted otherwise. */
    private static String scalar(String value) {
        if (PLAIN_SCALAR.matcher(value).matches() && !value.equalsIgnoreCase("null") && !value.equals("~")
                && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")
                && !value.matches("[0-9._-]+")) {
            return value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
