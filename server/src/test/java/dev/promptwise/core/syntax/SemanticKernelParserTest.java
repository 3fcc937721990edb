package dev.promptwise.core.syntax;

import static dev.promptwise.core.syntax.TemplateScannerTest.range;
import static dev.promptwise.core.syntax.TemplateScannerTest.rangeWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how Semantic Kernel prompt YAML becomes messages, variables, inputs and execution settings. */
class SemanticKernelParserTest {

    private static final String CHAT = """
            name: Chat
            template: |
              <message role="system">You are a {{$style}} assistant.</message>
              <message role="user">
                {{$request}}
              </message>
            template_format: semantic-kernel
            description: Chats.
            input_variables:
              - name: style
                description: How to answer.
                default: friendly
              - name: request
                is_required: true
            execution_settings:
              default:
                temperature: 0.6
              azure:
                model_id: gpt-4o
                max_tokens: 800
            """;

    @Test
    void messageElementsBecomeMessagesWithFileRanges() {
        PromptDocument document = SemanticKernelParser.parse(CHAT);
        assertEquals(PromptFormat.SEMANTIC_KERNEL, document.format());
        assertEquals(List.of("system", "user"), document.messages().stream().map(Message::role).toList());
        assertEquals(List.of("You are a {{$style}} assistant.", "{{$request}}"),
                document.messages().stream().map(Message::content).toList());
        Message system = document.messages().get(0);
        assertEquals(range(CHAT, "<message role=\"system\">You are a {{$style}} assistant.</message>"),
                system.range());
        assertEquals(range(CHAT, "You are a {{$style}} assistant."), system.contentRange());
        assertEquals(range(CHAT, "{{$request}}"), document.messages().get(1).contentRange());
    }

    @Test
    void dollarVariablesInputsAndSettings() {
        PromptDocument document = SemanticKernelParser.parse(CHAT);
        assertEquals(List.of(
                new VariableUse("style", range(CHAT, "{{$style}}"), rangeWithin(CHAT, "{{$style}}", "style")),
                new VariableUse("request", range(CHAT, "{{$request}}"),
                        rangeWithin(CHAT, "{{$request}}", "request"))), document.variables());
        assertTrue(document.declaresInputs());
        assertEquals(List.of(
                new DeclaredInput("style", rangeWithin(CHAT, "name: style", "style"),
                        range(CHAT, "  - name: style\n    description: How to answer.\n    default: friendly\n"),
                        "friendly"),
                new DeclaredInput("request", rangeWithin(CHAT, "name: request", "request"),
                        range(CHAT, "  - name: request\n    is_required: true\n"), null)), document.inputs());
        assertEquals(new ModelReference("gpt-4o", range(CHAT, "gpt-4o")), document.model());
        assertEquals(800, document.maxOutputTokens());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void templateWithoutMessagesIsOneUserMessage() {
        String text = "template: Tell a story about {{$topic}}.\ninput_variables:\n  - name: topic\n";
        PromptDocument document = SemanticKernelParser.parse(text);
        assertEquals(List.of(new Message("user", range(text, "Tell a story about {{$topic}}."),
                range(text, "Tell a story about {{$topic}}."), "Tell a story about {{$topic}}.", true)),
                document.messages());
        assertEquals(List.of("topic"), document.variables().stream().map(VariableUse::name).toList());
        assertNull(document.model());
    }

    @Test
    void handlebarsTemplatesUsePlainNamesAndMessageBlocks() {
        String text = """
                template: |
                  {{#message role="system"}}Answer {{#if formal}}formally{{/if}}.{{/message}}
                  {{#message role="user"}}{{question}}{{/message}}
                template_format: handlebars
                execution_settings:
                  model_id: gpt-4o-mini
                """;
        PromptDocument document = SemanticKernelParser.parse(text);
        assertEquals(List.of("system", "user"), document.messages().stream().map(Message::role).toList());
        assertEquals("{{question}}", document.messages().get(1).content());
        assertEquals(List.of("formal", "question"), document.variables().stream().map(VariableUse::name).toList());
        assertEquals(range(text, "{{question}}"), document.variables().get(1).range());
        assertEquals("gpt-4o-mini", document.model().id());
    }

    @Test
    void liquidTemplatesUseJinjaLikeTags() {
        String text = """
                template: |
                  {% for item in history %}{{ item.content }}{% endfor %}
                  {{ query }}
                template_format: liquid
                """;
        PromptDocument document = SemanticKernelParser.parse(text);
        assertEquals(List.of("history", "query"), document.variables().stream().map(VariableUse::name).toList());
    }

    @Test
    void unclosedPlaceholderIsAProblem() {
        String text = "template: Hi {{$name\n";
        PromptDocument document = SemanticKernelParser.parse(text);
        assertEquals(List.of(new SyntaxProblem(range(text, "{{"), "'{{' is never closed with '}}'")),
                document.problems());
    }
}
