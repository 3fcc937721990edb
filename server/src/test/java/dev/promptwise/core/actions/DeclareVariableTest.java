package dev.promptwise.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.syntax.DeclaredInput;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.vocabulary.Fix;
import org.junit.jupiter.api.Test;

/**
 * Declares an undefined variable in each format's declaration block and checks the text after, that the input is
 * now declared, and that {@code undefined-variable} no longer reports it.
 */
class DeclareVariableTest {

    @Test
    void appendsAPromptyListItemShapedLikeTheOthers() {
        String before = """
                ---
                name: triage
                model:
                  id: gpt-4o
                inputs:
                  - name: ticket
                    kind: string
                    default: My invoice shows two charges.
                  - name: plan
                    kind: string
                ---
                system:
                Route the ticket.

                user:
                Customer: {{customer}}
                Ticket: {{ticket}} on {{plan}}
                """;
        check("prompts/triage.prompty", before, "customer", """
                ---
                name: triage
                model:
                  id: gpt-4o
                inputs:
                  - name: ticket
                    kind: string
                    default: My invoice shows two charges.
                  - name: plan
                    kind: string
                  - name: customer
                    kind: string
                ---
                system:
                Route the ticket.

                user:
                Customer: {{customer}}
                Ticket: {{ticket}} on {{plan}}
                """);
    }

    @Test
    void addsAKeyToAPromptyInputsMappingAtItsIndentation() {
        String before = """
                ---
                name: qa
                inputs:
                    question:
                        type: string
                ---
                user:
                {{question}} about {{product}}
                """;
        check("prompts/qa.prompty", before, "product", """
                ---
                name: qa
                inputs:
                    question:
                        type: string
                    product:
                      type: string
                ---
                user:
                {{question}} about {{product}}
                """);
    }

    @Test
    void createsThePromptyInputsBlockAtTheEndOfTheFrontMatter() {
        String before = "---\nname: qa\nmodel:\n  id: gpt-4o\n---\nuser:\n{{question}}\n";
        Fix fix = DeclareVariable.fix(ActionFixtures.parse("prompts/qa.prompty", before), "question").orElseThrow();
        String after = TextEdits.apply(before, fix.edits());
        assertEquals("---\nname: qa\nmodel:\n  id: gpt-4o\ninputs:\n  - name: question\n    kind: string\n---\n"
                + "user:\n{{question}}\n", after);
        assertTrue(declares(ActionFixtures.parse("prompts/qa.prompty", after), "question"));
    }

    @Test
    void addsAPicoschemaFieldToADotpromptSchema() {
        String before = """
                ---
                model: googleai/gemini-2.5-flash
                input:
                  schema:
                    thread: string, the whole e-mail thread
                    product?: string
                ---
                {{#role "system"}}
                Summarise the thread for {{engineer}}.
                {{/role}}
                {{#role "user"}}
                {{thread}}
                {{/role}}
                """;
        check("prompts/summarize.prompt", before, "engineer", """
                ---
                model: googleai/gemini-2.5-flash
                input:
                  schema:
                    thread: string, the whole e-mail thread
                    product?: string
                    engineer: string
                ---
                {{#role "system"}}
                Summarise the thread for {{engineer}}.
                {{/role}}
                {{#role "user"}}
                {{thread}}
                {{/role}}
                """);
    }

    @Test
    void addsAPropertyToADotpromptJsonSchema() {
        String before = """
                ---
                input:
                  schema:
                    type: object
                    properties:
                      thread:
                        type: string
                ---
                Summarise {{thread}} for {{engineer}}.
                """;
        check("prompts/summarize.prompt", before, "engineer", """
                ---
                input:
                  schema:
                    type: object
                    properties:
                      thread:
                        type: string
                      engineer:
                        type: string
                ---
                Summarise {{thread}} for {{engineer}}.
                """);
    }

