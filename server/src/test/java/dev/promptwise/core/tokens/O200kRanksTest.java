package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The o200k_base encoding built from the build's ranks file gives exactly the tokens of jtokkit's own. */
class O200kRanksTest {

    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void theBuildWritesTheRanksFile() {
        assertTrue(O200kRanks.load().isPresent(), "the build writes " + O200kRanks.RESOURCE + " next to O200kRanks");
    }

    @Test
    void encodesTheSamplesAndMixedScriptsAsJtokkitDoes() throws IOException {
        Encoding fromRanks = O200kRanks.load().orElseThrow();
        StringBuilder texts = new StringBuilder("Hello, world! It's 2024; they'll say \"naïve café\" — 東京タワー, مرحبا 👩‍👩‍👧 "
                + "<|endoftext|> {{var}}\r\n\t  indented\n/path/to/file.py:12\n");
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
        assertEquals(JTOKKIT.encodeOrdinary(text).boxed(), fromRanks.encodeOrdinary(text).boxed());
    }

    @Test
    void theSharedCounterLoadsInTheBackgroundAndCountsTheSame() {
        TokenCounter.loadInBackground(TokenCounter.O200K_BASE);
        assertEquals(JTOKKIT.countTokensOrdinary("Promptwise loads its vocabulary early."),
                new TokenCounters().forEncoding(TokenCounter.O200K_BASE).count("Promptwise loads its vocabulary early."));
    }
}
