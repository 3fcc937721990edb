package dev.promptwise.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text the way every edge should: UTF-8, a byte order mark dropped, binary files
 * recognised, and invalid UTF-8 decoded with replacement characters and a note rather than an exception.
 */
public final class TextDecoding {

    /** How much of a file is searched for a NUL byte to call it binary. */
    private static final int BINARY_PROBE = 8192;

    /**
     * The decoded text and what, if anything, was wrong.
     *
     * @param text the text, empty for a binary file
     * @param binary whether the file looks binary (a NUL byte near its start); then it is not analysed
     * @param problem a sentence for the user when the file is binary or not valid UTF-8, or {@code null}
     */
    public record Decoded(String text, boolean binary, String problem) {}

    private TextDecoding() {}

    public static Decoded decode(byte[] bytes) {
        int probe = Math.min(bytes.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return new Decoded("", true, "Binary file (a NUL byte at byte " + i + "): not analysed");
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(buffer);
            return new Decoded(chars.toString(), false, null);
        } catch (CharacterCodingException e) {
            int badByte = firstInvalidByte(bytes, start);
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            return new Decoded(text, false, "Not valid UTF-8 (first bad byte at offset " + badByte
                    + "): decoded with replacement characters, so token counts may be off");
        }
    }

    private static int firstInvalidByte(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(buffer, out, true);
        return result.isError() ? buffer.position() : start;
    }
}
