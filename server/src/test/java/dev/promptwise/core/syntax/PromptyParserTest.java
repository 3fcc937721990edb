package dev.promptwise.core.syntax;

import static dev.promptwise.core.syntax.TemplateScannerTest.range;
import static dev.promptwise.core.syntax.TemplateScannerTest.rangeWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlNode;
import dev.promptwise.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how Prompty files of both specification generations become messages, variables, inputs and a model. */
class PromptyParserTest {

    private static final String CURRENT_SPEC = """
            ---
            name: support
            model:
              id: gpt-4o-mini
              options:
                temperature: 0.2
                maxOutputTokens: 512
            inputs:
              - name: customer
                kind: string
                default: Jane
              - name: question
                kind: string
              - name: unused
                kind: string
            ---
            You answer support questions.

            # User:
            Hi, I am {{ customer.name | title }}.

            assistant[name="bot"]:
            Hello!
            USER:
            {% for line in question %}{{ line }}{% endfor %}
            """;

    @Test
    void currentSpecGivesRolesContentAndRanges() {
        PromptDocument document = PromptyParser.parse(CURRENT_SPEC);
        assertEquals(PromptFormat.PROMPTY, document.format());
        assertEquals(List.of("system", "user", "assistant", "user"),
                document.messages().stream().map(Message::role).toList());
        assertEquals(List.of("You answer support questions.", "Hi, I am {{ customer.name | title }}.", "Hello!",
                "{% for line in question %}{{ line }}{% endfor %}"),
                document.messages().stream().map(Message::content).toList());
        Message first = document.messages().get(0);
        assertEquals(range(CURRENT_SPEC, "You answer support questions."), first.range());
        assertEquals(first.range(), first.contentRange());
        Message user = document.messages().get(1);
        int roleLine = CURRENT_SPEC.indexOf("# User:");
        assertEquals(new TextRange(roleLine, user.contentRange().end()), user.range());
        assertEquals(range(CURRENT_SPEC, "Hi, I am {{ customer.name | title }}."), user.contentRange());
        for (Message message : document.messages()) {
            assertEquals(message.content(), message.contentRange().slice(CURRENT_SPEC));
        }
    }

