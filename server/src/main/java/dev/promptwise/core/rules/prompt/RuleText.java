package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.TextRange;

/** Small pieces of wording and placement that several rules share. */
final class RuleText {

    private RuleText() {}

    /** Returns the first non-blank line of the text, or an empty range at 0 for a blank text. */
    static TextRange firstLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            if (!text.substring(start, end).isBlank()) {
                return new TextRange(start, end);
            }
            start = end + 1;
        }
        return TextRange.at(0);
    }

    /** Returns the range of the line holding {@code offset}, without its line break. */
    static TextRange lineAt(String text, int offset) {
        int start = offset;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        return new TextRange(start, lineEnd(text, start));
    }

    private static int lineEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }
}
