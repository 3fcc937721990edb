package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The o200k_base vocabulary read from the build's ranks file counts exactly the tokens of jtokkit's own. */
class O200kRanksTest {

    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void theBuildWritesTheRanksFile() {
        assertTrue(O200kRanks.load().isPresent(), "the build writes " + O200kRanks.RESOURCE + " next to O200kRanks");
    }

    @Test
    void countsTheSamplesAndMixedScriptsAsJtokkitDoes() throws IOException {
        RankTable fromRanks = O200kRanks.load().orElseThrow();
        StringBuilder texts = new StringBuilder("Hello, world! It's 2024; they'll say \"naïve café\" — 東京タワー, مرحبا 👩‍👩‍👧 "
                + "<|endoftext|> {{var}}\r\n\t  indented\n/path/to/file.py:12\n\uD800 lone \uDC00 surrogates\n");
        try (Stream<Path> samples = Files.walk(Path.of("..", "samples"))) {
            for (Path file : samples.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".png")).sorted().toList()) {
                texts.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(7);
        for (int index = 0; index < 20_000; index++) {
            texts.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f));
        }
        String text = texts.toString();
        assertEquals(JTOKKIT.countTokensOrdinary(text), fromRanks.countOrdinary(text));
        // Line by line and in random windows, so that a difference in one place cannot hide behind one elsewhere.
        for (String line : text.split("\n")) {
            assertEquals(JTOKKIT.countTokensOrdinary(line), fromRanks.countOrdinary(line), line);
        }
        for (int window = 0; window < 2_000; window++) {
            int from = random.nextInt(text.length());
            String slice = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(400)));
            assertEquals(JTOKKIT.countTokensOrdinary(slice), fromRanks.countOrdinary(slice), slice);
        }
        assertEquals(0, fromRanks.countOrdinary(""));
    }

    @Test
    void mergesShortAndLongPiecesAsJtokkitDoes() {
        RankTable fromRanks = O200kRanks.load().orElseThrow();
        Random random = new Random(11);
        // One piece each: lower-case letters from a small alphabet (many equal pairs, so ties decide) and a larger one,
        // of every length around the switch from the array merge to the queue merge, and far beyond it.
        String[] alphabets = {"ab", "aeiou", "abcdefghijklmnopqrstuvwxyz", "éàü"};
        for (int length = 1; length <= 3 * RankTable.SHORT_PIECE; length++) {
            for (String alphabet : alphabets) {
                String piece = randomWord(random, alphabet, length);
                assertEquals(JTOKKIT.countTokensOrdinary(piece), fromRanks.countOrdinary(piece), piece);
            }
        }
        for (String piece : List.of("a".repeat(100_000), randomWord(random, "abcdefghij", 50_000),
                " ".repeat(10_000) + "x", "9".repeat(10_000), "!?".repeat(5_000), "Ab".repeat(5_000))) {
            assertEquals(JTOKKIT.countTokensOrdinary(piece), fromRanks.countOrdinary(piece), piece.substring(0, 20));
        }
    }

    @Test
    void refusesBrokenRanksFiles() {
        byte[] good = new byte[4 + 256 * 2];
        good[3] = 0;
        good[2] = 1; // 256 tokens
        for (int value = 0; value < 256; value++) {
            good[4 + 2 * value] = 1;
            good[5 + 2 * value] = (byte) value;
        }
        assertEquals(256, RankTable.read(good, Pattern.compile("\\S+|\\s+")).size());
        assertEquals(2, RankTable.read(good, Pattern.compile("\\S+|\\s+")).countOrdinary("ab"));
        assertThrows(IllegalArgumentException.class, () -> RankTable.read(new byte[] {0, 0}, Pattern.compile(".")));
        assertThrows(IllegalArgumentException.class,
                () -> RankTable.read(Arrays.copyOf(good, good.length - 3), Pattern.compile(".")), "cut short");
        byte[] repeated = good.clone();
        repeated[7] = 0; // the token of byte 1 becomes byte 0 again
        assertThrows(IllegalArgumentException.class, () -> RankTable.read(repeated, Pattern.compile(".")), "repeated");
        byte[] fewer = Arrays.copyOf(good, good.length - 2);
        fewer[2] = 0;
        fewer[3] = (byte) 255; // no token for byte 255
        assertThrows(IllegalArgumentException.class, () -> RankTable.read(fewer, Pattern.compile(".")), "no byte 255");
    }

    private static String randomWord(Random random, String alphabet, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    @Test
    void theSharedCounterLoadsInTheBackgroundAndCountsTheSame() {
        TokenCounter.loadInBackground(TokenCounter.O200K_BASE);
        assertEquals(JTOKKIT.countTokensOrdinary("Promptwise loads its vocabulary early."),
                new TokenCounters().forEncoding(TokenCounter.O200K_BASE).count("Promptwise loads its vocabulary early."));
    }
}
