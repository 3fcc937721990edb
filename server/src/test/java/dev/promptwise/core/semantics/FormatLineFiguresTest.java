package dev.promptwise.core.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The format-line figures of a large content after an edit, found from the earlier version's (reading only the lines
 * the edit touched, or walking every line with the earlier figures), equal a walk from scratch: random edits of a
 * generated prompt, some of which add, break or move the examples whose lines are left out.
 */
class FormatLineFiguresTest {

    private static final String HEAD = "---\nname: generated\n---\nsystem:\n";
    private static final String TAIL = "\nuser:\n{{question}}\n";
    private static final Pattern EXAMPLE = Pattern.compile("(?s)<example>.*?</example>");

    /** A figure that depends on the line's text alone, as the token count of a format line does. */
    private static final ToIntFunction<String> FIGURE = line -> line.toLowerCase().contains("json")
            || line.contains("YAML") ? line.length() : 0;

    @Test
    void afterEachOfManyRandomEditsTheFiguresEqualAWalkFromScratch() {
        Random random = new Random(41);
        String body = LargePromptEdits.body(random, 40_000);
        String tail = TAIL;
        String text = HEAD + body + tail;
        FormatLineFigures figures = FormatLineFigures.of(text, "o200k_base", content(text, tail), examples(text, tail),
                FIGURE);
        int readAroundTheEdit = 0;
        int edits = 1_500;
        for (int edit = 0; edit < edits; edit++) {
            String old = text;
            TextChange[] recorded = new TextChange[1];
            if (random.nextInt(20) == 0) {
                // An edit after the content, in the user message: the content stays, the figures too.
                tail = tail + "more words\n";
                text = HEAD + body + tail;
                recorded[0] = TextChange.compare(old, text);
            } else {
                body = LargePromptEdits.editAndRecord(random, body,
                        (before, after, change) -> recorded[0] = new TextChange(change.start() + HEAD.length(),
                                change.oldEnd() + HEAD.length(), change.newEnd() + HEAD.length()));
                text = HEAD + body + tail;
            }
            // The editor's range of the edit, or the narrowest one a comparison finds: both are the change.
            TextChange change = random.nextBoolean() ? recorded[0] : TextChange.compare(old, text);
            TextRange content = content(text, tail);
            RangeCover examples = examples(text, tail);
            FormatLineFigures fromScratch = FormatLineFigures.of(text, "o200k_base", content, examples, FIGURE);
            FormatLineFigures walked = FormatLineFigures.walk(text, "o200k_base", content, examples, FIGURE, figures,
                    change);
            assertEquals(fromScratch, walked, "walk reusing the earlier figures, edit " + edit + " " + change);
            FormatLineFigures around = figures.after(change, text, content, examples, FIGURE);
            if (around != null) {
                readAroundTheEdit++;
                assertEquals(fromScratch, around, "read around the edit, edit " + edit + " " + change);
                assertEquals(fromScratch.total(), around.total());
            }
            figures = around != null ? around : walked;
        }
        // Most edits leave the examples outside them alone, and are read around; a regression to walking every line
        // would still be right, and slow: this says it has not happened.
        assertTrue(readAroundTheEdit > edits / 2, readAroundTheEdit + " of " + edits + " read around the edit");
    }

    @Test
    void theTotalIsTheSumOfTheFormatLinesOutsideTheExamples() {
        String text = HEAD + "Answer in JSON.\n<example>\nJSON inside\n</example>\nplain\nReturn YAML keys.\n" + TAIL;
        FormatLineFigures figures = FormatLineFigures.of(text, "o200k_base", content(text, TAIL), examples(text, TAIL),
                FIGURE);
        // Counted by hand: the two format lines outside the example, by the figure above (their lengths).
        assertEquals("Answer in JSON.".length() + "Return YAML keys.".length(), figures.total());
        assertEquals(3, figures.count(), "the lines outside the example: " + figures);
    }

    @Test
    void anEditThatMovesAnExampleOutsideItIsNotReadAround() {
        String text = HEAD + "Answer in JSON.\n".repeat(50) + "<example>\nJSON\n</example>\n" + TAIL;
        FormatLineFigures figures = FormatLineFigures.of(text, "o200k_base", content(text, TAIL), examples(text, TAIL),
                FIGURE);
        // Closing the example earlier changes its end, which lies after the edit: only a walk is right.
        int at = text.indexOf("JSON\n</example>");
        String edited = text.substring(0, at) + "</example>" + text.substring(at);
        TextChange change = TextChange.compare(text, edited);
        assertNull(figures.after(change, edited, content(edited, TAIL), examples(edited, TAIL), FIGURE));
        assertEquals(FormatLineFigures.of(edited, "o200k_base", content(edited, TAIL), examples(edited, TAIL), FIGURE),
                FormatLineFigures.walk(edited, "o200k_base", content(edited, TAIL), examples(edited, TAIL), FIGURE,
                        figures, change));
    }

    private static TextRange content(String text, String tail) {
        return new TextRange(HEAD.length(), text.length() - tail.length());
    }

    /** The example blocks of the content: a function of the text, so an edit can add, break or move them. */
    private static RangeCover examples(String text, String tail) {
        List<TextRange> ranges = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(text);
        matcher.region(HEAD.length(), text.length() - tail.length());
        while (matcher.find()) {
            ranges.add(new TextRange(matcher.start(), matcher.end()));
        }
        return RangeCover.of(ranges);
    }
}
