package dev.promptwise.core.syntax;

import dev.promptwise.core.syntax.YamlPromptSupport.TemplateDialect;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses LangChain prompts serialised as YAML: {@code _type: prompt} ({@code template}, {@code input_variables},
 * {@code template_format} {@code f-string}, {@code mustache} or {@code jinja2}) and {@code _type: few_shot}
 * ({@code examples}, {@code example_prompt}, {@code prefix}, {@code suffix}, {@code example_separator}).
 *
 * <p>A LangChain string prompt reaches the model as one text, so the document has one user message. For
 * {@code prompt} it is the template scalar (content is the scalar's value, its range the scalar's range). For
 * {@code few_shot} the content is what LangChain sends: the prefix, each example formatted with the example
 * prompt, and the suffix, joined by the separator; its range is the whole file, since that text is written in
 * several places. Each item of an inline {@code examples} list is a {@link FewShotExample.Kind#STRUCTURED}
 * example whose range is the item's lines. When there are such examples, the examples {@link ExampleFinder}
 * finds in the text are left out: they would be the same examples again, rendered into the message.
 *
 * <p>Chat prompts ({@code _type: chat_prompt}, or any of these files with a {@code messages} list) give one
 * message per item: {@code role} ({@code human} read as {@code user}, {@code ai} as {@code assistant}) with its
 * text in {@code content}, {@code template} or {@code prompt.template}.
 */
final class LangChainParser {

    /** Keys that usually hold the expected answer of an example, in order of preference. */
    private static final List<String> OUTPUT_KEYS = List.of("output", "answer", "response", "completion",
            "assistant", "target", "label", "a", "result", "antonym");

    private static final Set<String> F_STRING_FORMATS = Set.of("f-string", "fstring");

    private LangChainParser() {}

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
        List<FewShotExample> examples = new ArrayList<>();
        boolean declaresInputs = false;
        YamlNode.Mapping root = yaml.rootMapping();
        if (root != null) {
            TemplateDialect dialect = dialectOf(root);
            String type = YamlPromptSupport.string(root.get("_type"));
            boolean fewShot = type != null && type.strip().startsWith("few_shot");
            YamlNode.Sequence chatMessages = root.sequence("messages");
            if (chatMessages != null) {
                readChatMessages(text, chatMessages, dialect, messages, variables, problems);
            } else if (fewShot) {
                readFewShot(text, root, dialect, messages, variables, problems, examples);
            } else {
                YamlNode.Scalar template = root.scalar("template");
                if (template != null) {
                    TemplateScanner.Result scanned = YamlPromptSupport.scanScalar(text, template, dialect);
                    variables.addAll(scanned.variables());
                    problems.addAll(scanned.problems());
                    YamlNode.Entry entry = root.entry("template");
                    messages.add(Message.derived("user", YamlPromptSupport.trimEnd(text, entry.range()),
                            template.range(), template.value(), text));
                }
            }
            YamlNode.Entry inputVariables = root.entry("input_variables");
            if (inputVariables != null) {
                declaresInputs = true;
                YamlPromptSupport.addInputs(text, inputVariables.value(), inputs);
            }
            YamlNode partials = root.get("partial_variables");
            if (partials instanceof YamlNode.Mapping) {
                declaresInputs = true;
                YamlPromptSupport.addInputs(text, partials, inputs);
            }
        }
        variables.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
        List<FewShotExample> found = ExampleFinder.find(text, messages, memo);
        if (examples.isEmpty()) {
            examples.addAll(found);
        }
        return new PromptDocument(PromptFormat.LANGCHAIN, text, messages, variables, inputs, null, null, examples,
                problems, declaresInputs);
    }

    private static void readChatMessages(String text, YamlNode.Sequence items, TemplateDialect dialect,
            List<Message> messages, List<VariableUse> variables, List<SyntaxProblem> problems) {
        for (YamlNode item : items.items()) {
            if (!(item instanceof YamlNode.Mapping mapping)) {
                continue;
            }
            String role = roleOf(YamlPromptSupport.string(mapping.get("role")));
            YamlNode.Mapping prompt = mapping.mapping("prompt");
            YamlNode.Scalar content = mapping.scalar("content");
            TemplateDialect itemDialect = mapping.get("template_format") != null ? dialectOf(mapping) : dialect;
            if (content == null) {
                content = mapping.scalar("template");
            }
            if (content == null && prompt != null) {
                content = prompt.scalar("template");
                itemDialect = prompt.get("template_format") != null ? dialectOf(prompt) : dialect;
            }
            TextRange itemRange = YamlPromptSupport.itemLines(text, item.range());
            if (content == null) {
                messages.add(Message.derived(role, itemRange, itemRange, "", text));
                continue;
            }
            TemplateScanner.Result scanned = YamlPromptSupport.scanScalar(text, content, itemDialect);
            variables.addAll(scanned.variables());
            problems.addAll(scanned.problems());
            TextRange messageRange = new TextRange(itemRange.start(), Math.max(itemRange.end(), content.range().end()));
            messages.add(Message.derived(role, messageRange, content.range(), content.value(), text));
        }
    }

    /** Returns the chat role LangChain's role name stands for, lower case; {@code user} when none is given. */
    private static String roleOf(String role) {
        String lower = role == null ? "user" : role.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "human" -> "user";
            case "ai" -> "assistant";
            default -> lower;
        };
    }

    private static TemplateDialect dialectOf(YamlNode.Mapping mapping) {
        String format = YamlPromptSupport.string(mapping.get("template_format"));
        if (format == null || F_STRING_FORMATS.contains(format.strip().toLowerCase(Locale.ROOT))) {
            return TemplateDialect.F_STRING;
        }
        return TemplateDialect.MUSTACHE_OR_JINJA;
    }

    private static void readFewShot(String text, YamlNode.Mapping root, TemplateDialect dialect,
            List<Message> messages, List<VariableUse> variables, List<SyntaxProblem> problems,
            List<FewShotExample> examples) {
        String separator = root.scalar("example_separator") != null
                ? root.scalar("example_separator").value() : "\n\n";
        List<String> parts = new ArrayList<>();
        YamlNode.Scalar prefix = root.scalar("prefix");
        if (prefix != null) {
            TemplateScanner.Result scanned = YamlPromptSupport.scanScalar(text, prefix, dialect);
            variables.addAll(scanned.variables());
            problems.addAll(scanned.problems());
            if (!prefix.value().isEmpty()) {
                parts.add(prefix.value());
            }
        }
        YamlNode.Mapping examplePrompt = root.mapping("example_prompt");
        YamlNode.Scalar exampleTemplate = examplePrompt == null ? null : examplePrompt.scalar("template");
        if (exampleTemplate != null) {
            // The example prompt's variables are filled from each example, not from the prompt's inputs.
            problems.addAll(YamlPromptSupport.scanScalar(text, exampleTemplate, dialectOf(examplePrompt)).problems());
        }
        YamlNode.Sequence exampleItems = root.sequence("examples");
        if (exampleItems != null) {
            for (YamlNode item : exampleItems.items()) {
                if (item instanceof YamlNode.Mapping example) {
                    FewShotExample fewShot = exampleOf(text, example);
                    if (fewShot != null) {
                        String sent = exampleTemplate == null ? fewShot.input() + "\n" + fewShot.output()
                                : fill(exampleTemplate.value(), example, dialectOf(examplePrompt));
                        // The example is priced as what it adds to the message, not as its YAML keys and quotes.
                        examples.add(new FewShotExample(fewShot.range(), fewShot.input(), fewShot.output(),
                                fewShot.kind(), sent));
                        parts.add(sent);
                    }
                }
            }
        }
        YamlNode.Scalar suffix = root.scalar("suffix");
        if (suffix != null) {
            TemplateScanner.Result scanned = YamlPromptSupport.scanScalar(text, suffix, dialect);
            variables.addAll(scanned.variables());
            problems.addAll(scanned.problems());
            if (!suffix.value().isEmpty()) {
                parts.add(suffix.value());
            }
        }
        if (!parts.isEmpty()) {
            TextRange whole = YamlPromptSupport.trimEnd(text, root.range());
            messages.add(Message.derived("user", whole, whole, String.join(separator, parts), text));
        }
    }

    /**
     * Returns one inline example as input and output: the value of the first output-like key (or the last key)
     * is the output, the other values are the input. Returns {@code null} for an empty mapping.
     */
    private static FewShotExample exampleOf(String text, YamlNode.Mapping example) {
        List<YamlNode.Entry> entries = example.entries();
        if (entries.isEmpty()) {
            return null;
        }
        YamlNode.Entry output = null;
        for (String key : OUTPUT_KEYS) {
            for (YamlNode.Entry entry : entries) {
                if (output == null && entry.key().value().toLowerCase(Locale.ROOT).equals(key)) {
                    output = entry;
                }
            }
        }
        if (output == null) {
            output = entries.get(entries.size() - 1);
        }
        List<String> inputParts = new ArrayList<>();
        for (YamlNode.Entry entry : entries) {
            if (entry != output && entry.value() instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                inputParts.add(entries.size() > 2 ? entry.key().value() + ": " + scalar.value() : scalar.value());
            }
        }
        String outputText = output.value() instanceof YamlNode.Scalar scalar ? scalar.value() : "";
        TextRange range = YamlPromptSupport.removalRange(text, example.range());
        return new FewShotExample(range == null ? example.range() : range, String.join("\n", inputParts),
                outputText, FewShotExample.Kind.STRUCTURED);
    }

    /**
     * Returns {@code template} with each placeholder of an example key ({@code {key}} in f-strings,
     * {@code {{key}}} otherwise) replaced by the example's value for it.
     */
    private static String fill(String template, YamlNode.Mapping example, TemplateDialect dialect) {
        String filled = template;
        for (YamlNode.Entry entry : example.entries()) {
            if (entry.value() instanceof YamlNode.Scalar scalar) {
                String key = entry.key().value();
                filled = dialect == TemplateDialect.F_STRING
                        ? filled.replace("{" + key + "}", scalar.value())
                        : filled.replace("{{" + key + "}}", scalar.value())
                                .replace("{{ " + key + " }}", scalar.value());
            }
        }
        return filled;
    }
}
