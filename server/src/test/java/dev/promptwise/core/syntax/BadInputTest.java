package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input for the Dotprompt, VS Code and plain text parsers: each gives a document (with problems
 * where something is broken) and never an exception or a stack overflow.
 */
class BadInputTest {

    private static final List<PromptFormat> FORMATS =
            List.of(PromptFormat.DOTPROMPT, PromptFormat.VSCODE_PROMPT, PromptFormat.PLAIN_TEXT);

    @Test
    void binaryBytesGiveADocument() {
        String binary = "\u0000\u0001\uFFFD{{\u0000}}\uD800 }} {{#if \u0000}}\n\uDC00---\n\u0000Input: \u0000\nOutput: x";
        for (PromptFormat format : FORMATS) {
            PromptDocument document = PromptParsers.parse(format, binary);
            assertEquals(binary, document.text(), format.id());
            assertFalse(document.messages().isEmpty(), format.id());
        }
    }

    @Test
    void binaryBytesInFrontMatterAreAProblem() {
        String text = "---\nmodel: a\u0000b\n---\nHello\n";
        for (PromptFormat format : List.of(PromptFormat.DOTPROMPT, PromptFormat.VSCODE_PROMPT)) {
            PromptDocument document = PromptParsers.parse(format, text);
            assertFalse(document.problems().isEmpty(), format.id());
            assertEquals("Hello", document.messages().get(0).content(), format.id());
        }
    }

    @Test
    void aTwentyMegabyteFileIsReadWhole() {
        StringBuilder builder = new StringBuilder();
        int variables = 0;
        int examples = 0;
        int headings = 0;
        for (int line = 0; builder.length() < 20 * 1024 * 1024; line++) {
            if (line % 100 == 0) {
                builder.append("## Part ").append(line).append("\n\nInput: {{q}} text\nOutput: answer\n\n");
                headings++;
                examples++;
            } else {
                builder.append("Ordinary prose about {{q}}, with a } brace and { another, line ").append(line)
                        .append(".\n");
            }
            variables++;
        }
        String body = builder.toString();
        String text = "---\nmodel: gemini-2.5-flash\n---\n" + body;

        PromptDocument dotprompt = PromptParsers.parse(PromptFormat.DOTPROMPT, text);
        assertEquals(variables, dotprompt.variables().size());
        assertEquals(examples, dotprompt.examples().size());
        assertEquals(1, dotprompt.messages().size());
        assertTrue(dotprompt.problems().isEmpty());

        PromptDocument plain = PromptParsers.parse(PromptFormat.PLAIN_TEXT, body);
        assertEquals(examples, plain.examples().size());

        PromptDocument vsCode = PromptParsers.parse(PromptFormat.VSCODE_PROMPT, text.replace("{{q}}", "${input:q}"));
        assertEquals(variables, vsCode.variables().size());

        assertEquals(headings, Sections.find(body, new TextRange(0, body.length())).size());
    }

    @Test
    void aHugeSingleLineIsReadWhole() {
        String line = "# " + " ".repeat(5_000_000) + "{{" + "x".repeat(1_000_000);

        PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, line);

        assertEquals(1, document.problems().size());
        assertEquals(new TextRange(5_000_002, line.length()), document.problems().get(0).range());
        List<Section> sections = Sections.find(line, new TextRange(0, line.length()));
        assertEquals(1, sections.size());
        assertEquals(new TextRange(5_000_002, line.length()), sections.get(0).titleRange());
    }

    @Test
    void frontMatterThatNeverClosesIsAProblem() {
        String text = "---\nmodel: gpt-4o\ndescription: no end\n";
        for (PromptFormat format : List.of(PromptFormat.DOTPROMPT, PromptFormat.VSCODE_PROMPT)) {
            PromptDocument document = PromptParsers.parse(format, text);
            assertEquals(new TextRange(0, 3), document.problems().get(0).range(), format.id());
        }
    }

    @Test
    void aTabInFrontMatterIsAYamlProblem() {
        String text = "---\nmodel: gpt-4o\ntools:\n\t- search\n---\nBody\n";
        for (PromptFormat format : List.of(PromptFormat.DOTPROMPT, PromptFormat.VSCODE_PROMPT)) {
            PromptDocument document = PromptParsers.parse(format, text);
            assertEquals(1, document.problems().size(), format.id());
            assertTrue(document.problems().get(0).range().end() <= text.indexOf("---", 3), format.id());
            assertEquals("Body", document.messages().get(0).content(), format.id());
        }
    }

    @Test
    void deeplyNestedYamlIsRefused() {
        String text = "---\na: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nBody\n";

        PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, text);

        assertFalse(document.problems().isEmpty());
        assertEquals("Body", document.messages().get(0).content());
    }

    @Test
    void unbalancedBracesAreProblemsNotExceptions() {
        String text = "{{{{ a }} }}}} {{ {{ }} {{{x}} {{/}} {{#}} {{^}} {{> }} {{& }} {{=<% %>=}}";

        PromptDocument document = PromptParsers.parse(PromptFormat.DOTPROMPT, text);

        assertFalse(document.problems().isEmpty());
        for (SyntaxProblem problem : document.problems()) {
            assertTrue(problem.range().end() <= text.length(), problem.toString());
        }
    }

    @Test
    void tenThousandNestedBlocksNeitherOverflowNorLoseTheirVariables() {
        int depth = 10_000;
        String closed = "{{#if a}}".repeat(depth) + "deep" + "{{/if}}".repeat(depth);
        String unclosed = "{{#if a}}\n".repeat(depth) + "deep";
        String eachInEach = "{{#each a}}".repeat(depth) + "{{b}}" + "{{/each}}".repeat(depth);

        PromptDocument closedDocument = PromptParsers.parse(PromptFormat.DOTPROMPT, closed);
        assertTrue(closedDocument.problems().isEmpty());
        assertEquals(depth, closedDocument.variables().size());
        assertEquals("deep", closedDocument.messages().get(0).content().replaceAll("\\{\\{[^}]*}}", ""));

        PromptDocument unclosedDocument = PromptParsers.parse(PromptFormat.DOTPROMPT, unclosed);
        assertEquals(depth, unclosedDocument.problems().size());
        assertEquals(new TextRange(0, 9), unclosedDocument.problems().get(0).range());

        PromptDocument eachDocument = PromptParsers.parse(PromptFormat.DOTPROMPT, eachInEach);
        assertEquals(1, eachDocument.variables().size());
        assertTrue(eachDocument.problems().isEmpty());
    }
}
