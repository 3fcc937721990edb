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
}
