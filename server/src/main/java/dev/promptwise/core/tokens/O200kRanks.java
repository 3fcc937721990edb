package dev.promptwise.core.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds jtokkit's o200k_base encoding from the ranks file the build writes ({@code src/build/WriteRanks.java}): the
 * tokens' bytes in rank order, read without the base64 decoding and line parsing of jtokkit's own file, which took
 * about half of the vocabulary's load on a cold JVM. The pattern, its flags and the special tokens are jtokkit
 * 1.1.0's for o200k_base; {@code O200kRanksTest} checks that both encodings give the same tokens.
 */
final class O200kRanks {

    /** The ranks file on the class path, next to this class. */
    static final String RESOURCE = "o200k_base.ranks";

    /** jtokkit's o200k_base pre-token pattern: its alternatives joined with {@code |}, Unicode character classes. */
    static final Pattern PATTERN = Pattern.compile(String.join("|", List.of(
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+")), Pattern.UNICODE_CHARACTER_CLASS);

    /** jtokkit's special tokens of o200k_base. */
    static final Map<String, Integer> SPECIAL_TOKENS = Map.of("<|endoftext|>", 199_999, "<|endofprompt|>", 200_018);

    private O200kRanks() {}

    /** Returns the encoding built from the ranks file, or empty when the class path has none (a build without it). */
    static Optional<Encoding> load() {
        byte[] ranks;
        try (InputStream in = O200kRanks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            ranks = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled " + RESOURCE, e);
        }
        int count = ((ranks[0] & 0xff) << 24) | ((ranks[1] & 0xff) << 16) | ((ranks[2] & 0xff) << 8) | (ranks[3] & 0xff);
        Map<byte[], Integer> mergeableRanks = new HashMap<>(count * 4 / 3 + 1);
        int position = 4;
        for (int rank = 0; rank < count; rank++) {
            int length = ranks[position++] & 0xff;
            mergeableRanks.put(Arrays.copyOfRange(ranks, position, position + length), rank);
            position += length;
        }
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        registry.registerGptBytePairEncoding(new GptBytePairEncodingParams(TokenCounter.O200K_BASE, PATTERN,
                mergeableRanks, SPECIAL_TOKENS));
        return registry.getEncoding(TokenCounter.O200K_BASE);
    }
}
