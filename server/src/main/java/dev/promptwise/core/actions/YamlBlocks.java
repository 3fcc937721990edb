package dev.promptwise.core.actions;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Insertions into block-style YAML that keep the file's own indentation: a child appended to a mapping or sequence
 * is written at the column of the collection's first child, a child under an empty key two spaces deeper than the
 * key. Flow collections ({@code {…}}, {@code […]}) are left to the callers, which mostly decline them.
 */
final class YamlBlocks {

    private static final Pattern SEQUENCE_PREFIX = Pattern.compile("^( *)- +$");

    private YamlBlocks() {}

    /**
     * Returns the column prefix of a block collection's children (the spaces before a mapping's first key, or before
     * a sequence's first dash), or {@code null} when the collection is in flow style, empty or laid out otherwise.
     */
    static String childIndent(String text, YamlNode collection) {
        if (Lines.isFlow(text, collection)) {
            return null;
        }
        if (collection instanceof YamlNode.Mapping mapping && !mapping.entries().isEmpty()) {
            int keyStart = mapping.entries().get(0).key().range().start();
            String before = text.substring(Lines.lineStart(text, keyStart), keyStart);
            if (before.isBlank() && !before.contains("\t")) {
                return before;
            }
            Matcher item = SEQUENCE_PREFIX.matcher(before);
            return item.matches() ? " ".repeat(before.length()) : null;
        }
        if (collection instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty()) {
            int itemStart = sequence.items().get(0).range().start();
            Matcher item = SEQUENCE_PREFIX.matcher(text.substring(Lines.lineStart(text, itemStart), itemStart));
            return item.matches() ? item.group(1) : null;
        }
        return null;
    }

    /**
     * Returns the edit that appends {@code child} (lines indented relative to the collection's children) after the
     * last child of a block collection, or {@code null} when the collection is not in block style.
     */
    static TextEdit append(String text, YamlNode collection, List<String> child) {
        String indent = childIndent(text, collection);
        if (indent == null) {
            return null;
        }
        return insertLines(text, Lines.endOfLastTextLine(text, collection.range().end()), indent, child);
    }

    /**
     * Returns the edits that give the key of {@code entry}, whose value is empty or {@code null}, the value
     * {@code child} on the following lines, two spaces deeper than the key; {@code null} when the key does not
     * start its line.
     */
    static List<TextEdit> fill(String text, YamlNode.Entry entry, List<String> child) {
        String keyIndent = Lines.indentBefore(text, entry.key().range().start());
        if (keyIndent == null) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        TextRange written = entry.value().range();
        if (written.length() > 0 && written.start() >= entry.key().range().end()) {
            int start = written.start();
            while (start > entry.key().range().end() && isBlank(text.charAt(start - 1))) {
                start--;
            }
            edits.add(new TextEdit(new TextRange(start, written.end()), ""));
        }
        int after = Lines.nextLineStart(text, entry.key().range().end());
        edits.add(insertLines(text, after, keyIndent + "  ", child));
        return edits;
    }

    /** Returns the edit that inserts {@code lines} at {@code offset}, each prefixed with {@code indent}. */
    static TextEdit insertLines(String text, int offset, String indent, List<String> lines) {
        StringBuilder inserted = new StringBuilder(Lines.breakIfMissing(text, offset));
        for (String line : lines) {
            inserted.append(indent).append(line).append('\n');
        }
        return new TextEdit(TextRange.at(offset), inserted.toString());
    }

    private static boolean isBlank(char character) {
        return character == ' ' || character == '\t';
    }

    /** Returns {@code lines} each prefixed with {@code indent}. */
    static List<String> indented(String indent, List<String> lines) {
        return lines.stream().map(line -> indent + line).toList();
    }
}
