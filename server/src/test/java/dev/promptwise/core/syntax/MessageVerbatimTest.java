package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every parser says, when it makes a message, whether its content is the file's text as written; the passes that
 * then work on the file's offsets (sections, format instructions, duplicates) trust that flag instead of comparing
 * the content with the file on every analysis. Checked here against that comparison, on every prompt of the samples
 * and the corpus of other projects' files, in every format.
 */
class MessageVerbatimTest {

    @Test
    void theFlagIsTheComparisonOfContentAndFileOnEveryRealPrompt() throws IOException {
        int verbatim = 0;
        int derived = 0;
        Set<PromptFormat> formats = EnumSet.noneOf(PromptFormat.class);
        for (Path root : List.of(Path.of("..", "samples"), Path.of("src", "test", "resources", "corpus"))) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                Optional<PromptFormat> format = PromptParsers.formatOf(file.toString().replace('\\', '/'), text);
                if (format.isEmpty()) {
                    continue;
                }
                formats.add(format.get());
                for (Message message : PromptParsers.parse(format.get(), text).messages()) {
                    boolean same = message.content().equals(message.contentRange().slice(text));
                    assertEquals(same, message.verbatim(), file + ": " + message.role() + " at "
                            + message.contentRange());
                    if (same) {
                        verbatim++;
                    } else {
                        derived++;
                    }
                }
            }
        }
        assertTrue(verbatim > 20 && derived > 5, verbatim + " verbatim and " + derived + " derived messages");
        assertTrue(formats.size() >= 5, "formats seen: " + formats);
    }

    @Test
    void aDerivedMessageIsVerbatimOnlyWhereTheFileHoldsItsContent() {
        String file = "messages:\n  - content: Sort the ticket.\n  - content: 'It''s urgent'\n";
        TextRange plain = new TextRange(file.indexOf("Sort"), file.indexOf("Sort") + "Sort the ticket.".length());
        TextRange quoted = new TextRange(file.indexOf("'It"), file.indexOf("'\n") + 1);
        assertTrue(Message.derived("user", plain, plain, "Sort the ticket.", file).verbatim());
        assertEquals(false, Message.derived("user", quoted, quoted, "It's urgent", file).verbatim());
        assertEquals(false, Message.derived("user", plain, plain, "Sort the ticket!", file).verbatim(),
                "same length, other text");
        TextRange beyond = new TextRange(file.length() - 2, file.length() + 14);
        assertEquals(false, Message.derived("user", beyond, beyond, "x".repeat(16), file).verbatim(),
                "a range past the end of the file");
    }
}
