package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the few-shot examples of a prompt, for every format: user/assistant message pairs that come before the
 * last user message, and examples written as text inside a message ({@code Example 1:} blocks, {@code Input:} /
 * {@code Output:} and {@code Q:} / {@code A:} pairs, {@code <example>} tags, {@code ### Example} headings).
 *
 * <p>Every example's range covers whole lines with the final line break, and, when the example follows a blank line
 * (or starts the message), the blank lines after it too; so deleting the ranges of all examples (what the "extract
 * examples to a fine-tuning dataset" fix does) leaves the text around them with its paragraphs still apart.
 *
 * <p>Only messages' content ranges are searched, never front matter. Ordinary prose is not an example: a lone
 * {@code Output:} line, "for example," in a sentence or an {@code Examples:} list heading give nothing by
 * themselves; an {@code Input:} is an example only when its {@code Output:} follows before a blank line and another
 * paragraph, and both hold text (a trailing {@code Human: {{input}}} / {@code AI:} is the live request, not an
 * example).
 */
public final class ExampleFinder {

    private static final String LABEL_PREFIX = "^\\s*(?:[-*]\\s+)?(?:\\*\\*)?";
    private static final String LABEL_SUFFIX = "(?:\\*\\*)?\\s*:(?:\\*\\*)?[ \\t]?(.*)$";

    /** An input label: {@code Input:}, {@code Q:}, {@code Question:}, {@code User:}, {@code Human:}. */
    private static final Pattern INPUT_LABEL = Pattern.compile(
            LABEL_PREFIX + "(input|q|question|user|human)" + LABEL_SUFFIX, Pattern.CASE_INSENSITIVE);

    /** An output label: {@code Output:}, {@code A:}, {@code Answer:}, {@code Assistant:}, {@code AI:}. */
    private static final Pattern OUTPUT_LABEL = Pattern.compile(
            LABEL_PREFIX + "(output|a|answer|assistant|ai)" + LABEL_SUFFIX, Pattern.CASE_INSENSITIVE);

    /** {@code Example:}, {@code Example 1:}, {@code **Example 2:**}. */
    private static final Pattern EXAMPLE_LABEL = Pattern.compile(
            LABEL_PREFIX + "example(?:\\s+#?\\d+)?" + LABEL_SUFFIX, Pattern.CASE_INSENSITIVE);

    /** An ATX heading. */
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*)$");

    /** A heading title that names one example ({@code Example}, {@code Example 2: refunds}), not a list of them. */
    private static final Pattern EXAMPLE_TITLE = Pattern.compile("^example\\b.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern EXAMPLE_OPEN = Pattern.compile("^\\s*<example(?:\\s[^>]*)?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXAMPLE_CLOSE = Pattern.compile("</example\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT_TAG = Pattern.compile("<(input|user|question)>(.*?)</\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OUTPUT_TAG = Pattern.compile("<(output|assistant|answer)>(.*?)</\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ARROW = Pattern.compile("\\s+(?:->|=>|→)\\s+");

    private ExampleFinder() {}

    /**
     * Returns the examples of {@code messages}, whose ranges point into {@code text}: message pairs first, then
     * text examples in text order. Returns an empty list when there are none.
     */
    public static List<FewShotExample> find(String text, List<Message> messages) {
        return find(text, messages, new SyntaxMemo());
    }

    /** Returns what {@link #find(String, List)} returns, rescanning a large content from {@code memo}'s last scan. */
    static List<FewShotExample> find(String text, List<Message> messages, SyntaxMemo memo) {
        List<FewShotExample> examples = new ArrayList<>(messagePairs(text, messages));
        for (Message message : messages) {
            TextRange content = message.contentRange();
            if (content.end() <= text.length()) {
                examples.addAll(ExampleScans.textExamples(text, content, memo));
            }
        }
        return examples;
    }

    /** Returns what {@link #find} returns, scanning every message from scratch: the reference of the tests. */
    static List<FewShotExample> findFromScratch(String text, List<Message> messages) {
        List<FewShotExample> examples = new ArrayList<>(messagePairs(text, messages));
        for (Message message : messages) {
            TextRange content = message.contentRange();
            if (content.end() <= text.length()) {
                examples.addAll(ExampleScans.scanFromScratch(text, content));
            }
        }
        return examples;
    }

    private static List<FewShotExample> messagePairs(String text, List<Message> messages) {
        List<FewShotExample> pairs = new ArrayList<>();
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role().equals("user")) {
                lastUser = i;
            }
        }
        for (int i = 0; i + 1 < lastUser; i++) {
            Message input = messages.get(i);
            Message output = messages.get(i + 1);
            if (input.role().equals("user") && isAssistant(output.role())) {
                int end = Math.min(text.length(), output.range().end());
                pairs.add(new FewShotExample(new TextRange(input.range().start(), afterLineBreak(text, end)),
                        input.content(), output.content(), FewShotExample.Kind.MESSAGE_PAIR));
                i++;
            }
        }
        return pairs;
    }

    private static boolean isAssistant(String role) {
        return role.equals("assistant") || role.equals("model");
    }

    /** Returns {@code offset} moved past one line break that starts there, when there is one. */
    private static int afterLineBreak(String text, int offset) {
        int end = offset;
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }

    /** The input and output texts of an example. */
    private record Pair(String input, String output) {}

    /**
     * One pass over the lines of one message's content, from a given line on. Lines are split as they are first
     * needed, so that a pass that resumes in the middle of a large content reads only the lines it looks at, and the
     * pass records, for every line it visits, how far into the text it had read by then: the earlier version's
     * record of a content is what {@link ExampleScans} reuses for the lines an edit cannot have affected.
     */
    static final class TextScan {
        private final String text;
        private final int rangeStart;
        private final int rangeEnd;
        private final int firstLineStart;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int[] nexts = new int[16];
        /** Each line's first character that is not white space, or 0 for a blank line: a cheap filter for patterns. */
        private char[] firsts = new char[16];
        private int count;
        private boolean complete;
        /** No character at or after this offset has been read yet. */
        private int reach;
        /** Where a search for {@code </example>} last failed: no later {@code <example>} can close either. */
        private int noCloseFrom = Integer.MAX_VALUE;
        private final boolean recording;
        private int[] stepStarts;
        private int[] stepReaches;
        private int steps;

        /**
         * Prepares a pass over {@code [rangeStart, rangeEnd)} of {@code text} whose first line starts at
         * {@code firstLineStart} (the content's start, or a later line's start); {@code recording} keeps the steps.
         */
        TextScan(String text, int rangeStart, int rangeEnd, int firstLineStart, boolean recording) {
            this.text = text;
            this.rangeStart = rangeStart;
            this.rangeEnd = rangeEnd;
            this.firstLineStart = firstLineStart;
            this.reach = firstLineStart;
            this.recording = recording;
            if (recording) {
                stepStarts = new int[64];
                stepReaches = new int[64];
            }
        }

        /** Whether line {@code line} exists, splitting the lines up to it when they are not split yet. */
        boolean hasLine(int line) {
            while (count <= line && !complete) {
                splitNextLine();
            }
            return line < count;
        }

        private void splitNextLine() {
            int position = count == 0 ? firstLineStart : nexts[count - 1];
            if (position >= rangeEnd || count > 0 && nexts[count - 1] == ends[count - 1]) {
                complete = true;
                return;
            }
            int end = position;
            char first = 0;
            while (end < rangeEnd && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                if (first == 0 && !Character.isWhitespace(text.charAt(end))) {
                    first = text.charAt(end);
                }
                end++;
            }
            int next = afterLineBreak(text, end);
            if (count == starts.length) {
                int capacity = count * 2;
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                nexts = Arrays.copyOf(nexts, capacity);
                firsts = Arrays.copyOf(firsts, capacity);
            }
            starts[count] = position;
            ends[count] = end;
            nexts[count] = next;
            firsts[count] = first;
            count++;
            // Finding the line break read up to two characters past the line.
            reach = Math.max(reach, end + 2);
        }

        int start(int line) {
            return starts[line];
        }

        /**
         * Visits lines from {@code line} on, adding the examples found to {@code examples}, until the content ends or
         * {@code stop} says that the rest is known; returns the line where it stopped, or -1 at the content's end.
         */
        int scan(int line, List<FewShotExample> examples, java.util.function.IntPredicate stop) {
            boolean more = hasLine(line);
            while (more) {
                if (stop != null && stop.test(line)) {
                    return line;
                }
                int stepStart = starts[line];
                int next = exampleAt(line, examples);
                line = next > line ? next : line + 1;
                more = hasLine(line);
                if (recording) {
                    record(stepStart, reach);
                }
            }
            return -1;
        }

        private void record(int stepStart, int stepReach) {
            if (steps == stepStarts.length) {
                stepStarts = Arrays.copyOf(stepStarts, steps * 2);
                stepReaches = Arrays.copyOf(stepReaches, steps * 2);
            }
            stepStarts[steps] = stepStart;
            stepReaches[steps] = stepReach;
            steps++;
        }

        int steps() {
            return steps;
        }

        int[] stepStarts() {
            return stepStarts;
        }

        int[] stepReaches() {
            return stepReaches;
        }

        int reach() {
            return reach;
        }

        /** Returns where the content's last line ends: the content without the one line break that may close it. */
        private int lastLineEnd() {
            int end = rangeEnd;
            if (end > rangeStart && text.charAt(end - 1) == '\n') {
                end--;
                if (end > rangeStart && text.charAt(end - 1) == '\r') {
                    end--;
                }
            } else if (end > rangeStart && text.charAt(end - 1) == '\r') {
                end--;
            }
            return end;
        }

        /** Adds the example that starts at {@code line}, if any; returns the line after it, or {@code line}. */
        private int exampleAt(int line, List<FewShotExample> examples) {
            if (blank(line)) {
                return line;
            }
            if (isExampleOpen(line)) {
                return taggedExample(line, examples);
            }
            if (firsts[line] == '#') {
                Matcher heading = HEADING.matcher(line(line));
                if (heading.matches()) {
                    String title = heading.group(2).strip();
                    return EXAMPLE_TITLE.matcher(title).matches()
                            ? headingExample(line, heading.group(1).length(), examples) : line;
                }
            }
            if (isExampleLabel(line)) {
                return labelledExample(line, examples);
            }
            int[] pair = pairAt(line, Integer.MAX_VALUE);
            if (pair != null) {
                examples.add(example(line, pair[2], pairTexts(pair)));
                return pair[2];
            }
            return line;
        }

        /** An {@code <example>…</example>} element; returns the line after it, or {@code line} when never closed. */
        private int taggedExample(int line, List<FewShotExample> examples) {
            Matcher open = EXAMPLE_OPEN.matcher(text).region(starts[line], ends[line]);
            if (!open.lookingAt()) {
                return line;
            }
            if (open.end() >= noCloseFrom) {
                return line;
            }
            int contentLastLineEnd = lastLineEnd();
            Matcher close = EXAMPLE_CLOSE.matcher(text).region(open.end(), Math.max(open.end(), contentLastLineEnd));
            if (!close.find()) {
                noCloseFrom = open.end();
                reach = Math.max(reach, contentLastLineEnd + 2);
                return line;
            }
            int closeLine = line;
            while (hasLine(closeLine + 1) && ends[closeLine] < close.end()) {
                closeLine++;
            }
            String inner = text.substring(open.end(), close.start());
            Pair pair = tagPair(inner);
            if (!text.substring(close.end(), ends[closeLine]).isBlank()) {
                examples.add(new FewShotExample(new TextRange(starts[line], close.end()), pair.input(),
                        pair.output(), FewShotExample.Kind.TEXT));
                return closeLine + 1;
            }
            examples.add(example(line, closeLine + 1, pair));
            return closeLine + 1;
        }

        private static Pair tagPair(String inner) {
            Matcher input = INPUT_TAG.matcher(inner);
            Matcher output = OUTPUT_TAG.matcher(inner);
            if (input.find() && output.find()) {
                return new Pair(input.group(2).strip(), output.group(2).strip());
            }
            Pair labelled = labelledPair(inner);
            return labelled != null ? labelled : new Pair(inner.strip(), "");
        }

        /**
         * A {@code ### Example} heading and everything up to the next heading of the same or a higher level; returns
         * {@code line} when the heading has nothing under it.
         */
        private int headingExample(int line, int level, List<FewShotExample> examples) {
            int end = line + 1;
            while (hasLine(end)) {
                Matcher heading = firsts[end] == '#' ? HEADING.matcher(line(end)) : null;
                if (heading != null && heading.matches() && heading.group(1).length() <= level) {
                    break;
                }
                end++;
            }
            int last = end;
            while (last > line + 1 && blank(last - 1)) {
                last--;
            }
            int bodyStart = nexts[line];
            int bodyEnd = ends[last - 1];
            String body = bodyStart < bodyEnd ? text.substring(bodyStart, bodyEnd) : "";
            if (body.isBlank()) {
                return line;
            }
            examples.add(example(line, last, bodyPair(body)));
            return end;
        }

        /**
         * An {@code Example 1:} label with its pair, or with the paragraph after it when it holds no pair; returns
         * {@code line} when the label is followed by nothing.
         */
        private int labelledExample(int line, List<FewShotExample> examples) {
            int limit = line + 1;
            while (hasLine(limit) && !isBoundary(limit)) {
                limit++;
            }
            for (int candidate = line + 1; candidate < limit; candidate++) {
                if (isInputLabel(candidate)) {
                    int[] pair = pairAt(candidate, limit);
                    if (pair != null) {
                        examples.add(example(line, pair[2], pairTexts(pair)));
                        return pair[2];
                    }
                    break;
                }
            }
            Matcher label = EXAMPLE_LABEL.matcher(line(line));
            label.matches();
            int end = line + 1;
            if (label.group(1).isBlank()) {
                while (end < limit && blank(end)) {
                    end++;
                }
            }
            while (end < limit && !blank(end)) {
                end++;
            }
            int bodyStart = starts[line] + label.start(1);
            String body = text.substring(bodyStart, Math.max(bodyStart, ends[end - 1]));
            if (body.isBlank()) {
                return line;
            }
            examples.add(example(line, end, bodyPair(body)));
            return end;
        }

        /** Reads the pair of an example body: labels, else an arrow on one line, else the body as input. */
        private static Pair bodyPair(String body) {
            Pair labelled = labelledPair(body);
            if (labelled != null) {
                return labelled;
            }
            String stripped = body.strip();
            Matcher arrow = ARROW.matcher(stripped);
            if (stripped.indexOf('\n') < 0 && arrow.find()) {
                return new Pair(stripped.substring(0, arrow.start()).strip(), stripped.substring(arrow.end()).strip());
            }
            return new Pair(stripped, "");
        }

        /**
         * Returns the pair that starts with an input label on {@code line}: {@code [inputLine, outputLine, end]}
         * where {@code end} is the line after the output's paragraph, or {@code null} when no matching output label
         * follows before {@code limit}, a blank line and another paragraph, or another label.
         */
        private int[] pairAt(int line, int limit) {
            if (!isInputLabel(line)) {
                return null;
            }
            Matcher input = INPUT_LABEL.matcher(line(line));
            input.matches();
            String inputKind = input.group(1).toLowerCase(Locale.ROOT);
            boolean sawBlank = false;
            for (int candidate = line + 1; candidate < limit && hasLine(candidate); candidate++) {
                if (blank(candidate)) {
                    sawBlank = true;
                    continue;
                }
                Matcher output = isOutputLabel(candidate) ? OUTPUT_LABEL.matcher(line(candidate)) : null;
                if (output != null && output.matches()
                        && answers(inputKind, output.group(1).toLowerCase(Locale.ROOT))) {
                    int end = candidate + 1;
                    while (end < limit && hasLine(end) && !blank(end) && !isBoundary(end) && !isInputLabel(end)
                            && !isOutputLabel(end)) {
                        end++;
                    }
                    int[] pair = {line, candidate, end};
                    Pair texts = pairTexts(pair);
                    return texts.input().isEmpty() || texts.output().isEmpty() ? null : pair;
                }
                if (sawBlank || isBoundary(candidate) || isInputLabel(candidate)) {
                    return null;
                }
            }
            return null;
        }

        private Pair pairTexts(int[] pair) {
            Matcher input = INPUT_LABEL.matcher(line(pair[0]));
            input.matches();
            Matcher output = OUTPUT_LABEL.matcher(line(pair[1]));
            output.matches();
            int inputStart = starts[pair[0]] + input.start(2);
            int outputStart = starts[pair[1]] + output.start(2);
            String inputText = text.substring(inputStart, Math.max(inputStart, ends[pair[1] - 1]));
            String outputText = text.substring(outputStart, Math.max(outputStart, ends[pair[2] - 1]));
            return new Pair(inputText.strip(), outputText.strip());
        }

        /** Whether {@code line} starts something else: a heading, an example label or an example tag. */
        private boolean isBoundary(int line) {
            return (firsts[line] == '#' && HEADING.matcher(line(line)).matches()) || isExampleLabel(line)
                    || isExampleOpen(line);
        }

        /**
         * Returns a text example over lines {@code [first, end)}: from the first line's start past the last line's
         * break, and past the blank lines after it when a blank line (or the content's start) precedes it.
         */
        private FewShotExample example(int first, int end, Pair pair) {
            int rangeEnd = nexts[end - 1];
            if (starts[first] == this.rangeStart || blank(first - 1)) {
                int blank = end;
                while (hasLine(blank) && blank(blank)) {
                    rangeEnd = nexts[blank];
                    blank++;
                }
            }
            return new FewShotExample(new TextRange(starts[first], rangeEnd), pair.input(), pair.output(),
                    FewShotExample.Kind.TEXT);
        }

        private boolean blank(int line) {
            return firsts[line] == 0;
        }

        private boolean isExampleOpen(int line) {
            return firsts[line] == '<' && EXAMPLE_OPEN.matcher(line(line)).find();
        }

        private boolean isExampleLabel(int line) {
            return "eE*-".indexOf(firsts[line]) >= 0 && EXAMPLE_LABEL.matcher(line(line)).matches();
        }

        private boolean isInputLabel(int line) {
            return "iIqQuUhH*-".indexOf(firsts[line]) >= 0 && INPUT_LABEL.matcher(line(line)).matches();
        }

        private boolean isOutputLabel(int line) {
            return "oOaA*-".indexOf(firsts[line]) >= 0 && OUTPUT_LABEL.matcher(line(line)).matches();
        }

        private String line(int line) {
            return text.substring(starts[line], ends[line]);
        }
    }

    /** Reads an input label and the output label after it in a block of text; {@code null} when there is none. */
    private static Pair labelledPair(String block) {
        String[] lines = block.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher input = INPUT_LABEL.matcher(lines[i]);
            if (!input.matches()) {
                continue;
            }
            String inputKind = input.group(1).toLowerCase(Locale.ROOT);
            StringBuilder inputText = new StringBuilder(input.group(2));
            for (int j = i + 1; j < lines.length; j++) {
                Matcher output = OUTPUT_LABEL.matcher(lines[j]);
                if (output.matches() && answers(inputKind, output.group(1).toLowerCase(Locale.ROOT))) {
                    StringBuilder outputText = new StringBuilder(output.group(2));
                    for (int k = j + 1; k < lines.length; k++) {
                        outputText.append('\n').append(lines[k]);
                    }
                    return new Pair(inputText.toString().strip(), outputText.toString().strip());
                }
                inputText.append('\n').append(lines[j]);
            }
            return null;
        }
        return null;
    }

    /** Whether an output label of {@code outputKind} answers an input label of {@code inputKind}. */
    private static boolean answers(String inputKind, String outputKind) {
        return switch (inputKind) {
            case "input" -> outputKind.equals("output");
            case "q" -> outputKind.equals("a");
            case "question" -> outputKind.equals("answer");
            default -> outputKind.equals("assistant") || outputKind.equals("ai");
        };
    }
}
