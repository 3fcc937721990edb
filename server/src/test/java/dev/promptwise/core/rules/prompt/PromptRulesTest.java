package dev.promptwise.core.rules.prompt;

import static dev.promptwise.core.rules.prompt.RuleFixtures.checkDiagnostics;
import static dev.promptwise.core.rules.prompt.RuleFixtures.checkFix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixture tests of the prompt rules of DESIGN section 3, one block per rule. */
class PromptRulesTest {

    @Test
    void duplicateInstructionFlagsTheSecondOccurrence() {
        checkDiagnostics("prompts/triage.txt", """
                Classify the ticket into one of the queues below.
                Always answer in English, even when the customer writes in another language.
                Queues: billing, outage, account.
                Always answer in English, even when the customer writes in another language.
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning duplicate-instruction: Repeated instruction, already given on line 2: it is paid for twice on every request
                """);
    }

    @Test
    void duplicateInstructionIgnoresCaseSpacingAndListMarkers() {
        checkDiagnostics("prompts/triage.txt", """
                - Never reveal the internal queue names to the customer.
                Be brief. never   reveal the internal queue names to the customer!
                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning duplicate-instruction: Repeated instruction, already given on line 1…
                """);
    }

    @Test
    void shortRepeatsAreNotDuplicates() {
        checkDiagnostics("prompts/triage.txt", """
                Be brief.
                Answer the question.
                Be brief.
                """);
    }

    @Test
    void removeDuplicateDeletesTheWholeLineWhenTheSentenceIsAlone() {
        checkFix("prompts/triage.txt", """
                Reply with the queue name and nothing else.
                Queues: billing, outage, account.
                Reply with the queue name and nothing else.
                Thanks.
                """, "Remove duplicate", """
                Reply with the queue name and nothing else.
                Queues: billing, outage, account.
                Thanks.
                """);
    }

    @Test
    void removeDuplicateKeepsTheRestOfTheLine() {
        checkFix("prompts/triage.txt", """
                Reply with the queue name and nothing else.
                Queues: billing. Reply with the queue name and nothing else. Thanks.
                """, "Remove duplicate", """
                Reply with the queue name and nothing else.
                Queues: billing. Thanks.
                """);
    }

    @Test
    void promptTooLongReportsTheOverrunAgainstTheBudget() {
        String sentence = "The customer may describe several problems at once, so list each problem separately. ";
        String text = String.valueOf(sentence.repeat(1)) + "\n" + distinctLines(400);
        List<Finding> findings = RuleFixtures.findings("prompts/long.txt", text, Settings.DEFAULTS);
        Finding tooLong = findings.stream().filter(f -> f.ruleId().equals("prompt-too-long")).findFirst().orElseThrow();
        int total = RuleFixtures.analyze("prompts/long.txt", text).totalTokens();
        assertTrue(total > 4000, "fixture must exceed the default budget, has " + total);
        assertTrue(tooLong.message().contains(String.format("%,d tokens, %,d over the budget of 4,000", total, total - 4000)),
                tooLong.message());
        assertEquals(0, tooLong.range().start());
    }

    @Test
    void promptTooLongFollowsTheBudgetSettingAndCanBeTurnedOff() throws Exception {
        Settings small = settings("{\"budget\": {\"maxPromptTokens\": 10}}");
        checkDiagnostics("prompts/a.txt", """
                Summarise the ticket in one sentence for the on-call engineer, naming the product.
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning prompt-too-long: …
                """, small);
        Settings off = settings("{\"budget\": {\"maxPromptTokens\": 10}, \"rules\": {\"prompt-too-long\": \"off\"}}");
        checkDiagnostics("prompts/a.txt", """
                Summarise the ticket in one sentence for the on-call engineer, naming the product.
                """, off);
        Settings error = settings("{\"promptwise\": {\"budget.maxPromptTokens\": 10, \"rules.prompt-too-long\": \"error\"}}");
        checkDiagnostics("prompts/a.txt", """
                Summarise the ticket in one sentence for the on-call engineer, naming the product.
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error prompt-too-long: …
                """, error);
    }

    static Settings settings(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.fromJson(new ObjectMapper().readTree(json), problems);
        assertEquals(List.of(), problems);
        return settings;
    }

    static String distinctLines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("Rule ").append(i).append(": tickets mentioning product code P").append(i * 7919 % 10007)
                    .append(" go to queue Q").append(i % 13).append(" unless the account is flagged as VIP.\n");
        }
        return text.toString();
    }
}
