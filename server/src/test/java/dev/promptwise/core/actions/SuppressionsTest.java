package dev.promptwise.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads suppression comments in each format, and inserts or extends them; a file with a suppression must parse to
 * the same messages as without it, so that the comment changes nothing the model sees (except in Markdown, whose
 * HTML comments are part of the text).
 */
class SuppressionsTest {

    @Test
    void readsSeveralIdsSeparatedByCommasOrSpacesAndStopsAtTheReason() {
        String text = "# promptwise-disable few-shot-heavy,  unused-variable prompt-too-long -- reviewed in March\n"
                + "#promptwise-disable ALL cacheable-prefix\nname: x\n# promptwise-disable later-rule\n";
        assertEquals(Set.of("few-shot-heavy", "unused-variable", "prompt-too-long", "cacheable-prefix"),
                Suppressions.find(text, PromptFormat.GITHUB_MODELS));
    }

    @Test
    void readsFrontMatterHandlebarsAndHtmlComments() {
        assertEquals(Set.of("few-shot-heavy"),
                Suppressions.find("---\n# promptwise-disable few-shot-heavy\nname: x\n---\nuser:\nHi\n",
                        PromptFormat.PROMPTY));
        assertEquals(Set.of("a-rule", "b-rule"), Suppressions.find(
                "---\nmodel: x\n---\n{{! promptwise-disable a-rule }}\n{{!-- promptwise-disable b-rule --}}\nHi\n",
                PromptFormat.DOTPROMPT));
        assertEquals(Set.of("prompt-too-long"), Suppressions.find(
                "# Agents\n<!-- promptwise-disable prompt-too-long -->\nBe brief.\n", PromptFormat.VSCODE_PROMPT));
        assertEquals(Set.of(), Suppressions.find("# promptwise-disable few-shot-heavy\n", PromptFormat.PLAIN_TEXT));
        assertEquals(Set.of(), Suppressions.find("<!-- promptwise-disable x -->\n", PromptFormat.PROMPTY));
    }

    @Test
    void insertsACommentAtTheTopOfAYamlPrompt() {
        String before = "name: x\nmessages:\n  - role: user\n    content: Hi\n";
        check("prompts/a.prompt.yml", before, "few-shot-heavy",
                "# promptwise-disable few-shot-heavy\nname: x\nmessages:\n  - role: user\n    content: Hi\n");
    }

    @Test
    void insertsACommentAtTheTopOfTheFrontMatter() {
        check("prompts/x.prompty", "---\nname: x\n---\nuser:\nHi {{name}}\n", "unused-variable",
                "---\n# promptwise-disable unused-variable\nname: x\n---\nuser:\nHi {{name}}\n");
        check("prompts/s.prompt", "---\nmodel: gpt-4o\n---\nHi\n", "prompt-too-long",
                "---\n# promptwise-disable prompt-too-long\nmodel: gpt-4o\n---\nHi\n");
    }

    @Test
    void insertsABodyCommentWhereThereIsNoFrontMatter() {
        check("prompts/s.prompt", "Summarise {{thread}}.\n", "prompt-too-long",
                "{{! promptwise-disable prompt-too-long }}\nSummarise {{thread}}.\n");
        check("AGENTS.md", "# Agents\nBe brief.\n", "prompt-too-long",
                "<!-- promptwise-disable prompt-too-long -->\n# Agents\nBe brief.\n");
    }

    @Test
    void extendsTheFirstExistingComment() {
        check("prompts/a.prompt.yml", "# promptwise-disable a-rule -- why\nname: x\nmessages: []\n", "b-rule",
                "# promptwise-disable a-rule, b-rule -- why\nname: x\nmessages: []\n");
        check("prompts/s.prompt", "{{! promptwise-disable a-rule }}\nHi\n", "b-rule",
                "{{! promptwise-disable a-rule, b-rule }}\nHi\n");
        check("AGENTS.md", "<!-- promptwise-disable -->\nHi\n", "b-rule", "<!-- promptwise-disable b-rule -->\nHi\n");
    }

    @Test
    void isNotOfferedForPlainTextNorForARuleAlreadyDisabled() {
        assertTrue(Suppressions.disable("Hello\n", PromptFormat.PLAIN_TEXT, "prompt-too-long").isEmpty());
        assertTrue(Suppressions.disable("# promptwise-disable x-rule\nname: y\n", PromptFormat.LANGCHAIN, "x-rule")
                .isEmpty());
        assertTrue(Suppressions.disable("user:\nHi\n", PromptFormat.PROMPTY, "x-rule").isEmpty());
    }

    private static void check(String path, String before, String rule, String expected) {
        PromptDocument original = ActionFixtures.parse(path, before);
        Fix fix = Suppressions.disable(before, original.format(), rule).orElseThrow();
        assertEquals("Disable " + rule + " in this file", fix.title());
        String after = TextEdits.apply(before, fix.edits());
        assertEquals(expected, after);
        assertTrue(Suppressions.find(after, original.format()).contains(rule));
        PromptDocument reparsed = ActionFixtures.parse(path, after);
        assertEquals(original.format(), reparsed.format());
        assertEquals(List.of(), reparsed.problems());
        if (original.format() != PromptFormat.VSCODE_PROMPT) {
            assertEquals(contents(original), contents(reparsed));
        }
    }

    private static List<String> contents(PromptDocument document) {
        return document.messages().stream().map(message -> message.role() + ":" + message.content()).toList();
    }
}
