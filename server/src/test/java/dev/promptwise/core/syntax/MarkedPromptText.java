package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture text in which {@code $0…$0} pairs mark expected ranges and {@code $1…$1} pairs mark ranges nested
 * inside them (a variable's name inside its placeholder); the markers are stripped and the ranges kept in the order
 * their opening markers appear, so that a test states exact ranges by pointing at the text.
 *
 * @param text the text without markers
 * @param ranges the {@code $0} ranges
 * @param innerRanges the {@code $1} ranges
 */
record MarkedPromptText(String text, List<TextRange> ranges, List<TextRange> innerRanges) {

    static MarkedPromptText of(String marked) {
        StringBuilder text = new StringBuilder();
        List<List<TextRange>> found = List.of(new ArrayList<>(), new ArrayList<>());
        int[] openAt = {-1, -1};
        int i = 0;
        while (i < marked.length()) {
            if (marked.startsWith("$0", i) || marked.startsWith("$1", i)) {
                int kind = marked.charAt(i + 1) - '0';
                if (openAt[kind] < 0) {
                    openAt[kind] = text.length();
                } else {
                    found.get(kind).add(new TextRange(openAt[kind], text.length()));
                    openAt[kind] = -1;
                }
                i += 2;
            } else {
                text.append(marked.charAt(i));
                i++;
            }
        }
        if (openAt[0] >= 0 || openAt[1] >= 0) {
            throw new IllegalArgumentException("a marker is not closed");
        }
        return new MarkedPromptText(text.toString(), found.get(0), found.get(1));
    }

    TextRange range(int index) {
        return ranges.get(index);
    }

    TextRange inner(int index) {
        return innerRanges.get(index);
    }
}
