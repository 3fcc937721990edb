package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;

/**
 * Finds a YAML front matter block: a first line of {@code ---}, the YAML, and a closing {@code ---} line.
 *
 * @param yaml the YAML between the fences (may be empty)
 * @param whole the block from the opening fence to the end of the closing fence's line
 * @param body where the body starts and ends (the rest of the file)
 * @param closed false when the opening fence is never closed; then {@code yaml} runs to the end of the text and
 *     the body is empty
 */
public record FrontMatter(TextRange yaml, TextRange whole, TextRange body, boolean closed) {

    /**
     * Returns the front matter of {@code text}, or {@code null} when the text does not start with a {@code ---}
     * line (a byte order mark and trailing spaces on the fence are allowed).
     */
    public static FrontMatter find(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstLineEnd = lineEnd(text, start);
        if (!text.substring(start, firstLineEnd).strip().equals("---")) {
            return null;
        }
        int yamlStart = nextLine(text, firstLineEnd);
        int lineStart = yamlStart;
        while (lineStart < text.length()) {
            int end = lineEnd(text, lineStart);
            String line = text.substring(lineStart, end);
            if (line.stripTrailing().equals("---")) {
                int afterFence = nextLine(text, end);
                return new FrontMatter(new TextRange(yamlStart, lineStart), new TextRange(start, afterFence),
                        new TextRange(afterFence, text.length()), true);
            }
            lineStart = nextLine(text, end);
        }
        return new FrontMatter(new TextRange(yamlStart, text.length()), new TextRange(start, text.length()),
                new TextRange(text.length(), text.length()), false);
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
            lineEnd++;
        }
        return lineEnd;
    }
}
