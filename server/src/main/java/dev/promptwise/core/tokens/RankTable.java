package dev.promptwise.core.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte-pair-encoding vocabulary held in three arrays instead of maps of objects, so that it loads in a few tens of
 * milliseconds: the tokens' bytes as the build wrote them ({@code src/build/WriteRanks.java}: an int count, then
 * each token in rank order as one length byte and its bytes), where each token starts in them, and an open-addressing
 * hash table from a token's bytes to its rank.
 *
 * <p>It counts tokens as tiktoken does, and as jtokkit does for its own encodings: the text is split into pieces by
 * the encoding's pattern, each piece is taken as its UTF-8 bytes ({@link String#getBytes}, so an unpaired surrogate
 * is one {@code ?}), a piece that is a token is one token, and any other piece starts as single bytes and repeatedly
 * merges the adjacent pair whose merged bytes have the lowest rank, the leftmost of equal ones, until no adjacent
 * pair is a token; its count is the parts left. Pieces up to {@link #SHORT_PIECE} bytes merge in an array (quadratic,
 * fast for short pieces); longer ones in a linked list with a priority queue (n log n: a megabyte of one letter is one
 * piece). {@code O200kRanksTest} checks the counts against jtokkit's o200k_base on mixed texts and long pieces.
 *
 * <p>jtokkit builds its own encodings from a map of 200,000 byte arrays into per-length hash maps of wrapped arrays
 * and a decoder map, which took about 0.4 s of every cold start, while this table is ready in a small fraction of
 * that (docs/performance.md); counting is all Promptwise asks of the default encoding.
 */
final class RankTable implements Vocabulary {

    /** Pieces up to this many bytes merge in an array; longer ones in a linked list with a priority queue. */
    static final int SHORT_PIECE = 128;

    private static final int NONE = Integer.MAX_VALUE;

    private final Pattern pattern;
    /** The file as the build wrote it; a token's bytes follow its length byte. */
    private final byte[] file;
    /** Where each rank's bytes start in {@link #file}. */
    private final int[] starts;
    /** Open addressing, linear probing: rank + 1, or 0 for an empty slot. */
    private final int[] slots;
    private final int mask;
    private final int longestToken;

    private RankTable(Pattern pattern, byte[] file, int[] starts, int[] slots, int longestToken) {
        this.pattern = pattern;
        this.file = file;
        this.starts = starts;
        this.slots = slots;
        this.mask = slots.length - 1;
        this.longestToken = longestToken;
    }

