package dev.promptwise.core.rules;

import dev.promptwise.core.analysis.Fix;
import dev.promptwise.core.analysis.TextEdit;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code duplicate-instruction}: the same sentence or paragraph appears twice in the prompt's messages, so it is
 * paid for twice on every request. Sentences are compared after normalising case, whitespace, list markers and
 * final punctuation; short sentences (under four words or 20 characters) and text inside few-shot examples are
 * ignored, because repeating them is usually deliberate. The second occurrence is flagged and can be removed.
 */
final class DuplicateInstructionRule implements Rule {

    private static final int MIN_CHARS = 20;
    private static final int MIN_WORDS = 4;

    @Override
    public String id() {
        return "duplicate-instruction";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        String text = ctx.text();
        Map<String, TextRange> firstSeen = new HashMap<>();
        for (Message message : ctx.document().messages()) {
            TextRange content = message.contentRange();
            if (!message.content().equals(content.slice(text))) {
                continue;
            }
            for (TextRange sentence : sentences(text, content)) {
                if (insideExample(sentence, ctx.document().examples())) {
                    continue;
                }
                String key = normalise(sentence.slice(text));
                if (key.length() < MIN_CHARS || key.split(" ").length < MIN_WORDS) {
                    continue;
                }
                TextRange first = firstSeen.putIfAbsent(key, sentence);
                if (first != null) {
                    sink.report(sentence, "Repeated instruction, already given on line "
                            + (lineOf(text, first.start()) + 1) + ": it is paid for twice on every request",
                            List.of(new Fix("Remove duplicate", List.of(new TextEdit(removal(text, sentence), "")),
                                    true)));
                }
            }
        }
    }

    /** Splits a content range into sentences: at line breaks and after {@code .!?} followed by a space. */
    static List<TextRange> sentences(String text, TextRange content) {
        List<TextRange> result = new ArrayList<>();
        int start = content.start();
        for (int i = content.start(); i <= content.end(); i++) {
            boolean end = i == content.end();
            boolean lineBreak = !end && (text.charAt(i) == '\n' || text.charAt(i) == '\r');
            boolean sentenceEnd = !end && (text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?')
                    && (i + 1 == content.end() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t'
                    || text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r');
            if (end || lineBreak || sentenceEnd) {
                int stop = sentenceEnd ? i + 1 : i;
                TextRange trimmed = trim(text, start, stop);
                if (trimmed.length() > 0) {
                    result.add(trimmed);
                }
                start = stop;
            }
        }
        return result;
    }

    static String normalise(String sentence) {
        String result = sentence.toLowerCase(Locale.ROOT).strip()
                .replaceFirst("^([-*+>#]+|\\d+[.)])\\s*", "")
                .replaceAll("\\s+", " ")
                .replaceAll("[.!?:;,]+$", "");
        return result.strip();
    }

    private static TextRange trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new TextRange(start, end);
    }

    /** Returns the sentence with the spaces after it, or its whole line when it is alone on the line. */
    private static TextRange removal(String text, TextRange sentence) {
        TextRange line = RuleText.lineAt(text, sentence.start());
        if (line.slice(text).strip().equals(sentence.slice(text))) {
            int end = line.end();
            if (end < text.length() && text.charAt(end) == '\r') {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '\n') {
                end++;
            }
            return new TextRange(line.start(), end);
        }
        int end = sentence.end();
        while (end < line.end() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        if (end == line.end()) {
            int start = sentence.start();
            while (start > line.start() && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
                start--;
            }
            return new TextRange(start, sentence.end());
        }
        return new TextRange(sentence.start(), end);
    }

    private static boolean insideExample(TextRange range, List<FewShotExample> examples) {
        for (FewShotExample example : examples) {
            if (range.start() >= example.range().start() && range.end() <= example.range().end()) {
                return true;
            }
        }
        return false;
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
