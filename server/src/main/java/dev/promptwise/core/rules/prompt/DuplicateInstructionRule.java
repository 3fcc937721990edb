package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code duplicate-instruction}: the same sentence or paragraph appears twice in the prompt's messages, so it is
 * paid for twice on every request. Sentences are compared after normalising case, whitespace, list markers and
 * final punctuation; short sentences (under four words or 20 characters) and text inside few-shot examples are
 * ignored, because repeating them is usually deliberate. The second occurrence is flagged and can be removed.
 * Stateless, as every rule is: the sentences, the repeats of a large content ({@link SentenceRepeats}) and the line
 * indexes it reuses after an edit live in the host's {@link RuleMemo}, which the context brings.
 */
public final class DuplicateInstructionRule implements Rule<PromptContext> {

    static final int MIN_CHARS = 20;
    static final int MIN_WORDS = 4;

    // Compiled once: String.replaceAll compiles its pattern on every call, and JFR of `check` over 10,000 prompts
    // showed that compiling in a third of this rule's time.
    private static final Pattern LIST_MARKER = Pattern.compile("^([-*+>#]+|\\d+[.)])\\s*");
    private static final Pattern WHITE_SPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;,]+$");

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
        RangeCover exampleCover = ctx.prompt().exampleCover();
        List<SentenceKeys> contents = new ArrayList<>();
        SentenceKeys large = null;
        int largeContents = 0;
        for (Message message : ctx.document().messages()) {
            if (message.verbatim()) {
                // The sentences and their keys come from the earlier version's where an edit left them alone.
                SentenceKeys sentences = SentenceKeys.of(text, message.contentRange(), ctx.memo(), exampleCover);
                contents.add(sentences);
                if (message.contentRange().length() >= SentenceKeys.MIN_REMEMBERED_CHARS) {
                    large = sentences;
                    largeContents++;
                }
            }
        }
        NewlineIndex newlines = new NewlineIndex(text, ctx.memo());
        // A large content knows which of its keys repeat and where: when no other message shares a key with it, its
        // repeats are reported from that, and its tens of thousands of sentences need not be visited on a keystroke.
        List<int[]> repeats = largeContents == 1 ? large.repeats(otherKeys(contents, large)) : null;
        if (repeats != null) {
            contents.remove(large);
            for (int[] starts : repeats) {
                for (int later = 1; later < starts.length; later++) {
                    report(sink, text, newlines, large.range(large.indexOf(starts[later])), starts[0]);
                }
            }
        }
        FirstSeen firstSeen = null;
        for (SentenceKeys sentences : contents) {
            if (firstSeen == null) {
                firstSeen = new FirstSeen(sentences.count());
            }
            // Sentences come in text order, so a cursor over the examples answers without searching.
            RangeCover.Cursor examples = exampleCover.cursor();
            for (int index = 0; index < sentences.count(); index++) {
                String key = sentences.key(index);
                if (key == null || examples.contains(sentences.start(index), sentences.end(index))) {
                    continue;
                }
                int first = firstSeen.putIfAbsent(key, sentences.start(index));
                if (first >= 0) {
                    report(sink, text, newlines, sentences.range(index), first);
                }
            }
        }
    }

    /** Reports {@code sentence}, which repeats the one that starts at {@code first}. */
    private static void report(FindingSink sink, String text, NewlineIndex newlines, TextRange sentence, int first) {
        sink.report(sentence, "Repeated instruction, already given on line " + (newlines.lineOf(first) + 1)
                + ": it is paid for twice on every request",
                List.of(new Fix("Remove duplicate", List.of(new TextEdit(removal(text, sentence), "")), true)));
    }

    /** Returns the keys of every content but {@code except}. */
    private static List<String> otherKeys(List<SentenceKeys> contents, SentenceKeys except) {
        List<String> keys = new ArrayList<>();
        for (SentenceKeys sentences : contents) {
            if (sentences != except) {
                for (int index = 0; index < sentences.count(); index++) {
                    if (sentences.key(index) != null) {
                        keys.add(sentences.key(index));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Where each key was first seen: an open-addressed table of keys and sentence starts. A 1 MB prompt has tens of
     * thousands of sentences, nearly all different, and a HashMap of them (a node and a range per sentence, grown
     * ten times over) was the larger part of this rule's time on each of the first keystrokes (JFR).
     */
    private static final class FirstSeen {

        private String[] keys;
        private int[] hashes;
        private int[] starts;
        private int size;

        FirstSeen(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
            keys = new String[capacity];
            hashes = new int[capacity];
            starts = new int[capacity];
        }

        /** Returns the start remembered for {@code key}; when there is none, remembers {@code start} and returns -1. */
        int putIfAbsent(String key, int start) {
            int hash = key.hashCode();
            int mask = keys.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (keys[slot] != null) {
                if (hashes[slot] == hash && keys[slot].equals(key)) {
                    return starts[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            starts[slot] = start;
            if (++size * 2 > keys.length) {
                grow();
            }
            return -1;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldStarts = starts;
            keys = new String[oldKeys.length * 2];
            hashes = new int[keys.length];
            starts = new int[keys.length];
            int mask = keys.length - 1;
            for (int index = 0; index < oldKeys.length; index++) {
                if (oldKeys[index] != null) {
                    int slot = (oldHashes[index] ^ (oldHashes[index] >>> 16)) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[index];
                    hashes[slot] = oldHashes[index];
                    starts[slot] = oldStarts[index];
                }
            }
        }
    }

    static String normalise(String sentence) {
        String result = sentence.toLowerCase(Locale.ROOT).strip();
        result = LIST_MARKER.matcher(result).replaceFirst("");
        result = WHITE_SPACE_RUN.matcher(result).replaceAll(" ");
        result = FINAL_PUNCTUATION.matcher(result).replaceAll("");
        return result.strip();
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

    /**
     * Gives the zero-based line of an offset, counting {@code \n} only: the offsets of the line breaks are found
     * once, on the first question, so that a prompt with many repeated sentences is not scanned once per finding.
     */
    /** Texts shorter than this are indexed whole; larger ones from an earlier version's index and the edit. */
    private static final int MIN_REMEMBERED_CHARS = 16 * 1024;

    /** How many large texts' line indexes the host's {@link RuleMemo} keeps for this rule. */
    static final int LINE_INDEXES = 4;

    /** The line index of one large text a finding needed. */
    record Indexed(String text, LineIndex index) {}

    /**
     * The lines of one text, indexed on first use: most texts have no repeated instruction. A keystroke in a large
     * text derives its index from the earlier version's, so that the message's line does not cost a pass over the
     * whole text.
     */
    private static final class NewlineIndex {

        private final String text;
        private final RuleMemo memo;
        private LineIndex index;

        NewlineIndex(String text, RuleMemo memo) {
            this.text = text;
            this.memo = memo;
        }

        int lineOf(int offset) {
            if (index == null) {
                index = indexOf(text, memo.lineIndexes());
            }
            return index.position(offset).line();
        }

        private static LineIndex indexOf(String text, RecentVersions<Indexed> recent) {
            if (text.length() < MIN_REMEMBERED_CHARS) {
                return LineIndex.of(text);
            }
            RecentVersions.Closest<Indexed> closest = recent.closest(text, (candidate, change) -> true);
            LineIndex index = closest == null ? LineIndex.of(text)
                    : closest.version().index().edited(text, closest.change());
            recent.remember(new Indexed(text, index), closest == null ? null : closest.version(),
                    known -> known.text() == text);
            return index;
        }
    }
}
