package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlProblem;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers that the YAML-based prompt parsers (Prompty front matter, GitHub Models, Semantic Kernel,
 * LangChain) share: turning YAML problems into syntax problems, reading numbers and strings from nodes, finding
 * the text a "remove this entry" fix deletes, and scanning a scalar's template text into file ranges.
 */
final class YamlPromptSupport {

    private YamlPromptSupport() {}

    /**
     * Returns the document's YAML problems (syntax, limits such as alias bombs, duplicate keys) as syntax
     * problems, in order; an empty list when there are none.
     */
    static List<SyntaxProblem> problemsOf(YamlDocument document) {
        List<SyntaxProblem> problems = new ArrayList<>();
        for (YamlProblem problem : document.problems()) {
            problems.add(new SyntaxProblem(problem.range(), problem.message()));
        }
        return problems;
    }

    /** Returns the node as a non-empty string scalar's value, or {@code null} when it is anything else. */
    static String string(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.value().isBlank()) {
            return scalar.value();
        }
        return null;
    }

    /** Returns the node as a non-null scalar, or {@code null} when it is anything else. */
    static YamlNode.Scalar scalar(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && !scalar.isNull() ? scalar : null;
    }

    /** Returns the node as a mapping, or {@code null} when it is anything else. */
    static YamlNode.Mapping mapping(YamlNode node) {
        return node instanceof YamlNode.Mapping mapping ? mapping : null;
    }

    /** Returns the node as a sequence, or {@code null} when it is anything else. */
    static YamlNode.Sequence sequence(YamlNode node) {
        return node instanceof YamlNode.Sequence sequence ? sequence : null;
    }

    /**
     * Returns the value at the end of {@code keys} below {@code mapping} when it is a whole non-negative number
     * that fits an int, or {@code null} when the path is missing or the value is not such a number.
     */
    static Integer integerAt(YamlNode.Mapping mapping, String... keys) {
        YamlNode node = at(mapping, keys);
        String value = node instanceof YamlNode.Scalar scalar ? scalar.value().strip().replace("_", "") : null;
        if (value == null || value.isEmpty() || value.length() > 10) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return null;
            }
        }
        long number = Long.parseLong(value);
        return number > Integer.MAX_VALUE ? null : (int) number;
    }

    /** Returns the node at the end of {@code keys} below {@code mapping}, or {@code null} when a step is missing. */
    static YamlNode at(YamlNode.Mapping mapping, String... keys) {
        YamlNode node = mapping;
        for (String key : keys) {
            if (!(node instanceof YamlNode.Mapping current)) {
                return null;
            }
            node = current.get(key);
        }
        return node;
    }

    /**
     * Adds inputs declared as a mapping ({@code name: value} or {@code name: {default: …}}) or a list of
     * mappings with a {@code name}.
     */
    static void addInputs(String text, YamlNode declarations, List<DeclaredInput> inputs) {
        if (declarations instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                String name = entry.key().value();
                if (name.isBlank()) {
                    continue;
                }
                String defaultValue = entry.value() instanceof YamlNode.Mapping details
                        ? scalarText(details.get("default"))
                        : scalarText(entry.value());
                inputs.add(new DeclaredInput(name, entry.key().range(), removalRange(text, entry.range()),
                        defaultValue));
            }
        } else if (declarations instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Mapping details && details.scalar("name") != null) {
                    YamlNode.Scalar name = details.scalar("name");
                    inputs.add(new DeclaredInput(name.value(), name.range(),
                            removalRange(text, item.range()), scalarText(details.get("default"))));
                } else if (item instanceof YamlNode.Scalar name && !name.isNull()) {
                    inputs.add(new DeclaredInput(name.value(), name.range(),
                            removalRange(text, name.range()), null));
                }
            }
        }
    }

    private static String scalarText(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && !scalar.isNull() ? scalar.value() : null;
    }

    /**
     * Returns the text a fix deletes to remove the mapping entry or sequence item at {@code range} so that the
     * rest stays valid YAML: in block style the whole lines it covers (with a leading {@code - } and the final
     * line break), in flow style the item and one neighbouring comma. Returns {@code null} when the range is not
     * inside {@code text}.
     */
    static TextRange removalRange(String text, TextRange range) {
        if (range.end() > text.length()) {
            return null;
        }
        int lineStart = range.start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String before = text.substring(lineStart, range.start());
        String beforeStripped = before.strip();
        boolean blockStyle = beforeStripped.isEmpty() || beforeStripped.equals("-");
        if (blockStyle) {
            int end = contentEnd(text, range);
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '\r') {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '\n') {
                end++;
            }
            return new TextRange(lineStart, end);
        }
        int after = range.end();
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        if (after < text.length() && text.charAt(after) == ',') {
            after++;
            while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            return new TextRange(range.start(), after);
        }
        int beforeComma = range.start();
        while (beforeComma > 0 && Character.isWhitespace(text.charAt(beforeComma - 1))) {
            beforeComma--;
        }
        if (beforeComma > 0 && text.charAt(beforeComma - 1) == ',') {
            return new TextRange(beforeComma - 1, range.end());
        }
        return range;
    }

    /**
     * Returns the lines of a block sequence item: from the start of its first line (indentation and {@code - }
     * marker included) to its last written character. Removing that range and the line break after it removes
     * the item and leaves valid YAML. Returns the trimmed item range when something other than indentation and a
     * marker precedes it on its line (a flow sequence).
     */
    static TextRange itemLines(String text, TextRange itemRange) {
        TextRange trimmed = trimEnd(text, itemRange);
        int lineStart = trimmed.start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String before = text.substring(lineStart, trimmed.start()).strip();
        if (!before.isEmpty() && !before.equals("-")) {
            return trimmed;
        }
        return new TextRange(lineStart, trimmed.end());
    }

    /**
     * Returns {@code range} ending at its last written character. A block collection's range reaches past its
     * last line, up to the next entry (after that entry's {@code - } marker when it is a list item); this cuts
     * that tail, and trailing spaces and line breaks, off.
     */
    static TextRange trimEnd(String text, TextRange range) {
        return new TextRange(range.start(), contentEnd(text, range));
    }

    private static int contentEnd(String text, TextRange range) {
        int end = Math.min(range.end(), text.length());
        while (true) {
            while (end > range.start() && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end - 1 <= range.start() || text.charAt(end - 1) != '-') {
                return end;
            }
            int dashLineStart = end - 1;
            while (dashLineStart > range.start() && (text.charAt(dashLineStart - 1) == ' '
                    || text.charAt(dashLineStart - 1) == '\t')) {
                dashLineStart--;
            }
            boolean dashAlone = dashLineStart > range.start() && (text.charAt(dashLineStart - 1) == '\n'
                    || text.charAt(dashLineStart - 1) == '\r');
            if (!dashAlone) {
                return end;
            }
            end = dashLineStart;
        }
    }

    /**
     * Scans the value of {@code scalar} as a template of the given dialect and returns the uses and problems with
     * ranges in {@code fileText}.
     */
    static TemplateScanner.Result scanScalar(String fileText, YamlNode.Scalar scalar, TemplateDialect dialect) {
        String value = scalar.value();
        TemplateScanner.Result inValue = switch (dialect) {
            case MUSTACHE_OR_JINJA -> TemplateScanner.mustacheOrJinja(value, 0, value.length());
            case SEMANTIC_KERNEL -> TemplateScanner.semanticKernel(value, 0, value.length());
            case F_STRING -> TemplateScanner.fString(value, 0, value.length());
            case NONE -> TemplateScanner.Result.EMPTY;
        };
        if (inValue.variables().isEmpty() && inValue.problems().isEmpty()) {
            return inValue;
        }
        return ScalarContent.of(fileText, scalar).toFile(inValue);
    }

    /** The placeholder dialects a YAML prompt's template can be written in. */
    enum TemplateDialect { MUSTACHE_OR_JINJA, SEMANTIC_KERNEL, F_STRING, NONE }
}
