package dev.promptwise.core.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The o200k_base vocabulary from the ranks file the build writes ({@code src/build/WriteRanks.java}): the tokens'
 * bytes in rank order, read into a {@link RankTable} without the base64 decoding and line parsing of jtokkit's own
 * file or jtokkit's maps, which together took about 0.4 s of every cold start. The pattern and its flags are jtokkit
 * 1.1.0's for o200k_base; {@code O200kRanksTest} checks that both count the same tokens.
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

    private O200kRanks() {}

    /** Returns the vocabulary read from the ranks file, or empty when the class path has none (a build without it). */
    static Optional<RankTable> load() {
        try (InputStream in = O200kRanks.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(RankTable.read(in.readAllBytes(), PATTERN));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled " + RESOURCE, e);
        }
    }
}
