package dev.promptwise.core.syntax;

import static dev.promptwise.core.syntax.TemplateScannerTest.range;
import static dev.promptwise.core.syntax.TemplateScannerTest.rangeWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how GitHub Models prompt files become messages, variables mapped into the file, inputs and a model. */
class GitHubModelsParserTest {

    private static final String PROMPT = """
            name: Summariser
            model: openai/gpt-4.1-mini
            modelParameters:
              temperature: 0.3
              maxTokens: 400
            messages:
              - role: system
                content: |
                  You are {{persona}}.
                  Keep it under {{limit}} words.
              - role: User
                content: "Summarise: \\"{{text}}\\""
              - role: assistant
                content: >
                  Folded
                  {{tone}} answer
            testData:
              - text: A long article
                persona: an editor
                expected: A summary
              - text: Another
                limit: 50
            evaluators:
              - name: mentions
                string:
                  contains: '{{keyword}}'
              - name: judge
                llm:
                  prompt: 'Is {{completion}} like {{expected}}?'
            """;

    @Test
    void messagesAreTheListItemsWithScalarValuesAsContent() {
        PromptDocument document = GitHubModelsParser.parse(PROMPT);
        assertEquals(List.of("system", "user", "assistant"), document.messages().stream().map(Message::role).toList());
        assertEquals(List.of("You are {{persona}}.\nKeep it under {{limit}} words.\n", "Summarise: \"{{text}}\"",
                "Folded {{tone}} answer\n"), document.messages().stream().map(Message::content).toList());
        Message system = document.messages().get(0);
        assertEquals(PROMPT.indexOf("  - role: system"), system.range().start());
        assertEquals(PROMPT.indexOf("|\n      You are"), system.contentRange().start());
        assertTrue(system.range().end() >= system.contentRange().end());
        Message user = document.messages().get(1);
        assertEquals(range(PROMPT, "\"Summarise: \\\"{{text}}\\\"\""), user.contentRange());
    }

    @Test
    void variablesInLiteralQuotedAndFoldedContentPointIntoTheFile() {
        PromptDocument document = GitHubModelsParser.parse(PROMPT);
        assertEquals(List.of(
                new VariableUse("persona", range(PROMPT, "{{persona}}"), rangeWithin(PROMPT, "{{persona}}", "persona")),
                new VariableUse("limit", range(PROMPT, "{{limit}}"), rangeWithin(PROMPT, "{{limit}}", "limit")),
                new VariableUse("text", range(PROMPT, "{{text}}"), rangeWithin(PROMPT, "{{text}}", "text")),
                new VariableUse("tone", range(PROMPT, "{{tone}}"), rangeWithin(PROMPT, "{{tone}}", "tone")),
                new VariableUse("keyword", range(PROMPT, "{{keyword}}"),
                        rangeWithin(PROMPT, "{{keyword}}", "keyword"))), document.variables());
    }

    @Test
    void modelTokensAndTestDataInputs() {
        PromptDocument document = GitHubModelsParser.parse(PROMPT);
        assertEquals(new ModelReference("openai/gpt-4.1-mini", range(PROMPT, "openai/gpt-4.1-mini")), document.model());
        assertEquals(400, document.maxOutputTokens());
        assertTrue(document.declaresInputs());
        assertEquals(List.of(new DeclaredInput("text", rangeWithin(PROMPT, "text: A long", "text"), null, null),
                new DeclaredInput("persona", rangeWithin(PROMPT, "persona: an", "persona"), null, null),
                new DeclaredInput("limit", rangeWithin(PROMPT, "limit: 50", "limit"), null, null)),
                document.inputs());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void withoutTestDataInputsAreNotDeclared() {
        String text = "model: gpt-4o\nmessages:\n  - role: user\n    content: Hi {{name}}\n";
        PromptDocument document = GitHubModelsParser.parse(text);
        assertFalse(document.declaresInputs());
        assertNull(document.maxOutputTokens());
        assertEquals(List.of("name"), document.variables().stream().map(VariableUse::name).toList());
    }

    @Test
    void escapedContentFallsBackToSearchingTheRawText() {
        String text = "messages:\n  - role: user\n    content: \"Line\\nnext {{who}} and {{who}}\"\n";
        PromptDocument document = GitHubModelsParser.parse(text);
        assertEquals("Line\nnext {{who}} and {{who}}", document.messages().get(0).content());
        int first = text.indexOf("{{who}}");
        int second = text.indexOf("{{who}}", first + 1);
        assertEquals(List.of(new TextRange(first, first + 7), new TextRange(second, second + 7)),
                document.variables().stream().map(VariableUse::range).toList());
    }

    @Test
    void brokenPlaceholderInContentIsAProblemInTheFile() {
        String text = "messages:\n  - role: user\n    content: Hello {{name\n";
        PromptDocument document = GitHubModelsParser.parse(text);
        assertEquals(List.of(new SyntaxProblem(range(text, "{{"), "'{{' is never closed with '}}'")),
                document.problems());
    }

    @Test
    void brokenYamlGivesAProblemAndNoMessages() {
        String text = "messages:\n  - role: user\n\tcontent: hi\n";
        PromptDocument document = GitHubModelsParser.parse(text);
        assertEquals(1, document.problems().size());
        assertEquals(List.of(), document.messages());
    }

    @Test
    void messageWithoutContentIsEmpty() {
        String text = "messages:\n  - role: system\n  - content: hi\n";
        PromptDocument document = GitHubModelsParser.parse(text);
        assertEquals(List.of("system", "user"), document.messages().stream().map(Message::role).toList());
        assertEquals(List.of("", "hi"), document.messages().stream().map(Message::content).toList());
    }

    @Test
    void removingAMessagePairLeavesValidYaml() {
        PromptDocument document = GitHubModelsParser.parse(PROMPT);
        Message user = document.messages().get(1);
        Message assistant = document.messages().get(2);
        // A folded block scalar's range already ends after its line break; otherwise the fix takes the break too.
        int end = assistant.range().end();
        if (PROMPT.charAt(end) == '\n') {
            end++;
        }
        String edited = PROMPT.substring(0, user.range().start()) + PROMPT.substring(end);
        PromptDocument after = GitHubModelsParser.parse(edited);
        assertEquals(List.of(), after.problems());
        assertEquals(List.of("system"), after.messages().stream().map(Message::role).toList());
        assertEquals(document.messages().get(0).content(), after.messages().get(0).content());
    }

    @Test
    void removingPlainScalarMessagesLeavesValidYaml() {
        String text = "messages:\n  - role: user\n    content: Q1\n  - role: assistant\n    content: A1\n"
                + "  - role: user\n    content: '{{q}}'\n";
        PromptDocument document = GitHubModelsParser.parse(text);
        assertEquals("  - role: user\n    content: Q1", document.messages().get(0).range().slice(text));
        String edited = text.substring(0, document.messages().get(0).range().start())
                + text.substring(document.messages().get(1).range().end() + 1);
        PromptDocument after = GitHubModelsParser.parse(edited);
        assertEquals(List.of(), after.problems());
        assertEquals(List.of("{{q}}"), after.messages().stream().map(Message::content).toList());
    }
}
