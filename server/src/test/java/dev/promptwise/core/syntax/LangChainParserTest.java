package dev.promptwise.core.syntax;

import static dev.promptwise.core.syntax.TemplateScannerTest.range;
import static dev.promptwise.core.syntax.TemplateScannerTest.rangeWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how LangChain prompt YAML becomes one message, f-string variables, declared inputs and examples. */
class LangChainParserTest {

    @Test
    void promptTemplateWithFStringVariables() {
        String text = """
                _type: prompt
                input_variables: ["adjective", "content"]
                template: 'Tell me a {adjective} joke about {content}. Answer as {{"joke": "..."}}'
                """;
        PromptDocument document = LangChainParser.parse(text);
        assertEquals(PromptFormat.LANGCHAIN, document.format());
        String template = "Tell me a {adjective} joke about {content}. Answer as {{\"joke\": \"...\"}}";
        assertEquals(List.of(new Message("user", range(text, "template: '" + template + "'"),
                range(text, "'" + template + "'"), template, false)), document.messages());
        assertEquals(List.of(
                new VariableUse("adjective", range(text, "{adjective}"), rangeWithin(text, "{adjective}", "adjective")),
                new VariableUse("content", range(text, "{content}"), rangeWithin(text, "{content}", "content"))),
                document.variables());
        assertTrue(document.declaresInputs());
        assertEquals(List.of(
                new DeclaredInput("adjective", range(text, "\"adjective\""), range(text, "\"adjective\", "), null),
                new DeclaredInput("content", range(text, "\"content\""), range(text, ", \"content\""), null)),
                document.inputs());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void unbalancedSingleBracesAreProblems() {
        String text = "_type: prompt\ninput_variables: []\ntemplate: 'Return {\"a\": {value}}'\n";
        PromptDocument document = LangChainParser.parse(text);
        assertEquals(List.of(new SyntaxProblem(range(text, "{\"a\": {value}}"),
                "'{\"a\": {value}}' is not a variable placeholder; write '{{' and '}}' for literal braces")),
                document.problems());
        assertEquals(List.of("value"), document.variables().stream().map(VariableUse::name).toList());
        String unbalanced = "_type: prompt\ntemplate: 'Return {a and b} }'\n";
        assertEquals(List.of(new SyntaxProblem(range(unbalanced, "{a and b}"),
                "'{a and b}' is not a variable placeholder; write '{{' and '}}' for literal braces"),
                new SyntaxProblem(new TextRange(unbalanced.lastIndexOf("}"), unbalanced.lastIndexOf("}") + 1),
                        "Single '}' outside a placeholder; write '}}' for a literal brace")),
                LangChainParser.parse(unbalanced).problems());
    }

    @Test
    void mustacheAndJinjaTemplateFormats() {
        String mustache = "_type: prompt\ntemplate_format: mustache\ntemplate: Hi {{name}} {single}\n";
        assertEquals(List.of("name"),
                LangChainParser.parse(mustache).variables().stream().map(VariableUse::name).toList());
        String jinja = "_type: prompt\ntemplate_format: jinja2\ntemplate: \"{% for x in xs %}{{ x }}{% endfor %}\"\n";
        assertEquals(List.of("xs"), LangChainParser.parse(jinja).variables().stream().map(VariableUse::name).toList());
    }

    private static final String FEW_SHOT = """
            _type: few_shot
            input_variables: ["adjective"]
            prefix: Write antonyms for the following words.
            example_prompt:
              _type: prompt
              input_variables: ["input", "output"]
              template: "Input: {input}\\nOutput: {output}"
            examples:
              - input: happy
                output: sad
              - input: tall
                output: short
            example_separator: "\\n\\n"
            suffix: "Input: {adjective}\\nOutput:"
            """;

    @Test
    void fewShotExamplesAreStructuredWithTheirLines() {
        PromptDocument document = LangChainParser.parse(FEW_SHOT);
        assertEquals(List.of(
                new FewShotExample(range(FEW_SHOT, "  - input: happy\n    output: sad\n"), "happy", "sad",
                        FewShotExample.Kind.STRUCTURED, "Input: happy\nOutput: sad"),
                new FewShotExample(range(FEW_SHOT, "  - input: tall\n    output: short\n"), "tall", "short",
                        FewShotExample.Kind.STRUCTURED, "Input: tall\nOutput: short")), document.examples());
    }

    @Test
    void fewShotMessageIsWhatLangChainSends() {
        PromptDocument document = LangChainParser.parse(FEW_SHOT);
        assertEquals(1, document.messages().size());
        assertEquals("Write antonyms for the following words.\n\nInput: happy\nOutput: sad\n\n"
                + "Input: tall\nOutput: short\n\nInput: {adjective}\nOutput:", document.messages().get(0).content());
        assertEquals(List.of(new VariableUse("adjective", range(FEW_SHOT, "{adjective}"),
                rangeWithin(FEW_SHOT, "{adjective}", "adjective"))), document.variables());
        assertEquals(List.of("adjective"), document.inputs().stream().map(DeclaredInput::name).toList());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void examplesGivenAsAFileAreNotStructured() {
        String text = "_type: few_shot\nexamples: examples.json\nsuffix: \"{q}\"\ninput_variables: [q]\n";
        PromptDocument document = LangChainParser.parse(text);
        assertEquals(List.of(), document.examples());
        assertEquals(List.of("q"), document.variables().stream().map(VariableUse::name).toList());
    }

    @Test
    void promptWithoutInputVariablesDeclaresNothing() {
        PromptDocument document = LangChainParser.parse("_type: prompt\ntemplate: Hello {name}\n");
        assertFalse(document.declaresInputs());
    }

    @Test
    void chatPromptMessagesWithNestedPrompts() {
        String text = """
                _type: chat_prompt
                input_variables: ['language', 'topic']
                messages:
                  - role: system
                    prompt:
                      _type: prompt
                      template: 'You are a helpful assistant who always replies in {language}.'
                      input_variables: ['language']
                  - role: human
                    prompt:
                      template: 'Tell me about {topic}.'
                  - role: ai
                    content: Sure.
                """;
        PromptDocument document = LangChainParser.parse(text);
        assertEquals(List.of("system", "user", "assistant"),
                document.messages().stream().map(Message::role).toList());
        assertEquals(List.of("You are a helpful assistant who always replies in {language}.", "Tell me about {topic}.",
                "Sure."), document.messages().stream().map(Message::content).toList());
        assertEquals(List.of(
                new VariableUse("language", range(text, "{language}"), rangeWithin(text, "{language}", "language")),
                new VariableUse("topic", range(text, "{topic}"), rangeWithin(text, "{topic}", "topic"))),
                document.variables());
        assertEquals(range(text, "'Tell me about {topic}.'"), document.messages().get(1).contentRange());
        assertEquals(List.of("language", "topic"), document.inputs().stream().map(DeclaredInput::name).toList());
    }
}
