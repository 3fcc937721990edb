package dev.promptwise.core.actions;

import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.yaml.YamlNode;
import java.util.List;
import java.util.regex.Pattern;

/** Line arithmetic shared by the fixes, which all edit whole lines so that what remains keeps its layout. */
final class Lines {

    private static final Pattern LONE_LINE_FEED = Pattern.compile("(?<!\r)\n");

    private Lines() {}

    /** Returns the offset where the line holding {@code offset} starts. */
    static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', Math.max(0, offset) - 1) + 1;
    }

    /** Returns the offset just past the line break of the line holding {@code offset}, or the text's end. */
    static int nextLineStart(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /**
     * Returns the offset just past the last line that holds text before {@code end}: YAML block nodes end where the
     * next token starts, so their range can run over trailing blank lines, which an insertion must stay before.
     */
    static int endOfLastTextLine(String text, int end) {
        int last = Math.min(end, text.length()) - 1;
        while (last > 0 && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        return last < 0 ? 0 : nextLineStart(text, last);
    }

    /** Returns the spaces that open the line holding {@code offset}, or {@code null} when other text precedes it. */
    static String indentBefore(String text, int offset) {
        String before = text.substring(lineStart(text, offset), offset);
        return before.isBlank() && !before.contains("\t") ? before : null;
    }

    /** Returns the text with a final line break, so that an insertion after it starts on a line of its own. */
    static String breakIfMissing(String text, int offset) {
        return offset > 0 && text.charAt(offset - 1) != '\n' ? "\n" : "";
    }

    /** Returns whether the node is written in flow style ({@code {…}} or {@code […]}). */
    static boolean isFlow(String text, YamlNode node) {
        int start = node.range().start();
        return start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
    }

    /**
     * Returns {@code edits} with their inserted line breaks written as {@code text} writes its own: {@code \r\n}
     * when the text's first line ends so, else unchanged; so a fix never leaves a file with mixed line ends.
     */
    static List<TextEdit> withLineBreaksOf(String text, List<TextEdit> edits) {
        int newline = text.indexOf('\n');
        if (newline <= 0 || text.charAt(newline - 1) != '\r') {
            return edits;
        }
        return edits.stream()
                .map(edit -> new TextEdit(edit.range(), LONE_LINE_FEED.matcher(edit.newText()).replaceAll("\r\n")))
                .toList();
    }
}
