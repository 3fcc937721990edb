package dev.promptwise.core.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tokenizer files load into encodings that count as their vocabulary says. Llama 3's and Mistral's vocabularies
 * cannot be fetched here (nor bundled), so the tests build files of their formats from a vocabulary whose counts are
 * known: jtokkit's own {@code cl100k_base.tiktoken} (the tiktoken format Llama 3's {@code tokenizer.model} uses,
 * and Llama 3's first 100,000 tokens), and a {@code tekken.json} made of the same ranks. Both must count every text
 * of the samples exactly as jtokkit's cl100k_base does.
 */
class TokenizerFileTest {

    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    /** cl100k_base's pattern: the regular expression OpenAI's tiktoken splits with. */
    private static final String CL100K_PATTERN = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+";

    static byte[] cl100kTiktoken() throws IOException {
        try (InputStream in = Encoding.class.getResourceAsStream("/com/knuddels/jtokkit/cl100k_base.tiktoken")) {
            return in.readAllBytes();
        }
    }

    /** A tekken.json of cl100k's ranks: 1,000 ranks kept for special tokens, as Mistral's files keep. */
    static byte[] cl100kTekken(String pattern) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode config = root.putObject("config");
        config.put("pattern", pattern);
        config.put("default_num_special_tokens", 1000);
        config.put("default_vocab_size", 1000 + 100_256);
        ArrayNode vocab = root.putArray("vocab");
        for (String line : new String(cl100kTiktoken(), StandardCharsets.US_ASCII).split("\n")) {
            String[] parts = line.split(" ");
            vocab.addObject().put("rank", Integer.parseInt(parts[1])).put("token_bytes", parts[0])
                    .putNull("token_str");
        }
        return json.writeValueAsBytes(root);
    }

    private static List<String> sampleTexts() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "Hello, world!", "  indented\n\n\ttabs\r\nand CRLF  ",
                "naïve café — 東京 🎉 مرحبا 12345678 'll 've 'RE", "x".repeat(5000)));
        try (Stream<Path> files = Files.walk(Path.of("..", "samples"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!file.toString().endsWith(".png")) {
                    texts.add(Files.readString(file));
                }
            }
        }
        return texts;
    }

    @Test
    void aTiktokenFileCountsAsItsVocabularyDoes() throws IOException {
        TokenizerFile.Loaded loaded = TokenizerFile.load("tokenizer:llama.model", cl100kTiktoken());
        assertEquals("tiktoken", loaded.format());
        assertEquals(100_256, loaded.tokens());
        // Llama 3's pattern differs from cl100k's only in details no sample text reaches; the counts agree.
        for (String text : sampleTexts()) {
            assertEquals(CL100K.countTokensOrdinary(text), loaded.encoding().countTokensOrdinary(text),
                    () -> "text starting " + text.substring(0, Math.min(40, text.length())));
        }
    }

    @Test
    void aTekkenFileCountsWithItsOwnPatternAndRanksAfterTheSpecialTokens() throws IOException {
        TokenizerFile.Loaded loaded = TokenizerFile.load("tokenizer:tekken.json", cl100kTekken(CL100K_PATTERN));
        assertEquals("tekken", loaded.format());
        assertEquals(100_256, loaded.tokens());
        for (String text : sampleTexts()) {
            assertEquals(CL100K.countTokensOrdinary(text), loaded.encoding().countTokensOrdinary(text));
        }
        // The ranks are offset by the special tokens: the ids are cl100k's plus 1,000.
        assertEquals(CL100K.encodeOrdinary("Hello").get(0) + 1000, loaded.encoding().encodeOrdinary("Hello").get(0));
    }

    @Test
    void aCounterOverALoadedTokenizerCountsLikeItAndSaysWhichItIs() throws IOException {
        TokenCounters counters = new TokenCounters();
        String name = TokenizerFile.PREFIX + "models/llama3.model";
        assertFalse(counters.canCount(name));
        byte[] file = cl100kTiktoken();
        counters.loadTokenizer(name, () -> Optional.of(file));
        assertTrue(counters.canCount(name));
        TokenCounter counter = counters.forEncoding(name);
        assertEquals(name, counter.encoding());
        for (String text : sampleTexts()) {
            assertEquals(CL100K.countTokensOrdinary(text), counter.count(text));
        }
        counters.forgetTokenizer(name);
        assertFalse(counters.canCount(name), "forgotten, so that a changed file is read again");
    }

    @Test
    void aFileThatIsNeitherFormatIsRefusedWithTheReason() throws IOException {
        TokenCounters counters = new TokenCounters();
        counters.loadTokenizer("tokenizer:bad.model", () -> Optional.of("just words\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("line 1 is not '<base64 token> <rank>' (a tiktoken file such as Llama 3's"
                + " tokenizer.model) nor is the file tekken JSON"), counters.tokenizerProblem("tokenizer:bad.model"));
        assertFalse(counters.canCount("tokenizer:bad.model"));
        counters.loadTokenizer("tokenizer:gone.model", Optional::empty);
        assertEquals(Optional.of("it cannot be read"), counters.tokenizerProblem("tokenizer:gone.model"));

        assertEquals("it is empty", assertThrows(IllegalArgumentException.class,
                () -> TokenizerFile.load("t", new byte[] {' ', '\n'})).getMessage());
        assertEquals("it is JSON but not Mistral's tekken format (config.pattern and vocab)", assertThrows(
                IllegalArgumentException.class, () -> TokenizerFile.load("t", "{\"a\": 1}".getBytes())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TokenizerFile.load("t", "{\"config\": ".getBytes())).getMessage().startsWith("it is not valid JSON"));
        // Three tokens: not a byte-level vocabulary, which could not count every text.
        byte[] tiny = "YQ== 0\nYg== 1\nYWI= 2\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("it has only 2 of the 256 single-byte tokens a byte-level tokenizer needs", assertThrows(
                IllegalArgumentException.class, () -> TokenizerFile.load("t", tiny)).getMessage());
        byte[] badPattern = cl100kTekken("(unclosed");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenizerFile.load("t", badPattern))
                .getMessage().startsWith("its pattern is not a regular expression Java reads"));
    }
}
