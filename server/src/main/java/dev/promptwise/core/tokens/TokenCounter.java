package dev.promptwise.core.tokens;

import com.knuddels.jtokkit.Encodings;
import dev.promptwise.core.text.Ascending;
import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts tokens with jtokkit's real vocabularies, caching the counts of unchanged segments so that an edit in a
 * large prompt re-tokenizes only the segment it touched.
 *
 * <p>A text is cut into segments at every position where a line break ({@code \r} or {@code \n}) is followed by a
 * character that is neither Unicode white space nor {@code /}. No pre-token of {@code cl100k_base} or
 * {@code o200k_base} crosses such a position, so the sum of the segments' counts is the count of the whole text:
 * <ul>
 *   <li>The letter, contraction and number alternatives of both pre-token patterns never match {@code \r} or
 *       {@code \n} (the optional one-character prefix before letters is {@code [^\r\n\p{L}\p{N}]}), so they cannot
 *       contain the line break just before the position.
 *   <li>The punctuation alternative ({@code  ?[^\s\p{L}\p{N}]+[\r\n]*}, in {@code o200k_base}
 *       {@code [\r\n/]*}) may end with line breaks, but after them it takes only more line breaks or, in
 *       {@code o200k_base}, slashes; the character after the position is neither, so the match ends at the
 *       position. This is why a line break followed by {@code /} is not a cut.
 *   <li>The white-space alternatives match only white space, so they cannot take the non-white-space character
 *       after the position. A match that starts in the run of white space that ends at the position is always
 *       taken by {@code \s*[\r\n]+} (it comes before the look-ahead alternatives and succeeds, since the run ends
 *       with a line break), and it ends exactly at the position whether the text goes on or ends there. So the
 *       look-ahead {@code \s+(?!\S)}, the only context-sensitive part, never decides a match at a cut.
 * </ul>
 * Both halves are therefore tokenized as in the whole text, and the patterns have no look-behind that could see
 * across the cut. {@code TokenCounterTest} checks the equality over many texts and the corpus.
 *
 * <p>Each counter belongs to one {@link TokenCounters}, an analysis host's memo of counts, and is thread-safe. The
 * vocabulary (several megabytes, immutable) is loaded once per JVM on first count, not when the counter is created,
 * so that start-up stays fast; a count depends only on the text and the vocabulary, never on another host's memo.
 */
public final class TokenCounter {

    /** The encoding of GPT-4o, GPT-4.1, the o-series and GPT-5. */
    public static final String O200K_BASE = "o200k_base";

    /** The encoding of GPT-4 and GPT-3.5. */
    public static final String CL100K_BASE = "cl100k_base";

    /** The encoding of the legacy completion models text-davinci-002 and -003 and the Codex models. */
    public static final String P50K_BASE = "p50k_base";

    /** The encoding of GPT-3's first models: davinci, curie, babbage, ada and their text-*-001. */
    public static final String R50K_BASE = "r50k_base";

    /** How many characters of segments the cache of each counter keeps at most. */
    static final int CACHE_CHARACTER_LIMIT = 8 * 1024 * 1024;

    /**
     * Texts at least this long whose segments are not all cached are tokenized on several threads: below it, handing
     * work to another thread costs more than it saves.
     */
    static final int PARALLEL_CHARACTERS = 64 * 1024;

    /** How many threads tokenize one large text: the calling thread and up to three helpers, one per core. */
    static final int PARALLEL_WORKERS = Math.min(4, Runtime.getRuntime().availableProcessors());

    /**
     * Texts at least this long are remembered with their segments' counts ({@link RecentTexts}), so that the next
     * version of the same text, after an edit, recounts only the segments between the unchanged start and end.
     */
    static final int LARGE_TEXT_CHARACTERS = 64 * 1024;

    private final String encodingName;
    private final SegmentCache segmentCache;
    /** The last few large texts counted, with their segments: a few large documents edited in turn. */
    private final RecentVersions<Remembered> recentTexts;
    /** The threads that help count a large text: its {@link TokenCounters}'. */
    private final TokenCounters.Helpers helpers;
    private volatile Vocabulary loadedEncoding;

    TokenCounter(String encodingName, int cacheCharacterLimit, KnownChanges changes, TokenCounters.Helpers helpers) {
        this(encodingName, cacheCharacterLimit, changes, helpers, null);
    }

