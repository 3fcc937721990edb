package dev.promptwise.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how VS Code prompt and instructions files read: one message, its role, input variables and the model. */
class VsCodePromptParserTest {

    private static final String PROMPT_FILE = """
            ---
            description: Review the selected code
            mode: agent
            model: $0Claude Sonnet 4$0
            tools: ['codebase', 'search']
            ---
            Review ${selection} in ${file} for $0${input:$1focus$1}$0 issues.
            Explain them to $0${input:$1audience$1:a junior developer}$0 in ${workspaceFolderBasename}.
            """;

    @Test
    void aPromptFileIsOneUserMessageWithItsInputVariables() {
        MarkedPromptText fixture = MarkedPromptText.of(PROMPT_FILE);
        PromptDocument document = PromptParsers.parse(PromptFormat.VSCODE_PROMPT, fixture.text(),
                ".github/prompts/review.prompt.md");

        assertEquals(PromptFormat.VSCODE_PROMPT, document.format());
        assertEquals(1, document.messages().size());
        Message message = document.messages().get(0);
        assertEquals("user", message.role());
        TextRange body = new TextRange(fixture.text().indexOf("Review ${"), fixture.text().length() - 1);
        assertEquals(body, message.contentRange());
        assertEquals(body.slice(fixture.text()), message.content());
        assertEquals(new ModelReference("Claude Sonnet 4", fixture.range(0)), document.model());
        assertEquals(List.of("focus", "audience"), document.variables().stream().map(VariableUse::name).toList());
        assertEquals(fixture.range(1), document.variables().get(0).range());
        assertEquals(fixture.inner(0), document.variables().get(0).nameRange());
        assertEquals(fixture.range(2), document.variables().get(1).range());
        assertEquals(fixture.inner(1), document.variables().get(1).nameRange());
        assertTrue(document.inputs().isEmpty());
        assertFalse(document.declaresInputs());
        assertNull(document.maxOutputTokens());
        assertTrue(document.problems().isEmpty(), document.problems().toString());
    }

    @Test
    void instructionsFilesAreSystemMessages() {
        String text = "---\napplyTo: '**/*.ts'\n---\nUse strict TypeScript.\n";
        for (String path : List.of("a/.github/instructions/ts.instructions.md", ".github/copilot-instructions.md",
                "AGENTS.md", "docs/CLAUDE.md")) {
            PromptDocument document = PromptParsers.parse(PromptFormat.VSCODE_PROMPT, "Be concise.\n", path);
            assertEquals("system", document.messages().get(0).role(), path);
            assertEquals("Be concise.", document.messages().get(0).content(), path);
        }
        assertEquals("system", PromptParsers.parse(PromptFormat.VSCODE_PROMPT, text).messages().get(0).role());
        assertEquals("user", PromptParsers.parse(PromptFormat.VSCODE_PROMPT, "Do it.").messages().get(0).role());
    }

    @Test
    void aFileWithoutFrontMatterIsAllBody() {
        PromptDocument document = PromptParsers.parse(PromptFormat.VSCODE_PROMPT, "# Rules\n\nUse tabs.\n", "AGENTS.md");

        assertEquals("# Rules\n\nUse tabs.", document.messages().get(0).content());
        assertNull(document.model());
        assertTrue(document.problems().isEmpty());
    }

    @Test
    void frontMatterThatNeverClosesIsAProblemAndTheFileIsReadAsBody() {
        MarkedPromptText fixture = MarkedPromptText.of("$0---$0\nmode: agent\nFix ${input:bug}.\n");
        PromptDocument document = PromptParsers.parse(PromptFormat.VSCODE_PROMPT, fixture.text(), "fix.prompt.md");

        assertEquals(1, document.problems().size());
        assertEquals(fixture.range(0), document.problems().get(0).range());
        assertEquals(List.of("bug"), document.variables().stream().map(VariableUse::name).toList());
    }

    @Test
    void aModelListGivesItsFirstModel() {
        PromptDocument document = PromptParsers.parse(PromptFormat.VSCODE_PROMPT,
                "---\nmodel: ['GPT-4o', 'Claude Sonnet 4']\n---\nHi\n", "x.prompt.md");

        assertEquals("GPT-4o", document.model().id());
    }

    @Test
    void aFrontMatterOfOnlyMetadataGivesNoMessage() {
        PromptDocument document = PromptParsers.parse(PromptFormat.VSCODE_PROMPT, "---\nmode: ask\n---\n\n",
                "x.prompt.md");

        assertTrue(document.messages().isEmpty());
    }
}
