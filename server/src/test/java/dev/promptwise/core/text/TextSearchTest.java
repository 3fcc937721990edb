package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextSearch#indexOf} answers as {@link String#indexOf(String, int)} does, in any text, from anywhere. */
class TextSearchTest {

    private static final List<String> MARKERS = List.of("{{", "}}", "}}}", "--}}", "{%", "%}", "![", "{", "}", "ab",
            "a", "", "ع{", "{ع", "日本");

    @Test
    void answersAsStringIndexOfOnRandomTexts() {
        Random random = new Random(5);
        // Few letters, so that markers occur, start to occur and fall off the end often.
        String[] alphabets = {"{}%!-[ab ", "{}%!-[ab عج日本"};
        for (int round = 0; round < 3_000; round++) {
            String alphabet = alphabets[round % 2];
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String string = text.toString();
            for (String marker : MARKERS) {
                for (int from = -2; from <= length + 2; from++) {
                    assertEquals(string.indexOf(marker, from), TextSearch.indexOf(string, marker, from),
                            "'" + marker + "' in '" + string + "' from " + from);
                }
            }
        }
    }

    @Test
    void findsAMarkerAtTheVeryEndAndNotOnePastIt() {
        String text = "日本語 {{name}".repeat(1_000);
        assertEquals(text.indexOf("{{", 100), TextSearch.indexOf(text, "{{", 100));
        assertEquals(-1, TextSearch.indexOf(text, "}}", 0));
        assertEquals(text.length() + 1, TextSearch.indexOf(text + "x}}", "}}", 0));
    }

    @Test
    void aCharacterIsFoundOnlyBetweenFromAndToInShortAndLongStretches() {
        Random random = new Random(8);
        for (int round = 0; round < 400; round++) {
            // Long texts too, so that both the walk and the String search answer; '\r' rare or absent.
            int length = random.nextInt(round % 2 == 0 ? 80 : 9_000);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3_000) == 0 ? '\r' : random.nextBoolean() ? 'a' : '\n');
            }
            String string = text.toString();
            for (int probe = 0; probe < 50; probe++) {
                int from = random.nextInt(length + 3) - 1;
                int to = from + random.nextInt(length + 3);
                int expected = -1;
                for (int at = Math.max(0, from); at < Math.min(to, length); at++) {
                    if (string.charAt(at) == '\r') {
                        expected = at;
                        break;
                    }
                }
                assertEquals(expected, TextSearch.indexOf(string, '\r', from, to), "from " + from + " to " + to);
            }
        }
    }
}
