package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line index of an edited text, derived from the earlier version's, equals the index built from scratch. */
class LineIndexEditTest {

    private static final String[] PIECES = {"a", "bc", "\n", "\r", "\r\n", "\n\r", " line\n", "", "\r\r\n"};

    @Test
    void afterEachOfManyRandomEditsTheDerivedIndexEqualsAFreshOne() {
        Random random = new Random(23);
        String text = randomText(random, 200);
        LineIndex index = LineIndex.of(text);
        for (int edit = 0; edit < 20_000; edit++) {
            int at = random.nextInt(text.length() + 1);
            int removed = Math.min(random.nextInt(4), text.length() - at);
            String inserted = randomText(random, random.nextInt(3));
            String edited = text.substring(0, at) + inserted + text.substring(at + removed);
            index = index.edited(edited, new TextChange(at, at + removed, at + inserted.length()));
            assertEquals(starts(LineIndex.of(edited)), starts(index), "after edit " + edit + " of " + text);
            text = edited;
        }
    }

    @Test
    void aBreakThatBecomesACarriageReturnLineFeedIsOneLineBreak() {
        String text = "one\rtwo";
        String edited = "one\r\ntwo";
        assertEquals(List.of(0, 5, 3), starts(LineIndex.of(text).edited(edited, new TextChange(4, 4, 5))));
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int piece = 0; piece < pieces; piece++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static List<Integer> starts(LineIndex index) {
        List<Integer> starts = new ArrayList<>();
        for (int line = 0; line < index.lineCount(); line++) {
            starts.add(index.lineStart(line));
        }
        // And the last line's length, which tells the text's length.
        starts.add(index.position(Integer.MAX_VALUE).character());
        return starts;
    }
}
