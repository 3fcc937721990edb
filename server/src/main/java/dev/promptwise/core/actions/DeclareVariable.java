package dev.promptwise.core.actions;

import dev.promptwise.core.syntax.FrontMatter;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fix "Declare variable 'x'" for {@code undefined-variable}: it adds the input to the block where the file's
 * format declares its inputs, in the style the block already uses, and creates the block when it is absent:
 *
 * <ul>
 *   <li>Prompty: an item of the front matter's {@code inputs} list ({@code - name: x} with {@code kind} or
 *       {@code type: string} when the other items have it, or {@code - x}), or a key of its {@code inputs} mapping;
 *       a new block is a list, as in the Prompty samples;
 *   <li>Dotprompt: a Picoschema field {@code x: string} of {@code input.schema}, or a {@code properties} entry when
 *       the schema is a JSON Schema; a file without front matter gets one;
 *   <li>Semantic Kernel: an item {@code - name: x} of {@code input_variables};
 *   <li>LangChain: an item {@code - x} of {@code input_variables} (block or flow list).
 * </ul>
 *
 * <p>Not offered for the other formats (GitHub Models declares inputs only through {@code testData}, and VS Code
 * prompts and plain text declare none), nor when the block is written in flow style where a new entry could not
 * match it (except LangChain's short flow lists), nor when the YAML does not read.
 */
public final class DeclareVariable {

    private final PromptDocument document;
    private final String text;
    /** The YAML of the front matter or the whole file, read once for all the names of one document. */
    private final Map<TextRange, YamlDocument> read = new HashMap<>();

    private DeclareVariable(PromptDocument document) {
        this.document = document;
        this.text = document.text();
    }

    /** Returns the fix that declares {@code name} in {@code document}; empty when the format has no place for it. */
    public static Optional<Fix> fix(PromptDocument document, String name) {
        return forDocument(document).apply(name);
    }

    /**
     * Returns the fixes of one document by name: its YAML is read once, however many names are asked for, so that
     * a file with thousands of undeclared variables is not read thousands of times.
     */
    public static Function<String, Optional<Fix>> forDocument(PromptDocument document) {
        return new DeclareVariable(document)::fixFor;
    }

    private Optional<Fix> fixFor(String name) {
        List<TextEdit> edits = switch (document.format()) {
            case PROMPTY -> prompty(name);
            case DOTPROMPT -> dotprompt(name);
            case SEMANTIC_KERNEL -> wholeFile("input_variables", List.of("- name: " + name));
            case LANGCHAIN -> langChain(name);
            default -> null;
        };
        if (edits == null || edits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fix("Declare variable '" + name + "'", Lines.withLineBreaksOf(text, edits), true));
    }

    private YamlDocument yaml(TextRange range) {
        return read.computeIfAbsent(range, r -> YamlReader.read(text, r.start(), r.end()));
    }

    private List<TextEdit> prompty(String name) {
        FrontMatter front = FrontMatter.find(text);
        if (front == null || !front.closed()) {
            return null;
        }
        YamlDocument yaml = yaml(front.yaml());
        if (!yaml.problems().isEmpty()) {
            return null;
        }
        YamlNode.Mapping root = yaml.rootMapping();
        YamlNode.Entry inputs = root == null ? null : root.entry("inputs");
        List<String> listItem = List.of("- name: " + name, "  kind: string");
        if (inputs == null) {
            return addToRoot(text, root, front.yaml(), "inputs:", listItem);
        }
        if (inputs.value() instanceof YamlNode.Sequence sequence) {
            return single(YamlBlocks.append(text, sequence, promptyItem(sequence, name)));
        }
        if (inputs.value() instanceof YamlNode.Mapping mapping) {
            boolean nested = !mapping.entries().isEmpty()
                    && mapping.entries().get(0).value() instanceof YamlNode.Mapping;
            List<String> entry = nested ? List.of(name + ":", "  type: string") : List.of(name + ": \"\"");
            return single(YamlBlocks.append(text, mapping, entry));
        }
        return isNull(inputs.value()) ? YamlBlocks.fill(text, inputs, listItem) : null;
    }

    /** Returns a list item shaped like the list's first item. */
    private static List<String> promptyItem(YamlNode.Sequence sequence, String name) {
        if (sequence.items().get(0) instanceof YamlNode.Mapping first) {
            if (first.entry("kind") != null) {
                return List.of("- name: " + name, "  kind: string");
            }
            if (first.entry("type") != null) {
                return List.of("- name: " + name, "  type: string");
            }
            return List.of("- name: " + name);
        }
        return List.of("- " + name);
    }

    private List<TextEdit> dotprompt(String name) {
        FrontMatter front = FrontMatter.find(text);
        List<String> schemaLines = List.of("schema:", "  " + name + ": string");
        if (front == null) {
            int start = text.startsWith("\uFEFF") ? 1 : 0;
            return List.of(new TextEdit(TextRange.at(start),
                    "---\ninput:\n  schema:\n    " + name + ": string\n---\n"));
        }
        if (!front.closed()) {
            return null;
        }
        YamlDocument yaml = yaml(front.yaml());
        if (!yaml.problems().isEmpty()) {
            return null;
        }
        YamlNode.Mapping root = yaml.rootMapping();
        YamlNode.Entry input = root == null ? null : root.entry("input");
        if (input == null) {
            return addToRoot(text, root, front.yaml(), "input:", schemaLines);
        }
        if (isNull(input.value())) {
            return YamlBlocks.fill(text, input, schemaLines);
        }
        if (!(input.value() instanceof YamlNode.Mapping inputMapping)) {
            return null;
        }
        YamlNode.Entry schema = inputMapping.entry("schema");
        if (schema == null) {
            return single(YamlBlocks.append(text, inputMapping, schemaLines));
        }
        if (isNull(schema.value())) {
            return YamlBlocks.fill(text, schema, List.of(name + ": string"));
        }
        if (!(schema.value() instanceof YamlNode.Mapping schemaMapping)) {
            return null;
        }
        if (schemaMapping.entry("properties") != null) {
            YamlNode properties = schemaMapping.get("properties");
            return properties instanceof YamlNode.Mapping
                    ? single(YamlBlocks.append(text, properties, List.of(name + ":", "  type: string")))
                    : null;
        }
        if (schemaMapping.entry("type") != null) {
            return null;
        }
        return single(YamlBlocks.append(text, schemaMapping, List.of(name + ": string")));
    }

    private List<TextEdit> langChain(String name) {
        YamlDocument yaml = yaml(new TextRange(0, text.length()));
        YamlNode.Mapping root = yaml.rootMapping();
        if (!yaml.problems().isEmpty() || root == null) {
            return null;
        }
        YamlNode.Entry entry = root.entry("input_variables");
        if (entry != null && entry.value() instanceof YamlNode.Sequence sequence && Lines.isFlow(text, sequence)) {
            int close = sequence.range().end() - 1;
            if (close < 0 || text.charAt(close) != ']') {
                return null;
            }
            String separator = sequence.items().isEmpty() ? "" : ", ";
            return List.of(new TextEdit(TextRange.at(close), separator + name));
        }
        return wholeFile("input_variables", List.of("- " + name));
    }

    /** Adds {@code item} to the top-level list {@code key} of a whole-file YAML prompt, creating the list. */
    private List<TextEdit> wholeFile(String key, List<String> item) {
        YamlDocument yaml = yaml(new TextRange(0, text.length()));
        YamlNode.Mapping root = yaml.rootMapping();
        if (!yaml.problems().isEmpty() || root == null) {
            return null;
        }
        YamlNode.Entry entry = root.entry(key);
        if (entry == null) {
            return addToRoot(text, root, new TextRange(0, text.length()), key + ":", item);
        }
        if (entry.value() instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty()) {
            return single(YamlBlocks.append(text, sequence, item));
        }
        return isNull(entry.value()) ? YamlBlocks.fill(text, entry, item) : null;
    }

    /** Appends {@code key} with {@code children} two spaces deeper at the end of the top-level mapping. */
    private static List<TextEdit> addToRoot(String text, YamlNode.Mapping root, TextRange region, String key,
            List<String> children) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(key);
        lines.addAll(YamlBlocks.indented("  ", children));
        if (root == null || root.entries().isEmpty()) {
            return List.of(YamlBlocks.insertLines(text, region.end(), "", lines));
        }
        String indent = YamlBlocks.childIndent(text, root);
        if (indent == null) {
            return null;
        }
        int end = Lines.endOfLastTextLine(text, Math.min(root.range().end(), region.end()));
        return List.of(YamlBlocks.insertLines(text, end, indent, lines));
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.isNull();
    }

    private static List<TextEdit> single(TextEdit edit) {
        return edit == null ? null : List.of(edit);
    }
}