    /** A counter with its encoding given, already loaded: a tokenizer file's ({@link TokenizerFile}). */
    TokenCounter(String encodingName, int cacheCharacterLimit, KnownChanges changes, TokenCounters.Helpers helpers,
            Vocabulary loaded) {
        this.encodingName = encodingName;
        this.segmentCache = new SegmentCache(cacheCharacterLimit);
        this.recentTexts = new RecentVersions<>(4, Remembered::text, changes);
        this.helpers = helpers;
        this.loadedEncoding = loaded;
    }

    /** Returns whether {@link #forEncoding} accepts {@code encoding}; false for {@code null}. */
    public static boolean isKnownEncoding(String encoding) {
        return O200K_BASE.equals(encoding) || CL100K_BASE.equals(encoding) || P50K_BASE.equals(encoding)
                || R50K_BASE.equals(encoding);
    }

    /**
     * Returns a new counter with its own empty cache of the given size, owned by a memo of its own, for tests and
     * benchmarks that measure the cache or must count without its help.
     *
     * @throws IllegalArgumentException when the encoding is not one that jtokkit ships
     */
    public static TokenCounter withPrivateCache(String encoding, int cacheCharacterLimit) {
        return new TokenCounters(new KnownChanges(), cacheCharacterLimit).forEncoding(encoding);
    }

    /** Forgets every cached segment count and remembered large text (its memo's {@code clear()}). */
    void clear() {
        segmentCache.clear();
        recentTexts.clear();
    }

    /** Returns the name of the encoding this counter counts with ({@code o200k_base}, {@code cl100k_base}). */
    public String encoding() {
        return encodingName;
    }

