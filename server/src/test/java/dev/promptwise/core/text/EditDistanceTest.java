package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one edit distance behind every did-you-mean, against known pairs and a recursive definition. */
class EditDistanceTest {

    @Test
    void knownPairs() {
        assertEquals(0, EditDistance.between("", ""));
        assertEquals(3, EditDistance.between("", "abc"));
        assertEquals(3, EditDistance.between("abc", ""));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
        assertEquals(1, EditDistance.between("gpt-4o-mni", "gpt-4o-mini"), "one insertion");
        assertEquals(1, EditDistance.between("trafic", "traffic"));
        assertEquals(2, EditDistance.between("ab", "ba"), "a transposition is two edits, not one");
        assertEquals(1, EditDistance.between("Model", "model"), "case is kept; callers lower-case first");
    }

    @Test
    void equalsTheRecursiveDefinitionOnRandomShortWords() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            String a = word(random);
            String b = word(random);
            int expected = recursive(a, b, a.length(), b.length(), new HashMap<>());
            assertEquals(expected, EditDistance.between(a, b), a + " / " + b);
            assertEquals(expected, EditDistance.between(b, a), "symmetric: " + a + " / " + b);
        }
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            word.append("abc-".charAt(random.nextInt(4)));
        }
        return word.toString();
    }

    /** The textbook definition over prefixes of length {@code i} and {@code j}, memoised. */
    private static int recursive(String a, String b, int i, int j, Map<Long, Integer> memo) {
        if (i == 0 || j == 0) {
            return i + j;
        }
        Long key = (long) i << 32 | j;
        Integer known = memo.get(key);
        if (known != null) {
            return known;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int result = Math.min(recursive(a, b, i - 1, j - 1, memo) + cost,
                Math.min(recursive(a, b, i - 1, j, memo) + 1, recursive(a, b, i, j - 1, memo) + 1));
        memo.put(key, result);
        return result;
    }
}
