package dev.promptwise.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moves data lines out of a prompt's static prefix and checks the text after, that every variable is still used
 * once with its label, and that the static text now comes before the first variable; and declines every shape where
 * moving could change what the model is asked.
 */
class MoveVariablesTest {

    private static final String STATIC = """
            You are the first-line triage assistant for Acme Cloud's support team.
            Read the ticket and answer with a JSON object with a queue and a priority.
            Queues: billing, outage, account, integrations, feedback.
            """;

    @Test
    void movesDataLinesFromTheSystemMessageToTheStartOfTheLastUserMessage() {
        String before = "---\nname: triage\ninputs:\n  - name: customer\n  - name: plan\n  - name: ticket\n---\n"
                + "system:\nCustomer: {{customer}}\nPlan: {{plan}}\n\n" + STATIC + "\nuser:\n{{ticket}}\n";
        String after = move("prompts/triage.prompty", before);
        assertEquals("---\nname: triage\ninputs:\n  - name: customer\n  - name: plan\n  - name: ticket\n---\n"
                + "system:\n" + STATIC + "\nuser:\nCustomer: {{customer}}\nPlan: {{plan}}\n{{ticket}}\n", after);
    }

    @Test
    void movesDataLinesThatOpenATrailingUserMessageToItsEnd() {
        String before = "{{#role \"system\"}}\nBe brief.\n{{/role}}\n{{#role \"user\"}}\nThread: {{thread}}\n\n"
                + STATIC + "{{/role}}\n";
        String after = move("prompts/s.prompt", before);
        assertEquals("{{#role \"system\"}}\nBe brief.\n{{/role}}\n{{#role \"user\"}}\n" + STATIC.stripTrailing()
                + "\n\nThread: {{thread}}\n{{/role}}\n", after);
    }

    @Test
    void isNotOfferedInsideAYamlBlockScalarWhoseLinesCarryIndentation() {
        notOffered("prompts/c.yaml", """
                template: |
                  <message role="system">{{$customer}}
                  Classify customer messages as positive, neutral or negative.</message>
                  <message role="user">{{$message}}</message>
                input_variables:
                  - name: customer
                  - name: message
                """);
    }

    @Test
    void isNotOfferedWhenAVariableSitsInsideASentence() {
        notOffered("prompts/t.prompty", "---\nname: t\n---\nsystem:\nYou help {{customer}} with billing.\n\n"
                + STATIC + "\nuser:\n{{ticket}}\n");
    }

    @Test
    void isNotOfferedWhenTheRestStillHoldsAVariableOrTemplateLogic() {
        notOffered("prompts/t.prompty", "---\nname: t\n---\nsystem:\nCustomer: {{customer}}\n\n" + STATIC
                + "Plan: {{plan}}\n\nuser:\n{{ticket}}\n");
        notOffered("prompts/s.prompt", "{{#role \"system\"}}\n{{#if product}}\n" + STATIC
                + "{{/if}}\n{{/role}}\n{{#role \"user\"}}\n{{thread}}\n{{/role}}\n");
    }

    @Test
    void isNotOfferedWhenTheDataLinesOpenAnExampleInsteadOfTheInstructions() {
        notOffered("prompts/t.prompty", "---\nname: t\n---\nuser:\nCustomer: {{customer}}\n\n" + STATIC
                + "\nassistant:\nbilling\n\nuser:\n{{ticket}}\n");
    }

    @Test
    void isNotOfferedForQuotedYamlContent() {
        notOffered("prompts/a.prompt.yml", "messages:\n  - role: system\n    content: \"Customer: {{customer}}\\n\\n"
                + "Route the ticket to a queue.\"\n  - role: user\n    content: \"{{ticket}}\"\n");
    }

    private static String move(String path, String before) {
        PromptDocument document = ActionFixtures.parse(path, before);
        Fix fix = MoveVariables.fix(document).orElseThrow();
        assertEquals(MoveVariables.TITLE, fix.title());
        String after = TextEdits.apply(before, fix.edits());
        PromptDocument moved = ActionFixtures.parse(path, after);
        assertEquals(sortedNames(document), sortedNames(moved), "every variable is still used");
        assertEquals(List.of(), moved.problems());
        int firstVariable = moved.variables().get(0).range().start();
        assertTrue(after.indexOf("Queues:") < firstVariable, "the static text comes first:\n" + after);
        List<String> rulesAfter = ActionFixtures.ruleIds(path, after);
        assertTrue(ActionFixtures.ruleIds(path, before).containsAll(rulesAfter), "no new finding: " + rulesAfter);
        assertTrue(!rulesAfter.contains("cacheable-prefix"), "the prefix is static now: " + rulesAfter);
        return after;
    }

    private static void notOffered(String path, String text) {
        assertTrue(MoveVariables.fix(ActionFixtures.parse(path, text)).isEmpty(), text);
    }

    private static List<String> sortedNames(PromptDocument document) {
        return document.variables().stream().map(VariableUse::name).sorted().toList();
    }
}
