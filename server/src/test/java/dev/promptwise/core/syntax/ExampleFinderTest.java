package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins every way an example is written, its exact range (so that deleting it leaves clean text), and the prose
 * that must not be taken for an example.
 */
class ExampleFinderTest {

    /** Finds the examples of a text that is one user message, as a plain prompt file is. */
    private static List<FewShotExample> examplesOf(String text) {
        TextRange whole = new TextRange(0, text.length());
        return ExampleFinder.find(text, List.of(new Message("user", whole, whole, text, true)));
    }

    /** Checks the examples' ranges against the fixture's marks, then what is left once they are deleted. */
    private static List<FewShotExample> check(String marked, String afterRemoval) {
        MarkedPromptText fixture = MarkedPromptText.of(marked);
        List<FewShotExample> examples = examplesOf(fixture.text());
        assertEquals(fixture.ranges(), examples.stream().map(FewShotExample::range).toList());
        StringBuilder remaining = new StringBuilder(fixture.text());
        for (int i = examples.size() - 1; i >= 0; i--) {
            remaining.delete(examples.get(i).range().start(), examples.get(i).range().end());
        }
        assertEquals(afterRemoval, remaining.toString());
        for (FewShotExample example : examples) {
            assertEquals(FewShotExample.Kind.TEXT, example.kind());
        }
        return examples;
    }

    private static void assertPair(FewShotExample example, String input, String output) {
        assertEquals(input, example.input());
        assertEquals(output, example.output());
    }

    @Test
    void inputOutputPairs() {
        List<FewShotExample> examples = check("""
                Classify the ticket.

                $0Input: The app crashes on save.
                Output: bug

                $0$0Input: Please add dark mode.
                Output: feature

                $0Now classify the next one.
                """, """
                Classify the ticket.

                Now classify the next one.
                """);

        assertPair(examples.get(0), "The app crashes on save.", "bug");
        assertPair(examples.get(1), "Please add dark mode.", "feature");
    }

    @Test
    void inputAndOutputOnTheirOwnLinesWithMultiLineTexts() {
        List<FewShotExample> examples = check("""
                Summarise.
                $0**Input:**
                First line
                second line

                **Output:**
                A summary
                in two lines.
                $0
                Now: {{text}}
                """, """
                Summarise.

                Now: {{text}}
                """);

        assertPair(examples.get(0), "First line\nsecond line", "A summary\nin two lines.");
    }

    @Test
    void questionAndAnswerPairs() {
        List<FewShotExample> examples = check("""
                $0Q: What is 2 + 2?
                A: 4
                $0$0Question: Capital of France?
                Answer: Paris
                $0Q: {{question}}
                """, """
                Q: {{question}}
                """);

        assertPair(examples.get(0), "What is 2 + 2?", "4");
        assertPair(examples.get(1), "Capital of France?", "Paris");
    }

    @Test
    void numberedExampleLabels() {
        List<FewShotExample> examples = check("""
                Label the sentiment.

                $0Example 1:
                Input: I love it
                Output: positive

                $0$0Example 2: "Terrible service" -> negative

                $0$0EXAMPLE:
                The food was fine.

                $0Your turn.
                """, """
                Label the sentiment.

                Your turn.
                """);

        assertPair(examples.get(0), "I love it", "positive");
        assertPair(examples.get(1), "\"Terrible service\"", "negative");
        assertPair(examples.get(2), "The food was fine.", "");
    }

    @Test
    void exampleTagsWithInnerPartsAreCountedOnce() {
        List<FewShotExample> examples = check("""
                <examples>
                $0<example>
                <input>Refund please</input>
                <output>billing</output>
                </example>
                $0$0<example id="2">
                <user>Where is my parcel?</user>
                <assistant>shipping</assistant>
                </example>
                $0$0<example>
                Input: My password fails
                Output: account
                </example>
                $0</examples>
                """, """
                <examples>
                </examples>
                """);

        assertEquals(3, examples.size());
        assertPair(examples.get(0), "Refund please", "billing");
        assertPair(examples.get(1), "Where is my parcel?", "shipping");
        assertPair(examples.get(2), "My password fails", "account");
    }

