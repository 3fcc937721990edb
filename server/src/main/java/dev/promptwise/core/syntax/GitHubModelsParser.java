package dev.promptwise.core.syntax;

import dev.promptwise.core.syntax.YamlPromptSupport.TemplateDialect;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses GitHub Models prompt files ({@code *.prompt.yml}, {@code *.prompt.yaml}): plain YAML with
 * {@code messages: [{role, content}]}, {@code model}, {@code modelParameters} and {@code testData}.
 *
 * <p>A message's {@code range} is its list item's lines, {@code - } marker included, so that removing it (or a
 * pair of them) leaves valid YAML. Its {@code content} is the scalar's value (quotes removed, folding applied)
 * and its {@code contentRange} is the scalar's range; variables inside it are mapped back to where they are
 * written.
 * The keys of {@code testData} rows declare the inputs, except {@code expected}, which the built-in evaluators
 * read as the reference answer. Placeholders in {@code evaluators} strings are variable uses too, since they are
 * filled from the same rows, except {@code {{completion}}} and {@code {{expected}}}, which the evaluator fills.
 */
final class GitHubModelsParser {

    /** The {@code testData} key the evaluators read as the reference answer, not a template input. */
    private static final String EXPECTED_KEY = "expected";

    /** Names an evaluator fills itself: the model's answer and the reference answer. */
    private static final Set<String> EVALUATOR_NAMES = Set.of("completion", EXPECTED_KEY);

    private GitHubModelsParser() {}

    /** Parses {@code text} from scratch, with a memo of its own; never throws on user input. */
    static PromptDocument parse(String text) {
        return parse(text, new SyntaxMemo());
    }

    /** Parses {@code text}, reusing what {@code memo} remembers of earlier versions; never throws on user input. */
    static PromptDocument parse(String text, SyntaxMemo memo) {
        YamlDocument yaml = YamlReader.read(text, 0, text.length());
        List<SyntaxProblem> problems = new ArrayList<>(YamlPromptSupport.problemsOf(yaml));
        List<Message> messages = new ArrayList<>();
        List<VariableUse> variables = new ArrayList<>();
        List<DeclaredInput> inputs = new ArrayList<>();
        ModelReference model = null;
        Integer maxOutputTokens = null;
        boolean declaresInputs = false;
        YamlNode.Mapping root = yaml.rootMapping();
        if (root != null) {
            YamlNode.Scalar modelScalar = root.scalar("model");
            if (YamlPromptSupport.string(modelScalar) != null) {
                model = new ModelReference(modelScalar.value(), modelScalar.range());
            }
            maxOutputTokens = YamlPromptSupport.integerAt(root, "modelParameters", "maxTokens");
            if (maxOutputTokens == null) {
                maxOutputTokens = YamlPromptSupport.integerAt(root, "modelParameters", "max_tokens");
            }
            YamlNode.Sequence messageItems = root.sequence("messages");
            if (messageItems != null) {
                for (YamlNode item : messageItems.items()) {
                    readMessage(text, item, messages, variables, problems);
                }
            }
            YamlNode.Entry testData = root.entry("testData");
            if (testData != null) {
                declaresInputs = true;
                readTestData(testData.value(), inputs);
            }
            YamlNode evaluators = root.get("evaluators");
            if (evaluators != null) {
                scanStrings(text, evaluators, variables, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }
        variables.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        List<FewShotExample> examples = new ArrayList<>(ExampleFinder.find(text, messages, memo));
        return new PromptDocument(PromptFormat.GITHUB_MODELS, text, messages, variables, inputs, model,
                maxOutputTokens, examples, problems, declaresInputs);
    }

    private static void readMessage(String text, YamlNode item, List<Message> messages, List<VariableUse> variables,
            List<SyntaxProblem> problems) {
        if (!(item instanceof YamlNode.Mapping mapping)) {
            return;
        }
        String role = YamlPromptSupport.string(mapping.get("role"));
        YamlNode contentNode = mapping.get("content");
        YamlNode.Scalar content = contentNode instanceof YamlNode.Scalar scalar ? scalar : null;
        String roleName = role == null ? "user" : role.strip().toLowerCase(Locale.ROOT);
        TextRange itemRange = YamlPromptSupport.itemLines(text, item.range());
        if (content == null || content.isNull()) {
            TextRange where = contentNode == null ? itemRange : contentNode.range();
            messages.add(Message.derived(roleName, itemRange, where, "", text));
            return;
        }
        TextRange messageRange = new TextRange(itemRange.start(), Math.max(itemRange.end(), content.range().end()));
        messages.add(Message.derived(roleName, messageRange, content.range(), content.value(), text));
        TemplateScanner.Result scanned = YamlPromptSupport.scanScalar(text, content,
                TemplateDialect.MUSTACHE_OR_JINJA);
        variables.addAll(scanned.variables());
        problems.addAll(scanned.problems());
    }

    private static void readTestData(YamlNode testData, List<DeclaredInput> inputs) {
        List<YamlNode> rows = testData instanceof YamlNode.Sequence sequence ? sequence.items()
                : testData instanceof YamlNode.Mapping ? List.of(testData) : List.of();
        Set<String> seen = new HashSet<>();
        for (YamlNode row : rows) {
            if (!(row instanceof YamlNode.Mapping mapping)) {
                continue;
            }
            for (YamlNode.Entry entry : mapping.entries()) {
                String name = entry.key().value();
                if (name.isBlank() || name.equals(EXPECTED_KEY) || !seen.add(name)) {
                    continue;
                }
                // A test data key is declared once per row; no single range removes it everywhere.
                inputs.add(new DeclaredInput(name, entry.key().range(), null, null));
            }
        }
    }

    /**
     * Adds the placeholders of every string scalar below {@code node}. Their syntax problems are left to the
     * evaluator, which reads these strings, not the model. Each node is visited once, however often aliases
     * repeat it.
     */
    private static void scanStrings(String text, YamlNode node, List<VariableUse> variables, Set<YamlNode> visited) {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            if (!scalar.isNull() && scalar.value().contains("{{")) {
                for (VariableUse use : YamlPromptSupport.scanScalar(text, scalar, TemplateDialect.MUSTACHE_OR_JINJA)
                        .variables()) {
                    if (!EVALUATOR_NAMES.contains(use.name())) {
                        variables.add(use);
                    }
                }
            }
        } else if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                scanStrings(text, entry.value(), variables, visited);
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                scanStrings(text, item, variables, visited);
            }
        }
    }
}
