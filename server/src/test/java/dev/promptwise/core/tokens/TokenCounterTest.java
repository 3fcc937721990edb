package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the token counter against OpenAI's tokenizer and checks that cutting text into segments never changes a count. */
class TokenCounterTest {

    private static final List<String> ENCODINGS = List.of(TokenCounter.O200K_BASE, TokenCounter.CL100K_BASE);

    /**
     * The reference counts in {@code tokens/reference-counts.json} were made by {@code tokens/make-reference.mjs}
     * with the npm packages tiktoken 1.0.22 (OpenAI's tokenizer built to WebAssembly, {@code encode_ordinary}) and
     * gpt-tokenizer 4.0.0, which had to agree on every text; the script's header says how to run it again.
     */
    @Test
    void countsMatchOpenAiTokenizerExactly() throws IOException {
        JsonNode cases = referenceCases();
        assertTrue(cases.size() >= 30, "the reference should hold about thirty texts");
        List<String> mismatches = new ArrayList<>();
        for (JsonNode referenceCase : cases) {
            String text = referenceCase.get("text").asText();
            for (String encoding : ENCODINGS) {
                int expected = referenceCase.get(encoding).asInt();
                int actual = TokenCounter.forEncoding(encoding).count(text);
                if (expected != actual) {
                    mismatches.add(referenceCase.get("name").asText() + " " + encoding + ": expected " + expected
                            + " but counted " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryText() {
        TokenCounter counter = TokenCounter.forEncoding(TokenCounter.O200K_BASE);
        int count = counter.count("<|endoftext|>");
        assertTrue(count > 1, "<|endoftext|> as text is several tokens, not the one special token: " + count);
    }

    @Test
    void emptyTextHasNoTokens() {
        assertEquals(0, TokenCounter.forEncoding(TokenCounter.CL100K_BASE).count(""));
    }

    @Test
    void countersAreSharedPerEncoding() {
        assertSame(TokenCounter.forEncoding("o200k_base"), TokenCounter.forEncoding("o200k_base"));
        assertEquals("cl100k_base", TokenCounter.forEncoding("cl100k_base").encoding());
    }

    @Test
    void vocabularyLoadsOnFirstCountNotOnCreation() {
        TokenCounter counter = TokenCounter.withPrivateCache(TokenCounter.CL100K_BASE, 1_000);
        assertFalse(counter.isVocabularyLoaded());
        assertEquals(2, counter.count("hello world"));
        assertTrue(counter.isVocabularyLoaded());
    }

    @Test
    void concurrentCountsAgreeWithSingleThreadedCounts() throws Exception {
        TokenCounter counter = TokenCounter.withPrivateCache(TokenCounter.O200K_BASE, 50_000);
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            texts.add(randomTextWithLineBreaks(random, 50 + random.nextInt(200)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(threads.submit(() -> texts.stream().map(counter::count).toList()));
            }
            List<Integer> expected = texts.stream().map(counter::countWhole).toList();
            for (Future<List<Integer>> result : results) {
                assertEquals(expected, result.get(1, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void unknownEncodingIsRejected() {
        assertFalse(TokenCounter.isKnownEncoding("p99k_base"));
        assertThrows(IllegalArgumentException.class, () -> TokenCounter.forEncoding("p99k_base"));
    }

    @Test
    void segmentCountsAddUpToTheWholeCountForReferenceAndGeneratedTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (JsonNode referenceCase : referenceCases()) {
            texts.add(referenceCase.get("text").asText());
        }
        Random random = new Random(20260905L);
        for (int index = 0; index < 400; index++) {
            texts.add(randomTextWithLineBreaks(random, 20 + random.nextInt(400)));
        }
        assertSegmentsAddUp(texts);
    }

    @Test
    void segmentCountsAddUpToTheWholeCountForEveryCorpusFile() throws IOException {
        Path corpus = Path.of("src", "test", "resources", "corpus");
        assertTrue(Files.isDirectory(corpus), "corpus folder not found: " + corpus);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertTrue(texts.size() > 50, "the corpus holds many files, found " + texts.size());
        assertSegmentsAddUp(texts);
    }

    @Test
    void lineBreakBeforeWhiteSpaceOrSlashIsNoCut() {
        String text = "first line\n  indented\n/slash\n\u00a0no-break space\nnext";
        List<Integer> starts = TokenCounter.segmentStarts(text);
        assertEquals(List.of(0, text.indexOf("next")), starts);
    }

    @Test
    void editRetokenizesOnlyTheTouchedSegment() {
        TokenCounter counter = TokenCounter.withPrivateCache(TokenCounter.O200K_BASE, 1_000_000);
        StringBuilder prompt = new StringBuilder();
        for (int line = 0; line < 500; line++) {
            prompt.append("Line ").append(line).append(": classify the ticket and answer in JSON, please.\n");
        }
        String original = prompt.toString();
        int segmentCount = TokenCounter.segmentStarts(original).size();
        int originalCount = counter.count(original);
        assertEquals(segmentCount, counter.tokenizedSegments());

        String edited = original.replace("Line 250: classify", "Line 250: Classify");
        int editedCount = counter.count(edited);

        assertEquals(segmentCount + 1, counter.tokenizedSegments(), "only the edited line is tokenized again");
        assertEquals(counter.countWhole(edited), editedCount);
        assertEquals(counter.countWhole(original), originalCount);
    }

    @Test
    void largeTextCountedOnSeveralThreadsMatchesTheWholeCountAndIsCached() throws IOException {
        StringBuilder large = new StringBuilder();
        Random random = new Random(20261128L);
        JsonNode cases = referenceCases();
        while (large.length() < 3 * TokenCounter.PARALLEL_CHARACTERS) {
            large.append(cases.get(random.nextInt(cases.size())).get("text").asText())
                    .append(" #").append(random.nextInt()).append('\n');
        }
        String text = large.toString();
        for (String encoding : ENCODINGS) {
            TokenCounter counter = TokenCounter.withPrivateCache(encoding, 4 * TokenCounter.PARALLEL_CHARACTERS);
            int segments = TokenCounter.segmentStarts(text).size();

            assertEquals(counter.countWhole(text), counter.count(text), encoding);
            assertEquals(segments, counter.tokenizedSegments(), encoding + ": every segment tokenized once");
            assertEquals(counter.countWhole(text), counter.count(text), encoding + ", counted again from the cache");
            assertEquals(segments, counter.tokenizedSegments(), encoding + ": the second count tokenized nothing");
        }
    }

    @Test
    void editsOfALargeTextReuseTheUnchangedSegmentsAndCountAsTheWholeText() throws IOException {
        StringBuilder large = new StringBuilder();
        Random random = new Random(7L);
        JsonNode cases = referenceCases();
        while (large.length() < 2 * TokenCounter.LARGE_TEXT_CHARACTERS) {
            large.append(cases.get(random.nextInt(cases.size())).get("text").asText())
                    .append(" #").append(random.nextInt()).append('\n');
        }
        String[] insertions = {"x", "\n", "\n\n  ", " ", "/", "\r\n", "新", "👩🏽‍💻", "", "\u00a0"};
        for (String encoding : ENCODINGS) {
            TokenCounter counter = TokenCounter.withPrivateCache(encoding, 1 << 22);
            String text = large.toString();
            assertEquals(counter.countWhole(text), counter.count(text), encoding);
            for (int edit = 0; edit < 60; edit++) {
                // Insert, replace or delete a little at a random place, at the ends too, as typing does.
                int at = edit % 10 == 0 ? 0 : edit % 10 == 1 ? text.length() : random.nextInt(text.length() + 1);
                int removed = Math.min(text.length() - at, random.nextInt(3));
                // An editor never splits a surrogate pair; neither does this test.
                if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                    at--;
                }
                if (at + removed < text.length() && Character.isLowSurrogate(text.charAt(at + removed))) {
                    removed++;
                }
                String inserted = insertions[random.nextInt(insertions.length)];
                text = text.substring(0, at) + inserted + text.substring(at + removed);
                long tokenizedBefore = counter.tokenizedSegments();

                assertEquals(counter.countWhole(text), counter.count(text), encoding + ", edit " + edit + " at " + at);
                assertTrue(counter.tokenizedSegments() - tokenizedBefore <= 4,
                        "an edit retokenizes a few segments, not " + (counter.tokenizedSegments() - tokenizedBefore));
            }
        }
    }

    @Test
    void cacheStaysWithinItsCharacterLimit() {
        TokenCounter counter = TokenCounter.withPrivateCache(TokenCounter.CL100K_BASE, 2_000);
        StringBuilder prompt = new StringBuilder();
        for (int line = 0; line < 1_000; line++) {
            prompt.append("Segment number ").append(line).append(" has enough text to be cached.\n");
        }
        counter.count(prompt.toString());
        assertTrue(counter.cachedCharacters() > 0, "long segments are cached");
        assertTrue(counter.cachedCharacters() <= 2_000, "cached " + counter.cachedCharacters() + " characters");
    }

    @Test
    void messagesAddTheChatFormatOverhead() {
        TokenCounter counter = TokenCounter.forEncoding(TokenCounter.O200K_BASE);
        List<String> contents = List.of("You are terse.", "Say hello.");
        int textTokens = counter.count(contents.get(0)) + counter.count(contents.get(1));

        TokenCount count = counter.countMessages(contents, false);

        assertEquals(new TokenCount(textTokens, textTokens + 2 * 3 + 3, "o200k_base", false), count);
        assertEquals(new TokenCount(0, 0, "o200k_base", true), counter.countMessages(List.of(), true));
    }

    private static void assertSegmentsAddUp(List<String> texts) {
        int textsWithSeveralSegments = 0;
        List<String> mismatches = new ArrayList<>();
        for (String text : texts) {
            if (TokenCounter.segmentStarts(text).size() > 1) {
                textsWithSeveralSegments++;
            }
            for (String encoding : ENCODINGS) {
                TokenCounter counter = TokenCounter.forEncoding(encoding);
                int whole = counter.countWhole(text);
                int bySegments = counter.count(text);
                if (whole != bySegments) {
                    mismatches.add(encoding + " whole " + whole + " but segments " + bySegments + " for: "
                            + text.substring(0, Math.min(80, text.length())));
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(textsWithSeveralSegments * 2 > texts.size(),
                "most texts should be cut into segments, or the check proves little");
    }

    /** Builds text from pieces chosen to sit around line breaks: white space, slashes, punctuation, letters. */
    private static String randomTextWithLineBreaks(Random random, int pieces) {
        String[] alphabet = {
            "\n", "\n", "\r\n", "\r", " ", "  ", "\t", "/", "//", "word", "Word", "WORD", "'s", "'LL", "123", "4567",
            ";", "!!", "...", "{{x}}", "é", "中文", "👍🏽", "\u00a0", "\u3000", "\u2028", "\u0085", "-", "#", "```"
        };
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < pieces; index++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    private static JsonNode referenceCases() throws IOException {
        try (InputStream stream = TokenCounterTest.class.getResourceAsStream("/tokens/reference-counts.json")) {
            assertTrue(stream != null, "tokens/reference-counts.json is on the test class path");
            return new ObjectMapper().readTree(stream).get("cases");
        }
    }
}
