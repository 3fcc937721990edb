package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins that a plain prompt file is one user message holding the file exactly, with no variables. */
class PlainTextParserTest {

    @Test
    void theWholeFileIsOneUserMessageExactly() {
        String text = "\n  You are {{not}} a template ${input:x}.\r\n\nKeep spacing.  \n";
        PromptDocument document = PromptParsers.parse(PromptFormat.PLAIN_TEXT, text);

        assertEquals(PromptFormat.PLAIN_TEXT, document.format());
        assertEquals(1, document.messages().size());
        Message message = document.messages().get(0);
        assertEquals("user", message.role());
        assertEquals(text, message.content());
        assertEquals(new TextRange(0, text.length()), message.range());
        assertEquals(new TextRange(0, text.length()), message.contentRange());
        assertTrue(document.variables().isEmpty());
        assertTrue(document.inputs().isEmpty());
        assertFalse(document.declaresInputs());
        assertNull(document.model());
        assertTrue(document.problems().isEmpty());
    }

    @Test
    void examplesWrittenInThePromptAreFound() {
        PromptDocument document = PromptParsers.parse(PromptFormat.PLAIN_TEXT, "Classify.\n\nQ: hi\nA: greeting\n");

        assertEquals(List.of(new FewShotExample(new TextRange(11, 29), "hi", "greeting", FewShotExample.Kind.TEXT)),
                document.examples());
    }

    @Test
    void anEmptyFileIsOneEmptyMessage() {
        PromptDocument document = PromptParsers.parse(PromptFormat.PLAIN_TEXT, "");

        assertEquals(List.of(new Message("user", TextRange.EMPTY, TextRange.EMPTY, "", true)), document.messages());
    }
}