    /**
     * Returns the number of tokens of {@code text}; special-token text such as {@code <|endoftext|>} is counted as
     * ordinary text. Returns 0 for an empty text. Never throws on any string.
     */
    public int count(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() >= LARGE_TEXT_CHARACTERS) {
            return countLargeText(text);
        }
        int total = 0;
        int segmentStart = 0;
        SegmentCursor cursor = new SegmentCursor(text);
        for (int position = cursor.next(); position >= 0; position = cursor.next()) {
            total += countSegment(text.substring(segmentStart, position));
            segmentStart = position;
        }
        if (segmentStart < text.length()) {
            total += countSegment(segmentStart == 0 ? text : text.substring(segmentStart));
        }
        return total;
    }

    /** Returns the number of tokens of {@code text} tokenized in one piece, without segments or cache. */
    public int countWhole(String text) {
        return text.isEmpty() ? 0 : loadedEncoding().countOrdinary(text);
    }

    /**
     * Counts a chat: {@code text} is the sum of the contents' counts, {@code total} adds the OpenAI chat format's
     * overhead ({@link ChatFormat}). Returns zero counts for an empty list.
     *
     * @param estimated whether the model's own tokenizer differs from this encoding
     */
    public TokenCount countMessages(List<String> messageContents, boolean estimated) {
        int textTokens = 0;
        for (String content : messageContents) {
            textTokens += count(content);
        }
        int totalTokens = messageContents.isEmpty() ? 0 : textTokens + ChatFormat.overhead(messageContents.size(), 0);
        return new TokenCount(textTokens, totalTokens, encodingName, estimated);
    }

    /** Returns the start offsets of the segments that {@link #count} tokenizes separately; the first is 0. */
    static List<Integer> segmentStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        SegmentCursor cursor = new SegmentCursor(text);
        for (int position = cursor.next(); position >= 0; position = cursor.next()) {
            starts.add(position);
        }
        return starts;
    }

    /** Returns whether this counter has loaded its vocabulary; false until the first count. */
    boolean isVocabularyLoaded() {
        return loadedEncoding != null;
    }

    /** Returns how many characters of segments the cache holds now. */
    int cachedCharacters() {
        return segmentCache.characters();
    }

    /** Returns how many segments were tokenized (cache misses) since creation. */
    long tokenizedSegments() {
        return segmentCache.tokenizedSegments();
    }

    /**
     * Returns whether {@code character} has the Unicode White_Space property, which is what {@code \s} means in
     * the tokenizers' patterns. {@link Character#isWhitespace} is not enough: it leaves out no-break spaces and
     * U+0085.
     */
    private static boolean isUnicodeWhiteSpace(char character) {
        return (character >= '\t' && character <= '\r')
                || character == ' '
                || character == '\u0085'
                || character == '\u00A0'
                || character == '\u1680'
                || (character >= '\u2000' && character <= '\u200A')
                || character == '\u2028'
                || character == '\u2029'
                || character == '\u202F'
                || character == '\u205F'
                || character == '\u3000';
    }

    private int countSegment(String segment) {
        // Even a one-character segment is cached: jtokkit spends microseconds per call, far more than a lookup.
        Integer cached = segmentCache.get(segment);
        if (cached != null) {
            return cached;
        }
        int counted = loadedEncoding().countOrdinary(segment);
        segmentCache.put(segment, counted);
        return counted;
    }

    /**
     * Counts a large text. When a recent text shares most of its start and end with it (the previous version of
     * the same document, before an edit), the counts of the segments wholly inside the shared start and end are
     * reused and only the segments between them are counted; else the whole text is. The result is remembered in
     * place of the text it was counted from.
     *
     * <p>A cut (see the class comment) depends only on the two characters around it, so every cut of the old text
     * whose two characters lie in the shared start is a cut of the new text at the same offset, and every cut whose
     * two characters lie in the shared end is one at the same distance from the end; the segments between such cuts
     * are the same text, with the same count.
     */
    private int countLargeText(String text) {
        RecentVersions.Closest<Remembered> match = recentTexts.closest(text, (remembered, change) -> true);
        Segments segments = new Segments();
        int total = 0;
        if (match == null) {
            total += countRegion(text, 0, text.length(), segments);
        } else {
            Segments old = match.version().segments();
            int oldLength = match.version().text().length();
            int sharedStart = match.change().start();
            int sharedEnd = text.length() - match.change().newEnd();
            int shift = text.length() - oldLength;
            // Segments 0..reusedBefore-1 end at a cut before the last shared character of the start: segment i
            // ends where i+1 starts, so they are the segments before the first whose successor starts at or after
            // the shared start's end (starts ascend, so a binary search finds it).
            // (The last segment ends at the old text's end, never before the shared start's end.)
            int reusedBefore = Math.max(0, old.firstStartAtOrAfter(sharedStart) - 1);
            // Segments reusedAfter..size-1 start at a cut whose preceding character lies in the shared end.
            int reusedAfter = Math.min(old.size(), Math.max(reusedBefore + 1,
                    old.firstStartAtOrAfter(oldLength - sharedEnd + 1)));
            total += segments.addAll(old, 0, reusedBefore, 0);
            int middleStart = reusedBefore < old.size() ? old.start(reusedBefore) : oldLength;
            int middleEnd = reusedAfter < old.size() ? old.start(reusedAfter) + shift : text.length();
            total += countRegion(text, middleStart, middleEnd, segments);
            total += segments.addAll(old, reusedAfter, old.size(), shift);
        }
        // The new version takes the place of the one it was counted from: an edited document keeps one place, and
        // the memory of the four places holds four documents rather than four versions of one.
        recentTexts.remember(new Remembered(text, segments), match == null ? null : match.version(),
                remembered -> remembered.text() == text);
        return total;
    }

    /**
     * Counts the segments of {@code text} from {@code from} (a segment start) to {@code end} (a segment start or the
     * text's end), adding each to {@code segments}. Cached segments are summed; when the others are long enough,
     * they are split into runs of about equal length and tokenized on the helper threads and this one at once.
     * Segments are independent by construction (see the class comment), so the sum is that of a sequential count.
     */
    private int countRegion(String text, int from, int end, Segments segments) {
        List<String> missing = new ArrayList<>();
        List<Integer> missingIndexes = new ArrayList<>();
        long missingCharacters = 0;
        int total = 0;
        int segmentStart = from;
        SegmentCursor cursor = new SegmentCursor(text, from, end);
        while (segmentStart < end) {
            int position = cursor.next();
            int segmentEnd = position < 0 ? end : position;
            String segment = segmentStart == 0 && segmentEnd == text.length() ? text
                    : text.substring(segmentStart, segmentEnd);
            Integer cached = segmentCache.get(segment);
            if (cached != null) {
                total += cached;
                segments.add(segmentStart, cached);
            } else {
                missingIndexes.add(segments.size());
                segments.add(segmentStart, 0);
                missing.add(segment);
                missingCharacters += segment.length();
            }
            segmentStart = segmentEnd;
        }
        int[] counts = new int[missing.size()];
        if (missingCharacters < PARALLEL_CHARACTERS || missing.size() < PARALLEL_WORKERS || PARALLEL_WORKERS < 2) {
            for (int index = 0; index < missing.size(); index++) {
                counts[index] = countSegment(missing.get(index));
            }
        } else {
            countInParallel(missing, missingCharacters, counts);
            for (int index = 0; index < counts.length; index++) {
                segmentCache.put(missing.get(index), counts[index]);
            }
        }
        for (int index = 0; index < counts.length; index++) {
            total += counts[index];
            segments.setCount(missingIndexes.get(index), counts[index]);
        }
        return total;
    }

    /** Tokenizes {@code missing} on the helper threads and this one, writing each count into {@code counts}. */
    private void countInParallel(List<String> missing, long missingCharacters, int[] counts) {
        Vocabulary encoding = loadedEncoding();
        ExecutorService pool = helpers.pool();
        List<Future<?>> running = new ArrayList<>();
        long share = missingCharacters / PARALLEL_WORKERS + 1;
        int runStart = 0;
        long runCharacters = 0;
        for (int index = 0; index < missing.size(); index++) {
            runCharacters += missing.get(index).length();
            boolean last = index == missing.size() - 1;
            if (!last && runCharacters >= share) {
                int from = runStart;
                int to = index + 1;
                running.add(pool.submit(() -> countRun(encoding, missing, counts, from, to)));
                runStart = to;
                runCharacters = 0;
            }
        }
        countRun(encoding, missing, counts, runStart, missing.size());
        for (Future<?> helper : running) {
            awaitHelper(helper);
        }
    }

    private static void countRun(Vocabulary encoding, List<String> segments, int[] counts, int from, int to) {
        for (int index = from; index < to; index++) {
            counts[index] = encoding.countOrdinary(segments.get(index));
        }
    }

    private static void awaitHelper(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while counting tokens");
        } catch (ExecutionException failed) {
            throw new IllegalStateException("A token-counting thread failed", failed.getCause());
        }
    }

    private Vocabulary loadedEncoding() {
        Vocabulary encoding = loadedEncoding;
        if (encoding == null) {
            encoding = vocabularyOf(encodingName);
            loadedEncoding = encoding;
        }
        return encoding;
    }

    /**
     * Starts loading the vocabulary of {@code encoding} on a daemon thread of its own and returns at once, so that it
     * loads while the caller starts up; a count that needs it meanwhile waits for that load instead of starting a
     * second one (the holders' class initialisation runs once). The language server calls it from
     * {@code initialize}, the command line before it reads any file.
     *
     * @throws IllegalArgumentException when the encoding is not one that {@link #forEncoding} accepts
     */
    public static void loadInBackground(String encoding) {
        if (!isKnownEncoding(encoding)) {
            throw new IllegalArgumentException("Unknown encoding " + encoding);
        }
        Thread loader = new Thread(() -> vocabularyOf(encoding), "promptwise-vocabulary-" + encoding);
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Walks through the segment starts of a text. Line breaks are found with {@link String#indexOf(int, int)}, which
     * the JVM scans far faster than a loop over characters; the next {@code \n} and the next {@code \r} are
     * remembered, so each part of the text is scanned once.
     */
    private static final class SegmentCursor {

        private final String text;
        private final int end;
        private int nextNewline;
        private int nextCarriageReturn;

        SegmentCursor(String text) {
            this(text, 0, text.length());
        }

        /** Walks the segment starts strictly between {@code from} and {@code end}. */
        SegmentCursor(String text, int from, int end) {
            this.text = text;
            this.end = end;
            this.nextNewline = text.indexOf('\n', from);
            this.nextCarriageReturn = TextSearch.indexOf(text, '\r', from, end);
        }

        /** Returns the next segment start, or -1 when the text has no more. */
        int next() {
            while (true) {
                int lineBreak;
                if (nextNewline >= 0 && (nextCarriageReturn < 0 || nextNewline < nextCarriageReturn)) {
                    lineBreak = nextNewline;
                    nextNewline = text.indexOf('\n', lineBreak + 1);
                } else if (nextCarriageReturn >= 0) {
                    lineBreak = nextCarriageReturn;
                    nextCarriageReturn = TextSearch.indexOf(text, '\r', lineBreak + 1, end);
                } else {
                    return -1;
                }
                if (lineBreak + 1 >= end) {
                    return -1;
                }
                char next = text.charAt(lineBreak + 1);
                if (next != '/' && !isUnicodeWhiteSpace(next)) {
                    return lineBreak + 1;
                }
            }
        }
    }

    /** The segments of one text in order: each one's start offset and token count. */
    private static final class Segments {

        private int[] starts = new int[256];
        private int[] counts = new int[256];
        private int size;

        void add(int start, int count) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            starts[size] = start;
            counts[size] = count;
            size++;
        }

        /** Adds segments {@code from..to-1} of {@code other}, their starts moved by {@code shift}; returns their tokens. */
        int addAll(Segments other, int from, int to, int shift) {
            int added = Math.max(0, to - from);
            if (size + added > starts.length) {
                int capacity = Math.max(size + added, starts.length * 2);
                starts = Arrays.copyOf(starts, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            System.arraycopy(other.counts, from, counts, size, added);
            int tokens = 0;
            for (int index = 0; index < added; index++) {
                starts[size + index] = other.starts[from + index] + shift;
                tokens += counts[size + index];
            }
            size += added;
            return tokens;
        }

        /** Returns the index of the first segment starting at or after {@code offset}; the size when none does. */
        int firstStartAtOrAfter(int offset) {
            return Ascending.firstAtLeast(starts, size, offset);
        }

        void setCount(int index, int count) {
            counts[index] = count;
        }

        int size() {
            return size;
        }

        int start(int index) {
            return starts[index];
        }

        /** Returns where segment {@code index} ends: the next one's start, or the text's length for the last. */
        int end(int index, int textLength) {
            return index + 1 < size ? starts[index + 1] : textLength;
        }

        int count(int index) {
            return counts[index];
        }
    }

    /** A large text counted and its segments. */
    private record Remembered(String text, Segments segments) {}

    /**
     * The {@code o200k_base} vocabulary, loaded on its first count (the holder idiom keeps it off the start-up path):
     * the build's {@link RankTable} (tens of milliseconds), or jtokkit's own (about 0.4 s) when the class path has no
     * ranks file. Vocabularies are immutable and thread-safe: a count depends on the text alone, so every host shares
     * the one vocabulary, as {@code LayersTest} allows.
     */
    private static final class O200kVocabulary {
        static final Vocabulary ENCODING = O200kRanks.load().<Vocabulary>map(table -> table)
                .orElseGet(() -> vocabulary(O200K_BASE));
    }

    /** The {@code cl100k_base} vocabulary, as {@link O200kVocabulary}. */
    private static final class Cl100kVocabulary {
        static final Vocabulary ENCODING = vocabulary(CL100K_BASE);
    }

    /** The {@code p50k_base} vocabulary, as {@link O200kVocabulary}. */
    private static final class P50kVocabulary {
        static final Vocabulary ENCODING = vocabulary(P50K_BASE);
    }

    /** The {@code r50k_base} vocabulary, as {@link O200kVocabulary}. */
    private static final class R50kVocabulary {
        static final Vocabulary ENCODING = vocabulary(R50K_BASE);
    }

    /** Returns the shared vocabulary of an encoding, loading it on first use. */
    private static Vocabulary vocabularyOf(String name) {
        return switch (name) {
            case CL100K_BASE -> Cl100kVocabulary.ENCODING;
            case P50K_BASE -> P50kVocabulary.ENCODING;
            case R50K_BASE -> R50kVocabulary.ENCODING;
            default -> O200kVocabulary.ENCODING;
        };
    }

    private static Vocabulary vocabulary(String name) {
        return Encodings.newLazyEncodingRegistry().getEncoding(name).map(Vocabulary::of)
                .orElseThrow(() -> new IllegalStateException("jtokkit does not ship " + name));
    }


    /** A least-recently-used map from segment text to its count, bounded by the total length of the segments. */
    private static final class SegmentCache {

        private final int characterLimit;
        private final LinkedHashMap<String, Integer> counts = new LinkedHashMap<>(256, 0.75f, true);
        private final LongAdder tokenizedSegments = new LongAdder();
        private int characters;

        SegmentCache(int characterLimit) {
            this.characterLimit = characterLimit;
        }

        synchronized Integer get(String segment) {
            return counts.get(segment);
        }

        synchronized void put(String segment, int count) {
            tokenizedSegments.increment();
            if (segment.length() > characterLimit) {
                return;
            }
            if (counts.put(segment, count) == null) {
                characters += segment.length();
            }
            var eldest = counts.entrySet().iterator();
            while (characters > characterLimit && eldest.hasNext()) {
                characters -= eldest.next().getKey().length();
                eldest.remove();
            }
        }

        synchronized int characters() {
            return characters;
        }

        synchronized void clear() {
            counts.clear();
            characters = 0;
        }

        long tokenizedSegments() {
            return tokenizedSegments.sum();
        }
    }
}
