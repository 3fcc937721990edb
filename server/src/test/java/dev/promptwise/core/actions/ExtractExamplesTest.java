package dev.promptwise.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.WorkspaceChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Applies "Extract examples to a fine-tuning dataset" to prompts of several formats and checks the three results:
 * the dataset, the shorter prompt (which no longer has examples) and the strategy file (which validates).
 */
class ExtractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TRIAGE = """
            ---
            name: support-triage
            model:
              id: gpt-4o
            inputs:
              - name: ticket
                kind: string
            ---
            system:
            You are the triage assistant. Answer with a JSON object: {"queue": ..., "priority": ...}.

            Example 1:
            Input: The dashboard returns 502 for everyone.
            Output: {"queue": "outage", "priority": "p1"}

            Example 2:
            Input: I was charged "twice" for March.
            Output: {"queue": "billing", "priority": "p3"}

            Answer with the JSON object only.

            user:
            {{ticket}}
            """;

    private static final String TRIAGE_AFTER = """
            ---
            name: support-triage
            model:
              id: gpt-4o
            inputs:
              - name: ticket
                kind: string
            ---
            system:
            You are the triage assistant. Answer with a JSON object: {"queue": ..., "priority": ...}.

            Answer with the JSON object only.

            user:
            {{ticket}}
            """;

    @Test
    void extractsTextExamplesIntoADatasetAndRecordsTheExistingWorkload() throws Exception {
        String strategy = """
                version: 1
                workloads:
                  support-triage:
                    prompt: prompts/triage.prompty
                    approach: prompt-engineering
                    traffic:
                      requestsPerDay: 250000
                  other:
                    prompt: prompts/other.prompty
                """;
        Fix fix = extract("prompts/triage.prompty", TRIAGE, strategy, "promptwise.yaml", "support-triage",
                path -> false).orElseThrow();

        assertEquals("Extract 2 examples to a fine-tuning dataset (only 2: fine-tuning needs at least 10)",
                fix.title());
        String prompt = TextEdits.apply(TRIAGE, fix.edits());
        assertEquals(TRIAGE_AFTER, prompt);
        assertEquals(List.of(), ActionFixtures.parse("prompts/triage.prompty", prompt).examples());
        assertFalse(ActionFixtures.ruleIds("prompts/triage.prompty", prompt).contains("few-shot-heavy"));

        WorkspaceChange change = fix.workspaceChange();
        assertEquals(List.of("datasets/support-triage.jsonl", "promptwise.yaml"), change.paths());
        String system = "You are the triage assistant. Answer with a JSON object: {\"queue\": ..., \"priority\": ...}."
                + "\n\nAnswer with the JSON object only.";
        assertEquals(""
                + "{\"messages\":[{\"role\":\"system\",\"content\":\"You are the triage assistant. Answer with a JSON"
                + " object: {\\\"queue\\\": ..., \\\"priority\\\": ...}.\\n\\nAnswer with the JSON object only.\"},"
                + "{\"role\":\"user\",\"content\":\"The dashboard returns 502 for everyone.\"},"
                + "{\"role\":\"assistant\",\"content\":"
                + "\"{\\\"queue\\\": \\\"outage\\\", \\\"priority\\\": \\\"p1\\\"}\"}]}\n"
                + "{\"messages\":[{\"role\":\"system\",\"content\":\"You are the triage assistant. Answer with a JSON"
                + " object: {\\\"queue\\\": ..., \\\"priority\\\": ...}.\\n\\nAnswer with the JSON object only.\"},"
                + "{\"role\":\"user\",\"content\":\"I was charged \\\"twice\\\" for March.\"},"
                + "{\"role\":\"assistant\",\"content\":"
                + "\"{\\\"queue\\\": \\\"billing\\\", \\\"priority\\\": \\\"p3\\\"}\"}]}\n",
                change.creations().get(0).content());
        checkDataset(change.creations().get(0).content(), system, 2);

        String strategyAfter = TextEdits.apply(strategy, change.edits().get("promptwise.yaml"));
        assertEquals("""
                version: 1
                workloads:
                  support-triage:
                    prompt: prompts/triage.prompty
                    approach: hybrid
                    traffic:
                      requestsPerDay: 250000
                    fineTuning:
                      baseModel: gpt-4o-mini
                      dataset: datasets/support-triage.jsonl
                      epochs: 3
                      pattern: hierarchical-prompts
                  other:
                    prompt: prompts/other.prompty
                """, strategyAfter);
        Workload workload = ActionFixtures.validStrategy(strategyAfter).workload("support-triage");
        assertEquals(Approach.HYBRID, workload.declaredApproach());
        assertEquals(HybridPattern.HIERARCHICAL_PROMPTS, workload.fineTuning().pattern().value());
    }

    @Test
    void replacesAnExistingFineTuningSectionAtTheFilesFourSpaceIndentation() {
        String strategy = """
                workloads:
                    support-triage:
                        prompt: prompts/triage.prompty
                        fineTuning:
                            baseModel: gpt-4.1-mini
                            epochs: 5
                        budget:
                            maxMonthlyCost: 900
                """;
        Fix fix = extract("prompts/triage.prompty", TRIAGE, strategy, "promptwise.yaml", "support-triage",
                path -> false).orElseThrow();
        String strategyAfter = TextEdits.apply(strategy, fix.workspaceChange().edits().get("promptwise.yaml"));
        assertEquals("""
                workloads:
                    support-triage:
                        prompt: prompts/triage.prompty
                        approach: hybrid
                        fineTuning:
                            baseModel: gpt-4o-mini
                            dataset: datasets/support-triage.jsonl
                            epochs: 3
                            pattern: hierarchical-prompts
                        budget:
                            maxMonthlyCost: 900
                """, strategyAfter);
        ActionFixtures.validStrategy(strategyAfter);
    }

    @Test
    void editsAFlowStyleWorkloadInFlowStyle() {
        String strategy = """
                version: 1
                workloads:
                  support-triage: { prompt: prompts/triage.prompty, approach: fine-tuning }
                """;
        Fix fix = extract("prompts/triage.prompty", TRIAGE, strategy, "promptwise.yaml", "support-triage",
                path -> false).orElseThrow();
        String strategyAfter = TextEdits.apply(strategy, fix.workspaceChange().edits().get("promptwise.yaml"));
        assertEquals("""
                version: 1
                workloads:
                  support-triage: { prompt: prompts/triage.prompty, approach: hybrid, fineTuning: { baseModel: \
                gpt-4o-mini, dataset: datasets/support-triage.jsonl, epochs: 3, pattern: hierarchical-prompts } }
                """, strategyAfter);
        assertEquals(Approach.HYBRID,
                ActionFixtures.validStrategy(strategyAfter).workload("support-triage").declaredApproach());
    }

    @Test
    void removesMessagePairsFromAYamlListAndCreatesTheStrategyFileBesideAFreeDatasetName() throws Exception {
        String prompt = """
                name: Tag tickets
                model: openai/gpt-4o-mini
                messages:
                  - role: system
                    content: You tag support tickets with one queue name.
                  - role: user
                    content: "Please refund my \\"second\\" charge"
                  - role: assistant
                    content: billing
                  - role: user
                    content: The site is down
                  - role: assistant
                    content: |
                      outage
                  - role: user
                    content: "{{ticket}}"
                testData:
                  - ticket: My export times out.
                """;
        Set<String> existing = Set.of("datasets/tag.jsonl", "datasets/tag-2.jsonl");
        Fix fix = extract("prompts/tag.prompt.yml", prompt, null, null, null, existing::contains).orElseThrow();

        String after = TextEdits.apply(prompt, fix.edits());
        assertEquals("""
                name: Tag tickets
                model: openai/gpt-4o-mini
                messages:
                  - role: system
                    content: You tag support tickets with one queue name.
                  - role: user
                    content: "{{ticket}}"
                testData:
                  - ticket: My export times out.
                """, after);
        PromptDocument reparsed = ActionFixtures.parse("prompts/tag.prompt.yml", after);
        assertEquals(List.of(), reparsed.examples());
        assertEquals(List.of(), reparsed.problems());

        WorkspaceChange change = fix.workspaceChange();
        assertEquals("datasets/tag-3.jsonl", change.creations().get(0).path());
        List<JsonNode> lines = checkDataset(change.creations().get(0).content(),
                "You tag support tickets with one queue name.", 2);
        assertEquals("Please refund my \"second\" charge", lines.get(0).at("/messages/1/content").asText());
        assertEquals("outage", lines.get(1).at("/messages/2/content").asText());
        assertTrue(change.edits().isEmpty());
        WorkspaceChange.FileCreation created = change.creations().get(1);
        assertEquals("promptwise.yaml", created.path());
        assertEquals("""
                version: 1
                workloads:
                  tag:
                    prompt: prompts/tag.prompt.yml
                    approach: hybrid
                    fineTuning:
                      baseModel: gpt-4o-mini
                      dataset: datasets/tag-3.jsonl
                      epochs: 3
                      pattern: hierarchical-prompts
                """, created.content());
        ActionFixtures.validStrategy(created.content());
    }

    @Test
    void addsAWorkloadAndTheWorkloadsKeyToAStrategyFileInAFolderWithPathsRelativeToIt() {
        String prompt = """
                _type: few_shot
                input_variables:
                  - ticket
                prefix: "Tag the language of each ticket."
                example_prompt:
                  _type: prompt
                  input_variables:
                    - ticket
                    - code
                  template: "Ticket: {ticket}\\nLanguage: {code}"
                examples:
                  - ticket: "¿Pueden devolverme un cargo?"
                    code: es
                  - ticket: "Unser Dashboard zeigt Fehler."
                    code: de
                suffix: "Ticket: {ticket}\\nLanguage:"
                template_format: f-string
                """;
        String strategy = """
                # Strategy for the support team.
                version: 1
                defaults:
                  model: gpt-4o-mini
                """;
        Fix fix = extract("prompts/tag-language.yaml", prompt, strategy, "config/team.strategy.yaml", null,
                path -> false).orElseThrow();
        String after = TextEdits.apply(prompt, fix.edits());
        assertEquals("""
                _type: few_shot
                input_variables:
                  - ticket
                prefix: "Tag the language of each ticket."
                example_prompt:
                  _type: prompt
                  input_variables:
                    - ticket
                    - code
                  template: "Ticket: {ticket}\\nLanguage: {code}"
                examples: []
                suffix: "Ticket: {ticket}\\nLanguage:"
                template_format: f-string
                """, after);
        PromptDocument reparsed = ActionFixtures.parse("prompts/tag-language.yaml", after);
        assertEquals(List.of(), reparsed.examples());
        assertEquals(List.of(), reparsed.problems());

        String strategyAfter = TextEdits.apply(strategy,
                fix.workspaceChange().edits().get("config/team.strategy.yaml"));
        assertEquals("""
                # Strategy for the support team.
                version: 1
                defaults:
                  model: gpt-4o-mini
                workloads:
                  tag-language:
                    prompt: ../prompts/tag-language.yaml
                    approach: hybrid
                    fineTuning:
                      baseModel: gpt-4o-mini
                      dataset: ../datasets/tag-language.jsonl
                      epochs: 3
                      pattern: hierarchical-prompts
                """, strategyAfter);
        ActionFixtures.validStrategy(strategyAfter);
        assertEquals("datasets/tag-language.jsonl", fix.workspaceChange().creations().get(0).path());
    }

    @Test
    void addsANewWorkloadBesideExistingOnesWithAFreeName() {
        String strategy = """
                version: 1
                workloads:
                  triage:
                    prompt: prompts/old-triage.prompty


                """;
        Fix fix = extract("prompts/triage.prompty", TRIAGE, strategy, "promptwise.yaml", null, path -> false)
                .orElseThrow();
        String strategyAfter = TextEdits.apply(strategy, fix.workspaceChange().edits().get("promptwise.yaml"));
        assertEquals("""
                version: 1
                workloads:
                  triage:
                    prompt: prompts/old-triage.prompty
                  triage-2:
                    prompt: prompts/triage.prompty
                    approach: hybrid
                    fineTuning:
                      baseModel: gpt-4o-mini
                      dataset: datasets/triage.jsonl
                      epochs: 3
                      pattern: hierarchical-prompts


                """, strategyAfter);
        StrategyFile parsed = ActionFixtures.validStrategy(strategyAfter);
        assertEquals("prompts/triage.prompty", parsed.workload("triage-2").prompt().value());
    }

    @Test
    void extractsTheSampleTriagePrompt() throws Exception {
        String path = "prompts/triage.prompty";
        String text = Files.readString(Path.of("..", "samples", path));
        Fix fix = extract(path, text, null, null, null, path::equals).orElseThrow();
        assertEquals("Extract 5 examples to a fine-tuning dataset (only 5: fine-tuning needs at least 10)",
                fix.title());
        String after = TextEdits.apply(text, fix.edits());
        assertTrue(after.length() < text.length() - 500, after);
        assertFalse(after.contains("Example 1:"));
        assertEquals(List.of(), ActionFixtures.parse(path, after).examples());
        String system = ActionFixtures.parse(path, after).messages().get(0).content().strip();
        checkDataset(fix.workspaceChange().creations().get(0).content(), system, 5);
        assertEquals("datasets/triage.jsonl", fix.workspaceChange().creations().get(0).path());
        ActionFixtures.validStrategy(fix.workspaceChange().creations().get(1).content());
    }

    @Test
    void fillsAnEmptyWorkloadAndAnEmptyWorkloadsMapping() {
        assertEquals("""
                workloads:
                  support-triage:
                    approach: hybrid
                    fineTuning:
                      baseModel: gpt-4o-mini
                      dataset: datasets/support-triage.jsonl
                      epochs: 3
                      pattern: hierarchical-prompts
                """, strategyAfter("workloads:\n  support-triage:\n", "support-triage"));
        assertEquals("""
                version: 1
                workloads:
                  triage:
                    prompt: prompts/triage.prompty
                    approach: hybrid
                    fineTuning:
                      baseModel: gpt-4o-mini
                      dataset: datasets/triage.jsonl
                      epochs: 3
                      pattern: hierarchical-prompts
                defaults:
                  model: gpt-4o
                """, strategyAfter("version: 1\nworkloads: {}\ndefaults:\n  model: gpt-4o\n", null));
        assertEquals("""
                workloads: { other: { prompt: prompts/other.prompty }, support-triage: { prompt: \
                prompts/triage.prompty, approach: hybrid, fineTuning: { baseModel: gpt-4o-mini, dataset: \
                datasets/support-triage.jsonl, epochs: 3, pattern: hierarchical-prompts } } }
                """, strategyAfter("workloads: { other: { prompt: prompts/other.prompty } }\n", "support-triage"));
    }

    @Test
    void writesTheLineBreaksTheStrategyFileUses() {
        String after = strategyAfter("version: 1\r\nworkloads:\r\n  other:\r\n    prompt: a.prompty\r\n", null);
        assertEquals("version: 1\r\nworkloads:\r\n  other:\r\n    prompt: a.prompty\r\n  triage:\r\n"
                + "    prompt: prompts/triage.prompty\r\n    approach: hybrid\r\n    fineTuning:\r\n"
                + "      baseModel: gpt-4o-mini\r\n      dataset: datasets/triage.jsonl\r\n      epochs: 3\r\n"
                + "      pattern: hierarchical-prompts\r\n", after);
    }

    private static String strategyAfter(String strategy, String workload) {
        Fix fix = extract("prompts/triage.prompty", TRIAGE, strategy, "promptwise.yaml", workload, path -> false)
                .orElseThrow();
        String after = TextEdits.apply(strategy, fix.workspaceChange().edits().get("promptwise.yaml"));
        ActionFixtures.validStrategy(after);
        return after;
    }

    @Test
    void removesSemanticKernelMessagePairsWithTheirIndentation() throws Exception {
        String prompt = """
                name: Classify
                template: |
                  <message role="system">Classify the message as positive, neutral or negative.</message>
                  <message role="user">I love the new dashboard</message>
                  <message role="assistant">positive</message>
                  <message role="user">{{$message}}</message>
                input_variables:
                  - name: message
                """;
        Fix fix = extract("prompts/classify.yaml", prompt, null, null, null, path -> false).orElseThrow();
        String after = TextEdits.apply(prompt, fix.edits());
        assertEquals("""
                name: Classify
                template: |
                  <message role="system">Classify the message as positive, neutral or negative.</message>
                  <message role="user">{{$message}}</message>
                input_variables:
                  - name: message
                """, after);
        assertEquals(List.of(), ActionFixtures.parse("prompts/classify.yaml", after).examples());
        checkDataset(fix.workspaceChange().creations().get(0).content(),
                "Classify the message as positive, neutral or negative.", 1);
    }

    @Test
    void removesDotpromptRoleTurns() throws Exception {
        String prompt = "---\nmodel: googleai/gemini-2.5-flash\ninput:\n  schema:\n    message: string\n---\n"
                + "{{role \"system\"}}\nClassify the message.\n{{role \"user\"}}\nI love it\n"
                + "{{role \"model\"}}\npositive\n{{role \"user\"}}\n{{message}}\n";
        Fix fix = extract("prompts/classify.prompt", prompt, null, null, null, path -> false).orElseThrow();
        String after = TextEdits.apply(prompt, fix.edits());
        assertEquals("---\nmodel: googleai/gemini-2.5-flash\ninput:\n  schema:\n    message: string\n---\n"
                + "{{role \"system\"}}\nClassify the message.\n{{role \"user\"}}\n{{message}}\n", after);
        PromptDocument reparsed = ActionFixtures.parse("prompts/classify.prompt", after);
        assertEquals(List.of(), reparsed.examples());
        assertEquals(List.of(), reparsed.problems());
        checkDataset(fix.workspaceChange().creations().get(0).content(), "Classify the message.", 1);
    }

    @Test
    void doesNotWarnWithTenExamplesOrMore() {
        StringBuilder prompt = new StringBuilder("system:\nYou classify sentiment. Answer with one word.\n\n");
        IntStream.rangeClosed(1, 12).forEach(n -> prompt.append("Input: message ").append(n)
                .append("\nOutput: positive\n\n"));
        prompt.append("user:\n{{message}}\n");
        String text = "---\nname: sentiment\ninputs:\n  message:\n    type: string\n---\n" + prompt;
        Fix fix = extract("prompts/sentiment.prompty", text, null, null, null, path -> false).orElseThrow();
        assertEquals("Extract 12 examples to a fine-tuning dataset", fix.title());
        String after = TextEdits.apply(text, fix.edits());
        assertEquals("---\nname: sentiment\ninputs:\n  message:\n    type: string\n---\n"
                + "system:\nYou classify sentiment. Answer with one word.\n\nuser:\n{{message}}\n", after);
        assertEquals(List.of(), ActionFixtures.parse("prompts/sentiment.prompty", after).examples());
        assertFalse(ActionFixtures.ruleIds("prompts/sentiment.prompty", after).contains("few-shot-heavy"));
        assertEquals(12, fix.workspaceChange().creations().get(0).content().lines().count());
    }

    @Test
    void isNotOfferedWithoutExamplesNorOverAnExistingOrUnreadableStrategyFile() {
        String plain = "---\nname: x\n---\nsystem:\nBe brief.\n\nuser:\n{{q}}\n";
        assertTrue(extract("prompts/x.prompty", plain, null, null, null, path -> false).isEmpty());
        assertTrue(extract("prompts/triage.prompty", TRIAGE, null, null, null, "promptwise.yaml"::equals).isEmpty());
        assertTrue(extract("prompts/triage.prompty", TRIAGE, "workloads:\n  a: [\n", "promptwise.yaml", null,
                path -> false).isEmpty());
        assertTrue(extract("prompts/triage.prompty", TRIAGE, "workloads: many\n", "promptwise.yaml", null,
                path -> false).isEmpty());
    }

    @Test
    void omitsTheSystemMessageWhenThePromptHasNone() throws Exception {
        String prompt = "---\nname: qa\n---\nuser:\nWhat is 2+2?\n\nassistant:\n4\n\nuser:\n{{question}}\n";
        Fix fix = extract("prompts/qa.prompty", prompt, null, null, null, path -> false).orElseThrow();
        String line = fix.workspaceChange().creations().get(0).content();
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"},"
                + "{\"role\":\"assistant\",\"content\":\"4\"}]}\n", line);
        assertEquals("---\nname: qa\n---\nuser:\n{{question}}\n", TextEdits.apply(prompt, fix.edits()));
    }

    @Test
    void namesFilesAndPathsPlainly() {
        assertEquals("triage", ExtractExamples.baseName("prompts/triage.prompty"));
        assertEquals("reply", ExtractExamples.baseName("prompts/reply.prompt.yml"));
        assertEquals("review", ExtractExamples.baseName("review.instructions.md"));
        assertEquals("../prompts/a.prompty", ExtractExamples.relativize("config/x.strategy.yaml", "prompts/a.prompty"));
        assertEquals("a.prompty", ExtractExamples.relativize("config/x.strategy.yaml", "config/a.prompty"));
        assertEquals("prompts/a.prompty", ExtractExamples.relativize("promptwise.yaml", "prompts/a.prompty"));
    }

    private static Optional<Fix> extract(String promptPath, String promptText, String strategyText,
            String strategyPath, String workload, java.util.function.Predicate<String> exists) {
        PromptDocument prompt = ActionFixtures.parse(promptPath, promptText);
        ExtractExamples.Strategy strategy = strategyText == null ? null
                : new ExtractExamples.Strategy(strategyPath, strategyText, StrategyParser.parse(strategyText));
        return ExtractExamples.fix(new ExtractExamples.Request(promptPath, prompt, prompt.examples(), strategy,
                workload, "gpt-4o-mini", exists));
    }

    /** Checks the format of an OpenAI chat fine-tuning file and returns its lines as JSON. */
    private static List<JsonNode> checkDataset(String content, String system, int count) throws Exception {
        assertTrue(content.endsWith("\n"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : content.split("\n")) {
            JsonNode json = JSON.readTree(line);
            JsonNode messages = json.get("messages");
            List<String> roles = new ArrayList<>();
            messages.forEach(message -> roles.add(message.get("role").asText()));
            assertEquals(List.of("system", "user", "assistant"), roles);
            assertEquals(system, messages.get(0).get("content").asText());
            assertFalse(messages.get(2).get("content").asText().isBlank());
            assertNull(json.get("prompt"));
            lines.add(json);
        }
        assertEquals(count, lines.size());
        assertEquals(count, lines.stream().map(JsonNode::toString).collect(Collectors.toSet()).size());
        return lines;
    }
}