    @Test
    void givesADotpromptWithoutFrontMatterOne() {
        String before = "Summarise {{thread}}.\n";
        Fix fix = DeclareVariable.fix(ActionFixtures.parse("prompts/s.prompt", before), "thread").orElseThrow();
        String after = TextEdits.apply(before, fix.edits());
        assertEquals("---\ninput:\n  schema:\n    thread: string\n---\nSummarise {{thread}}.\n", after);
        PromptDocument reparsed = ActionFixtures.parse("prompts/s.prompt", after);
        assertTrue(declares(reparsed, "thread"));
        assertEquals(ActionFixtures.parse("prompts/s.prompt", before).messages().get(0).content(),
                reparsed.messages().get(0).content());
    }

    @Test
    void appendsASemanticKernelInputVariable() {
        String before = """
                name: Classify
                template_format: semantic-kernel
                template: |
                  <message role="system">Classify messages from {{$customer}}.</message>
                  <message role="user">{{$message}}</message>
                input_variables:
                  - name: message
                    description: The customer's message.
                    is_required: true
                execution_settings:
                  default:
                    model_id: gpt-4.1-nano
                """;
        check("prompts/classify.yaml", before, "customer", """
                name: Classify
                template_format: semantic-kernel
                template: |
                  <message role="system">Classify messages from {{$customer}}.</message>
                  <message role="user">{{$message}}</message>
                input_variables:
                  - name: message
                    description: The customer's message.
                    is_required: true
                  - name: customer
                execution_settings:
                  default:
                    model_id: gpt-4.1-nano
                """);
    }

    @Test
    void appendsToLangChainInputVariablesInBlockAndFlowStyle() {
        String block = """
                _type: prompt
                input_variables:
                  - ticket
                template: "Tag {ticket} in {language}"
                """;
        check("prompts/tag.yaml", block, "language", """
                _type: prompt
                input_variables:
                  - ticket
                  - language
                template: "Tag {ticket} in {language}"
                """);
        String flow = """
                _type: prompt
                input_variables: [ticket]
                template: "Tag {ticket} in {language}"
                """;
        check("prompts/tag.yaml", flow, "language", """
                _type: prompt
                input_variables: [ticket, language]
                template: "Tag {ticket} in {language}"
                """);
    }

    @Test
    void writesTheLineBreaksTheFileUses() {
        String before = "_type: prompt\r\ninput_variables:\r\n  - ticket\r\n"
                + "template: \"Tag {ticket} in {language}\"\r\n";
        check("prompts/tag.yaml", before, "language",
                "_type: prompt\r\ninput_variables:\r\n  - ticket\r\n  - language\r\n"
                        + "template: \"Tag {ticket} in {language}\"\r\n");
    }

    @Test
    void isNotOfferedWhereTheFormatDeclaresNoInputs() {
        String gitHub = "messages:\n  - role: user\n    content: \"{{ticket}}\"\n";
        assertTrue(DeclareVariable.fix(ActionFixtures.parse("prompts/a.prompt.yml", gitHub), "ticket").isEmpty());
        assertTrue(DeclareVariable.fix(ActionFixtures.parse("prompts/a.txt", "Hi {{name}}\n"), "name").isEmpty());
        String flowInputs = "---\nname: x\ninputs: {question: {type: string}}\n---\nuser:\n{{question}} {{topic}}\n";
        assertTrue(DeclareVariable.fix(ActionFixtures.parse("prompts/x.prompty", flowInputs), "topic").isEmpty());
    }

    private static void check(String path, String before, String name, String expected) {
        assertTrue(ActionFixtures.ruleIds(path, before).contains("undefined-variable"),
                () -> "the fixture should report undefined-variable: " + ActionFixtures.ruleIds(path, before));
        Fix fix = DeclareVariable.fix(ActionFixtures.parse(path, before), name).orElseThrow();
        assertEquals("Declare variable '" + name + "'", fix.title());
        String after = TextEdits.apply(before, fix.edits());
        assertEquals(expected, after);
        PromptDocument reparsed = ActionFixtures.parse(path, after);
        assertTrue(declares(reparsed, name));
        assertEquals(java.util.List.of(), reparsed.problems());
        assertFalse(ActionFixtures.ruleIds(path, after).contains("undefined-variable"),
                () -> String.valueOf(ActionFixtures.ruleIds(path, after)));
    }

    private static boolean declares(PromptDocument document, String name) {
        return document.inputs().stream().map(DeclaredInput::name).anyMatch(name::equals);
    }
}
