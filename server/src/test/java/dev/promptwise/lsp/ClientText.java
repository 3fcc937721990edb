package dev.promptwise.lsp;

import java.util.Random;
import org.eclipse.lsp4j.Position;

/**
 * How a test client sees its own text, independently of the server's {@code LineIndex}: the property tests of
 * document sync compute positions with it, so that a bug in the server's conversions cannot hide in the test too.
 */
final class ClientText {

    private ClientText() {}

    /** Returns {@code pieces} random picks from {@code alphabet}, concatenated. */
    static String random(Random random, String[] alphabet, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** Moves an offset off the middle of a surrogate pair or of a CRLF, where no editor puts a cursor. */
    static int boundary(String text, int offset) {
        while (offset > 0 && offset < text.length()
                && (Character.isLowSurrogate(text.charAt(offset))
                        || (text.charAt(offset) == '\n' && text.charAt(offset - 1) == '\r'))) {
            offset--;
        }
        return offset;
    }

    /** The client's own line counting: \n, \r\n and a lone \r end a line; columns are UTF-16 units. */
    static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }

    /** Returns the offset where the line holding {@code offset} ends, before its line break. */
    static int lineContentEnd(String text, int offset) {
        int end = offset;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }
}