    /**
     * Reads a ranks file (an int count, then each token in rank order as one length byte and its bytes).
     *
     * @throws IllegalArgumentException when the file is truncated, repeats a token, or leaves out a single byte (a
     *     byte-level encoding must be able to fall back to single bytes)
     */
    static RankTable read(byte[] file, Pattern pattern) {
        if (file.length < 4) {
            throw new IllegalArgumentException("A ranks file of " + file.length + " bytes has no token count");
        }
        int count = ((file[0] & 0xff) << 24) | ((file[1] & 0xff) << 16) | ((file[2] & 0xff) << 8) | (file[3] & 0xff);
        if (count <= 0 || count > file.length) {
            throw new IllegalArgumentException("A ranks file of " + file.length + " bytes cannot hold " + count + " tokens");
        }
        int[] starts = new int[count];
        int[] slots = new int[Integer.highestOneBit(count) << 2];
        int mask = slots.length - 1;
        int longest = 0;
        int position = 4;
        for (int rank = 0; rank < count; rank++) {
            if (position >= file.length) {
                throw new IllegalArgumentException("The ranks file ends at token " + rank + " of " + count);
            }
            int length = file[position++] & 0xff;
            if (length == 0 || position + length > file.length) {
                throw new IllegalArgumentException("Token " + rank + " of the ranks file is empty or cut short");
            }
            starts[rank] = position;
            longest = Math.max(longest, length);
            int slot = hash(file, position, position + length) & mask;
            while (slots[slot] != 0) {
                int other = slots[slot] - 1;
                if (sameBytes(file, position, length, starts[other], file[starts[other] - 1] & 0xff)) {
                    throw new IllegalArgumentException("Tokens " + other + " and " + rank + " of the ranks file are the same bytes");
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = rank + 1;
            position += length;
        }
        RankTable table = new RankTable(pattern, file, starts, slots, longest);
        byte[] single = new byte[1];
        for (int value = 0; value < 256; value++) {
            single[0] = (byte) value;
            if (table.rank(single, 0, 1) == NONE) {
                throw new IllegalArgumentException("The ranks file has no token for the byte " + value);
            }
        }
        return table;
    }

    /** Returns how many tokens the table holds. */
    int size() {
        return starts.length;
    }

    @Override
    public int countOrdinary(String text) {
        Matcher matcher = pattern.matcher(text);
        byte[] buffer = new byte[64];
        int tokens = 0;
        while (matcher.find()) {
            int from = matcher.start();
            int to = matcher.end();
            int length = to - from;
            boolean ascii = true;
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            for (int index = 0; index < length; index++) {
                char character = text.charAt(from + index);
                if (character >= 0x80) {
                    ascii = false;
                    break;
                }
                buffer[index] = (byte) character;
            }
            if (ascii) {
                tokens += countPiece(buffer, length);
            } else {
                byte[] bytes = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
                tokens += countPiece(bytes, bytes.length);
            }
        }
        return tokens;
    }

    /** Returns the rank of {@code bytes[from, to)}, or {@link #NONE} when they are not one token. */
    private int rank(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > longestToken) {
            return NONE;
        }
        int slot = hash(bytes, from, to) & mask;
        for (int entry = slots[slot]; entry != 0; entry = slots[slot]) {
            int start = starts[entry - 1];
            if ((file[start - 1] & 0xff) == length && Arrays.equals(file, start, start + length, bytes, from, to)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return NONE;
    }

    /** Returns the number of tokens of one piece of {@code length} bytes. */
    private int countPiece(byte[] piece, int length) {
        if (length <= 1 || rank(piece, 0, length) != NONE) {
            return 1;
        }
        return length <= SHORT_PIECE ? mergeShort(piece, length) : mergeLong(piece, length);
    }

    /**
     * tiktoken's merge: {@code parts[i]} is where part {@code i} starts ({@code parts[count]} is the end), and
     * {@code ranks[i]} the rank of part {@code i} merged with part {@code i + 1}.
     */
    private int mergeShort(byte[] piece, int length) {
        int[] parts = new int[length + 1];
        int[] ranks = new int[length + 1];
        for (int index = 0; index <= length; index++) {
            parts[index] = index;
        }
        for (int index = 0; index < length - 1; index++) {
            ranks[index] = rank(piece, index, index + 2);
        }
        ranks[length - 1] = NONE;
        ranks[length] = NONE;
        int count = length + 1;
        while (count > 2) {
            int best = NONE;
            int at = -1;
            for (int index = 0; index < count - 2; index++) {
                if (ranks[index] < best) {
                    best = ranks[index];
                    at = index;
                }
            }
            if (at < 0) {
                break;
            }
            // Part `at` absorbs part `at + 1`: its rank becomes that of it with the part after, and so does the one before's.
            ranks[at] = at + 3 < count ? rank(piece, parts[at], parts[at + 3]) : NONE;
            if (at > 0) {
                ranks[at - 1] = rank(piece, parts[at - 1], parts[at + 2]);
            }
            System.arraycopy(parts, at + 2, parts, at + 1, count - at - 2);
            System.arraycopy(ranks, at + 2, ranks, at + 1, count - at - 2);
            count--;
        }
        return count - 1;
    }

    /**
     * The same merge for a long piece: the parts as a linked list, the candidate merges in a priority queue ordered by
     * rank, then by position (tiktoken's leftmost of equal ranks). A queued merge whose part has since merged or
     * changed its rank is skipped when it comes up; a part's span only grows and a rank names one byte string, so a
     * part never has the same rank twice.
     */
    private int mergeLong(byte[] piece, int length) {
        int[] next = new int[length + 1];
        int[] previous = new int[length + 1];
        int[] ranks = new int[length + 1];
        boolean[] merged = new boolean[length + 1];
        PriorityQueue<Long> queue = new PriorityQueue<>();
        for (int index = 0; index <= length; index++) {
            next[index] = index + 1;
            previous[index] = index - 1;
            ranks[index] = index < length - 1 ? rank(piece, index, index + 2) : NONE;
            if (ranks[index] != NONE) {
                queue.add(((long) ranks[index] << 32) | index);
            }
        }
        int count = length;
        while (!queue.isEmpty()) {
            long candidate = queue.poll();
            int part = (int) candidate;
            int rank = (int) (candidate >>> 32);
            if (merged[part] || ranks[part] != rank) {
                continue;
            }
            int absorbed = next[part];
            merged[absorbed] = true;
            next[part] = next[absorbed];
            previous[next[absorbed]] = part;
            count--;
            ranks[part] = next[part] < length ? rank(piece, part, next[next[part]]) : NONE;
            if (ranks[part] != NONE) {
                queue.add(((long) ranks[part] << 32) | part);
            }
            int before = previous[part];
            if (before >= 0) {
                ranks[before] = rank(piece, before, next[part]);
                if (ranks[before] != NONE) {
                    queue.add(((long) ranks[before] << 32) | before);
                }
            }
        }
        return count;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int hash = 0x811c9dc5;
        for (int index = from; index < to; index++) {
            hash = (hash ^ (bytes[index] & 0xff)) * 0x01000193;
        }
        return hash ^ (hash >>> 15);
    }

    private static boolean sameBytes(byte[] file, int start, int length, int otherStart, int otherLength) {
        return length == otherLength && Arrays.equals(file, start, start + length, file, otherStart, otherStart + otherLength);
    }
}
