package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps offsets in a YAML scalar's value back to offsets in the file, so that a variable found in a message's
 * content can be underlined where the author wrote it.
 *
 * <p>A YAML scalar's value is not always a slice of the file: quotes are removed, escapes decoded, block
 * indentation stripped and folded lines joined. Three cases, tried in order:
 * <ol>
 *   <li>the value appears whole in the scalar's raw text (plain one-line scalars, simple quoted ones): a shift;
 *   <li>the value's characters appear in order in the raw text with only whitespace between them (literal and
 *       folded block scalars, multi-line plain scalars): an alignment that skips indentation and line breaks;
 *   <li>otherwise (escapes, doubled quotes): each placeholder is searched for in the raw text, in order.
 * </ol>
 * When nothing fits, a range falls back to the whole scalar.
 */
final class ScalarContent {

    private final String fileText;
    private final YamlNode.Scalar scalar;
    private final int shift;
    private final int[] aligned;

    private ScalarContent(String fileText, YamlNode.Scalar scalar, int shift, int[] aligned) {
        this.fileText = fileText;
        this.scalar = scalar;
        this.shift = shift;
        this.aligned = aligned;
    }

    /** Returns the map for {@code scalar}, a node read from {@code fileText}. */
    static ScalarContent of(String fileText, YamlNode.Scalar scalar) {
        TextRange range = scalar.range();
        String value = scalar.value();
        if (range.end() > fileText.length()) {
            return new ScalarContent(fileText, scalar, -1, null);
        }
        String raw = range.slice(fileText);
        int found = value.isEmpty() ? 0 : raw.indexOf(value);
        if (found >= 0) {
            return new ScalarContent(fileText, scalar, range.start() + found, null);
        }
        return new ScalarContent(fileText, scalar, -1, align(raw, value, range.start()));
    }

    /** Returns the scalar's value. */
    String value() {
        return scalar.value();
    }

    /** Returns the scalar's range in the file. */
    TextRange range() {
        return scalar.range();
    }

    /** Returns the file offset of {@code valueOffset} (the value's length maps to its end), or -1 when unknown. */
    int toFile(int valueOffset) {
        if (shift >= 0) {
            return shift + valueOffset;
        }
        if (aligned != null && valueOffset >= 0 && valueOffset < aligned.length) {
            return aligned[valueOffset];
        }
        return -1;
    }

    /**
     * Returns {@code valueRange} as a file range whose text is {@code expectedText}, or {@code null} when the
     * offsets cannot be mapped that way.
     */
    TextRange toFile(TextRange valueRange, String expectedText) {
        int start = toFile(valueRange.start());
        int lastChar = valueRange.length() == 0 ? start : toFile(valueRange.end() - 1);
        if (start < 0 || lastChar < 0) {
            return null;
        }
        int end = valueRange.length() == 0 ? start : lastChar + 1;
        if (end < start || end > fileText.length()) {
            return null;
        }
        if (!fileText.substring(start, end).equals(expectedText)) {
            return null;
        }
        return new TextRange(start, end);
    }

    /**
     * Returns {@code result}, found by scanning {@link #value()} from offset 0, with every range moved into the
     * file: mapped when the placeholder's text is there, else searched for in the scalar's raw text, else the
     * whole scalar.
     */
    TemplateScanner.Result toFile(TemplateScanner.Result result) {
        String value = scalar.value();
        String raw = scalar.range().slice(fileText);
        int searchFrom = 0;
        TextRange previousInValue = null;
        TextRange previousInFile = null;
        List<VariableUse> variables = new ArrayList<>();
        for (VariableUse use : result.variables()) {
            String placeholder = use.range().slice(value);
            TextRange whole = use.range().equals(previousInValue) ? previousInFile : toFile(use.range(), placeholder);
            if (whole == null) {
                int found = raw.indexOf(placeholder, searchFrom);
                if (found >= 0) {
                    whole = new TextRange(scalar.range().start() + found,
                            scalar.range().start() + found + placeholder.length());
                    searchFrom = found + placeholder.length();
                }
            }
            previousInValue = use.range();
            previousInFile = whole;
            if (whole == null) {
                variables.add(new VariableUse(use.name(), scalar.range(), scalar.range()));
                continue;
            }
            int nameOffset = use.nameRange().start() - use.range().start();
            int nameStart = whole.start() + nameOffset;
            TextRange name = new TextRange(nameStart, nameStart + use.name().length());
            if (name.end() > whole.end()) {
                name = whole;
            }
            variables.add(new VariableUse(use.name(), whole, name));
        }
        List<SyntaxProblem> problems = new ArrayList<>();
        for (SyntaxProblem problem : result.problems()) {
            TextRange mapped = toFile(problem.range(), problem.range().slice(value));
            problems.add(new SyntaxProblem(mapped == null ? scalar.range() : mapped, problem.message()));
        }
        return new TemplateScanner.Result(variables, problems);
    }

    /**
     * Returns, for each offset of {@code value} and its end, the file offset of that character in {@code raw}
     * (which starts at {@code base}), or an array whose unmatched tail is -1 when only whitespace can be skipped
     * and something else differs.
     */
    private static int[] align(String raw, String value, int base) {
        int[] map = new int[value.length() + 1];
        int rawIndex = 0;
        if (!raw.isEmpty() && (raw.charAt(0) == '|' || raw.charAt(0) == '>')) {
            int newline = raw.indexOf('\n');
            rawIndex = newline < 0 ? raw.length() : newline + 1;
        } else if (!raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
            rawIndex = 1;
        }
        int valueIndex = 0;
        while (valueIndex < value.length()) {
            char wanted = value.charAt(valueIndex);
            while (rawIndex < raw.length() && raw.charAt(rawIndex) != wanted
                    && isSkippable(raw.charAt(rawIndex))) {
                rawIndex++;
            }
            if (rawIndex >= raw.length()) {
                break;
            }
            if (raw.charAt(rawIndex) != wanted && !(Character.isWhitespace(wanted)
                    && Character.isWhitespace(raw.charAt(rawIndex)))) {
                break;
            }
            map[valueIndex] = base + rawIndex;
            valueIndex++;
            rawIndex++;
        }
        for (int i = valueIndex; i < map.length; i++) {
            map[i] = -1;
        }
        if (valueIndex == value.length()) {
            map[value.length()] = base + Math.min(rawIndex, raw.length());
        }
        return map;
    }

    private static boolean isSkippable(char rawChar) {
        return rawChar == ' ' || rawChar == '\t' || rawChar == '\n' || rawChar == '\r';
    }
}