    @Test
    void exampleHeadingsRunToTheNextHeadingOfTheSameOrHigherLevel() {
        List<FewShotExample> examples = check("""
                # Task
                Summarise.

                ## Examples

                $0### Example 1
                Input: long text
                Output: short

                $0$0### Example 2: an edge case
                #### Note
                Input: empty
                Output: nothing to summarise

                $0## Now
                {{text}}
                """, """
                # Task
                Summarise.

                ## Examples

                ## Now
                {{text}}
                """);

        assertPair(examples.get(0), "long text", "short");
        assertPair(examples.get(1), "empty", "nothing to summarise");
    }

    @Test
    void proseIsNotAnExample() {
        String text = """
                Answer the question. For example, if asked about prices, quote the list.
                Output: JSON only.
                Examples of tone: warm, direct.
                Input: a support ticket, which may be long.
                It may span lines.

                Then reply in one line.
                ## Examples
                See the attached file, for example: prices.csv.
                """;

        assertEquals(List.of(), examplesOf(text));
    }

    @Test
    void theLiveRequestSlotIsNotAnExample() {
        assertEquals(List.of(), examplesOf("Chat politely.\n\nHuman: {{input}}\nAI:\n"));
        assertEquals(List.of(), examplesOf("Input:\nOutput:\n"));
        assertEquals(List.of(), examplesOf("Q: {{question}}\nA:"));
        assertEquals(List.of(), examplesOf("Follow the example below.\nExample:\n"));
        assertEquals(List.of(), examplesOf("### Example\n\n### Rules\nBe brief.\n"));
    }

    @Test
    void anExampleTagThatNeverClosesIsNotAnExample() {
        assertEquals(List.of(), examplesOf("<example>\nInput: a\n"));
    }

    @Test
    void userAssistantPairsBeforeTheLastUserMessageAreExamples() {
        String text = "S\nU1\nA1\nU2\nA2\nU3\nA3\n";
        List<Message> messages = List.of(
                message("system", text, "S"), message("user", text, "U1"), message("assistant", text, "A1"),
                message("user", text, "U2"), message("model", text, "A2"), message("user", text, "U3"),
                message("assistant", text, "A3"));

        List<FewShotExample> examples = ExampleFinder.find(text, messages);

        assertEquals(2, examples.size());
        assertEquals(FewShotExample.Kind.MESSAGE_PAIR, examples.get(0).kind());
        assertPair(examples.get(0), "U1", "A1");
        assertEquals("U1\nA1\n", examples.get(0).range().slice(text));
        assertPair(examples.get(1), "U2", "A2");
        assertEquals("U2\nA2\n", examples.get(1).range().slice(text));
    }

    private static Message message(String role, String text, String content) {
        int start = text.indexOf(content + "\n");
        TextRange range = new TextRange(start, start + content.length());
        return new Message(role, range, range, content, true);
    }

    @Test
    void frontMatterIsNeverSearched() {
        String text = """
                ---
                description: |
                  Input: a question
                  Output: an answer
                ---
                Answer {{question}}.
                """;

        assertEquals(List.of(), PromptParsers.parse(PromptFormat.DOTPROMPT, text).examples());
        assertEquals(List.of(), PromptParsers.parse(PromptFormat.VSCODE_PROMPT, text).examples());
    }

    @Test
    void examplesInsideADotpromptMessageHaveFileRanges() {
        String text = "---\nmodel: m\n---\n{{role \"system\"}}\nClassify.\n\nInput: a\nOutput: b\n\n{{role \"user\"}}\n{{x}}\n";
        List<FewShotExample> examples = PromptParsers.parse(PromptFormat.DOTPROMPT, text).examples();

        assertEquals(1, examples.size());
        assertEquals("Input: a\nOutput: b\n", examples.get(0).range().slice(text));
        assertTrue(examples.get(0).range().start() > text.indexOf("Classify."));
    }
}