    @Test
    void currentSpecGivesVariablesModelAndInputs() {
        PromptDocument document = PromptyParser.parse(CURRENT_SPEC);
        assertEquals(List.of(
                new VariableUse("customer", range(CURRENT_SPEC, "{{ customer.name | title }}"),
                        rangeWithin(CURRENT_SPEC, "{{ customer.name", "customer")),
                new VariableUse("question", range(CURRENT_SPEC, "{% for line in question %}"),
                        rangeWithin(CURRENT_SPEC, "in question %}", "question"))), document.variables());
        assertEquals(new ModelReference("gpt-4o-mini", range(CURRENT_SPEC, "gpt-4o-mini")), document.model());
        assertEquals(512, document.maxOutputTokens());
        assertTrue(document.declaresInputs());
        assertEquals(List.of("customer", "question", "unused"),
                document.inputs().stream().map(DeclaredInput::name).toList());
        DeclaredInput customer = document.inputs().get(0);
        assertEquals("Jane", customer.defaultValue());
        assertEquals(rangeWithin(CURRENT_SPEC, "name: customer", "customer"), customer.range());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void removingAnInputLeavesValidYamlWithoutIt() {
        PromptDocument document = PromptyParser.parse(CURRENT_SPEC);
        DeclaredInput unused = document.inputs().get(2);
        assertEquals("  - name: unused\n    kind: string\n", unused.removalRange().slice(CURRENT_SPEC));
        String edited = CURRENT_SPEC.substring(0, unused.removalRange().start())
                + CURRENT_SPEC.substring(unused.removalRange().end());
        PromptDocument after = PromptyParser.parse(edited);
        assertEquals(List.of(), after.problems());
        assertEquals(List.of("customer", "question"), after.inputs().stream().map(DeclaredInput::name).toList());
        assertEquals(4, after.messages().size());
    }

    @Test
    void firstSpecReadsConfigurationParametersAndMappedInputs() {
        String text = """
                ---
                name: legacy
                model:
                  api: chat
                  configuration:
                    type: azure_openai
                    azure_endpoint: ${env:AZURE_OPENAI_ENDPOINT}
                    azure_deployment: gpt-35-turbo
                  parameters:
                    max_tokens: 3000
                inputs:
                  firstName:
                    type: string
                    default: Seth
                  question: What should I wear?
                ---
                system:
                You help {{firstName}}.
                user:
                {{question}}
                """;
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(new ModelReference("gpt-35-turbo", range(text, "gpt-35-turbo")), document.model());
        assertEquals(3000, document.maxOutputTokens());
        assertEquals(List.of(new DeclaredInput("firstName", range(text, "firstName"),
                        range(text, "  firstName:\n    type: string\n    default: Seth\n"), "Seth"),
                new DeclaredInput("question", range(text, "question"),
                        range(text, "  question: What should I wear?\n"), "What should I wear?")),
                document.inputs());
        assertEquals(List.of("firstName", "question"), document.variables().stream().map(VariableUse::name).toList());
    }

    @Test
    void openAiConfigurationNameAndModelStringAndSampleInputs() {
        String configured = "---\nmodel:\n  configuration:\n    type: openai\n    name: gpt-4o\n---\nuser:\nhi\n";
        assertEquals("gpt-4o", PromptyParser.parse(configured).model().id());
        String plain = "---\nmodel: gpt-4\nsample:\n  topic: tents\n---\nTell me about {{topic}}\n";
        PromptDocument document = PromptyParser.parse(plain);
        assertEquals(new ModelReference("gpt-4", range(plain, "gpt-4")), document.model());
        assertNull(document.maxOutputTokens());
        assertTrue(document.declaresInputs());
        assertEquals(List.of("topic"), document.inputs().stream().map(DeclaredInput::name).toList());
    }

    @Test
    void withoutInputsNothingIsDeclared() {
        PromptDocument document = PromptyParser.parse("---\nname: x\n---\nuser:\n{{question}}\n");
        assertFalse(document.declaresInputs());
        assertEquals(List.of(), document.inputs());
        assertEquals(List.of("question"), document.variables().stream().map(VariableUse::name).toList());
    }

    @Test
    void fileWithoutFrontMatterIsAllBody() {
        String text = "system:\nBe brief.\n\nuser:\n{{q}}";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(List.of("system", "user"), document.messages().stream().map(Message::role).toList());
        assertEquals(new TextRange(0, text.indexOf("\n\nuser")), document.messages().get(0).range());
        assertNull(document.model());
    }

    @Test
    void roleWordsInsideProseAreNotRoleLines() {
        String text = "---\nname: x\n---\nsystem:\nThe user: types here.\nuser: hello\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(1, document.messages().size());
        assertEquals("The user: types here.\nuser: hello", document.messages().get(0).content());
    }

    @Test
    void emptyRoleBlockIsAnEmptyMessage() {
        String text = "---\nname: x\n---\nsystem:\nuser:\nhello\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(List.of("", "hello"), document.messages().stream().map(Message::content).toList());
    }

    @Test
    void frontMatterThatNeverClosesIsAProblemOnTheFence() {
        String text = "---\nname: broken\nmodel: gpt-4o\nsystem:\nhello {{x}}\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(List.of(new SyntaxProblem(new TextRange(0, 3),
                "Front matter is never closed: add a line '---' after the YAML")), document.problems());
        assertNull(document.model());
        assertEquals(List.of(), document.messages());
    }

    @Test
    void tabIndentationIsAYamlProblemInsideTheFrontMatter() {
        String text = "---\nmodel:\n\tid: gpt-4o\n---\nuser:\nhi\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(1, document.problems().size());
        SyntaxProblem problem = document.problems().get(0);
        assertTrue(problem.message().contains("tab"), problem.message());
        assertTrue(problem.range().start() >= 4 && problem.range().end() <= text.indexOf("---", 4));
        assertEquals(List.of("user"), document.messages().stream().map(Message::role).toList());
    }

    @Test
    void unbalancedTemplateBracesAreProblems() {
        String text = "---\nname: x\n---\nuser:\nHello {{ name\n{% if x %}\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(List.of(
                new SyntaxProblem(range(text, "{{"), "'{{' is never closed with '}}'"),
                new SyntaxProblem(range(text, "{% if x %}"), "'{% if %}' is never closed with '{% endif %}'")),
                document.problems());
    }

    @Test
    void aliasBombInFrontMatterIsAProblemNotAHang() {
        StringBuilder bomb = new StringBuilder("---\na: &a [" + "\"lol\",".repeat(8) + "\"lol\"]\n");
        String previous = "a";
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = String.valueOf(name);
        }
        bomb.append("---\nuser:\nhi\n");
        PromptDocument document = PromptyParser.parse(bomb.toString());
        assertEquals(1, document.problems().size());
        assertTrue(document.problems().get(0).message().startsWith("YAML refused"),
                document.problems().get(0).message());
        assertEquals(List.of("hi"), document.messages().stream().map(Message::content).toList());
    }

    @Test
    void binaryGarbageParsesToSomething() {
        String text = "\u0000\u0001\uFFFD\uFFFD---\u0000{{\u0000}}{%\uFFFD\n\u0000user:\n\uFFFD{{ x \u0000";
        PromptDocument document = PromptyParser.parse(text);
        assertNotNull(document);
        assertFalse(document.problems().isEmpty());
        assertEquals(text, document.text());
    }

    @Test
    void twentyMegabyteFileFinishesWithEveryMessage() {
        String block = "user:\nHello {{name}}, tell me about {{topic}}.\nassistant:\nSure.\n";
        int repeats = 20 * 1024 * 1024 / block.length();
        String text = "---\nname: big\ninputs:\n  name: x\n  topic: y\n---\n" + block.repeat(repeats);
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(repeats * 2, document.messages().size());
        assertEquals(Math.min(repeats * 2, TemplateScanner.MAX_VARIABLES), document.variables().size());
        assertEquals(List.of(), document.problems());
    }

    @Test
    void bigYamlFrontMatterIsRefusedAsAProblem() {
        String text = "---\nnotes: |\n" + "  filler line of front matter text\n".repeat(300_000) + "---\nuser:\nhi\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(1, document.problems().size());
        assertEquals(List.of("hi"), document.messages().stream().map(Message::content).toList());
    }

    @Test
    void removalRangeOfAFlowListItemTakesOneComma() {
        String text = "inputs: [a, b, c]\n";
        YamlDocument yaml = YamlReader.read(text);
        YamlNode.Sequence items = yaml.rootMapping().sequence("inputs");
        assertEquals("a, ", YamlPromptSupport.removalRange(text, items.items().get(0).range()).slice(text));
        assertEquals(", c", YamlPromptSupport.removalRange(text, items.items().get(2).range()).slice(text));
    }

    @Test
    void windowsLineEndsAndByteOrderMark() {
        String text = "\uFEFF---\r\nmodel: gpt-4o\r\n---\r\nsystem:  \r\nBe kind.\r\n\r\nuser:\r\n{{q}}\r\n";
        PromptDocument document = PromptyParser.parse(text);
        assertEquals(List.of("Be kind.", "{{q}}"), document.messages().stream().map(Message::content).toList());
        assertEquals(range(text, "system:  \r\nBe kind."), document.messages().get(0).range());
        assertEquals(new VariableUse("q", range(text, "{{q}}"), rangeWithin(text, "{{q}}", "q")),
                document.variables().get(0));
        assertEquals("gpt-4o", document.model().id());
    }
}
