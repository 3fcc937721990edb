package dev.promptwise.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads a byte-pair tokenizer a user points to, as a jtokkit encoding, so that a model whose vocabulary jtokkit does
 * not ship (and Promptwise may not bundle: Meta's and Mistral's licences govern theirs) is counted exactly:
 * <ul>
 *   <li><b>tiktoken</b> ranks, one {@code <base64 token> <rank>} a line: Llama 3's {@code tokenizer.model} (and
 *       OpenAI's {@code *.tiktoken}), split with Llama 3's pre-tokenizer pattern;</li>
 *   <li><b>tekken</b> JSON, Mistral's {@code tekken.json}: {@code config.pattern}, {@code vocab[].token_bytes}
 *       (base64), the first {@code config.default_num_special_tokens} ranks kept for special tokens and the vocabulary
 *       cut at {@code config.default_vocab_size}.</li>
 * </ul>
 * Special tokens are not counted as such: a prompt's text is counted as ordinary text, as for every encoding.
 */
public final class TokenizerFile {

    /** The prefix of an encoding name that stands for a tokenizer file: {@code tokenizer:models/llama3.model}. */
    public static final String PREFIX = "tokenizer:";

    /** Tokenizer files larger than this are refused: Llama 3's is 2.2 MB, Mistral's tekken.json 15 MB. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    /** Llama 3's pre-tokenizer pattern, as Meta's reference tokenizer.py writes it. */
    static final String LLAMA3_PATTERN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    private TokenizerFile() {}

    /**
     * A loaded tokenizer.
     *
     * @param format {@code tiktoken} or {@code tekken}
     * @param tokens how many tokens its vocabulary has (special tokens left out)
     * @param encoding the encoding that counts with it
     */
    public record Loaded(String format, int tokens, Encoding encoding) {}

    /**
     * Loads the tokenizer in {@code bytes} under {@code name}.
     *
     * @throws IllegalArgumentException with a message a person can act on when the bytes are neither format
     */
    public static Loaded load(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("it is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        int first = 0;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first == bytes.length) {
            throw new IllegalArgumentException("it is empty");
        }
        return bytes[first] == '{' ? tekken(name, bytes) : tiktoken(name, bytes);
    }

    private static Loaded tiktoken(String name, byte[] bytes) {
        Map<byte[], Integer> ranks = new HashMap<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int lineNumber = 0;
        int start = 0;
        Base64.Decoder base64 = Base64.getDecoder();
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            try {
                if (space <= 0) {
                    throw new IllegalArgumentException("no space");
                }
                ranks.put(base64.decode(line.substring(0, space)), Integer.parseInt(line.substring(space + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + " is not '<base64 token> <rank>' (a tiktoken"
                        + " file such as Llama 3's tokenizer.model) nor is the file tekken JSON");
            }
        }
        return new Loaded("tiktoken", ranks.size(), encoding(name, LLAMA3_PATTERN, ranks));
    }

    private static Loaded tekken(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode config = root.path("config");
        JsonNode vocab = root.path("vocab");
        if (!config.path("pattern").isTextual() || !vocab.isArray()) {
            throw new IllegalArgumentException("it is JSON but not Mistral's tekken format (config.pattern and vocab)");
        }
        int special = config.path("default_num_special_tokens").asInt(0);
        int size = config.path("default_vocab_size").asInt(Integer.MAX_VALUE);
        Map<byte[], Integer> ranks = new HashMap<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode token : vocab) {
            int rank = token.path("rank").asInt(-1);
            if (rank < 0 || !token.path("token_bytes").isTextual()) {
                throw new IllegalArgumentException("vocab entry " + ranks.size() + " has no rank or token_bytes");
            }
            if (rank + special >= size) {
                continue;
            }
            try {
                ranks.put(base64.decode(token.get("token_bytes").asText()), rank + special);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vocab entry " + rank + " is not base64");
            }
        }
        return new Loaded("tekken", ranks.size(), encoding(name, config.get("pattern").asText(), ranks));
    }

    private static Encoding encoding(String name, String pattern, Map<byte[], Integer> ranks) {
        if (ranks.isEmpty()) {
            throw new IllegalArgumentException("it has no tokens");
        }
        // Byte-level BPE can count any text only when every single byte is a token.
        java.util.Set<Integer> singleBytes = new java.util.HashSet<>();
        for (byte[] token : ranks.keySet()) {
            if (token.length == 1) {
                singleBytes.add(token[0] & 0xFF);
            }
        }
        if (singleBytes.size() < 256) {
            throw new IllegalArgumentException("it has only " + singleBytes.size() + " of the 256 single-byte tokens a"
                    + " byte-level tokenizer needs");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("its pattern is not a regular expression Java reads: " + e.getDescription());
        }
        return Encodings.newLazyEncodingRegistry()
                .registerGptBytePairEncoding(new GptBytePairEncodingParams(name, compiled, ranks, Map.of()))
                .getEncoding(name).orElseThrow();
    }
}
