package dev.promptwise.core.features;

import dev.promptwise.core.strategy.StrategySchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion in strategy files, including files that are not valid YAML while being typed; {@code $0} is the cursor. */
class StrategyCompletionTest {

    private static final StrategySchema SCHEMA = StrategySchema.load();


    private static final List<StrategyCompletion.ModelChoice> MODELS = List.of(
            new StrategyCompletion.ModelChoice("gpt-4o-mini", "$0.15 / $0.60 per 1M tokens"),
            new StrategyCompletion.ModelChoice("gpt-4o", "$2.50 / $10.00 per 1M tokens"));

    @Test
    void offersTopLevelKeys() {
        assertEquals(List.of("version", "defaults", "models", "workloads"), labels("$0"));
        assertEquals(List.of("defaults", "models"), labels("version: 1\nworkloads: {}\n$0"));
    }

    @Test
    void offersAWorkloadsKeysThatAreNotWrittenYet() {
        List<String> labels = labels("workloads:\n  triage:\n    prompt: a.prompty\n    tr$0\n    model: gpt-4o\n");
        assertTrue(labels.contains("traffic"), labels.toString());
        assertTrue(!labels.contains("prompt") && !labels.contains("model"), labels.toString());
    }

    @Test
    void offersKeysInsideASection() {
        assertEquals(List.of("requestsPerDay", "avgInputTokens", "avgOutputTokens", "avgReasoningTokens"),
                labels("workloads:\n  triage:\n    traffic:\n      $0\n"));
    }

    @Test
    void offersEnumValuesAndReplacesWhatIsTyped() {
        String text = "workloads:\n  triage:\n    requirements:\n      changeFrequency: we$0\n";
        List<StrategyCompletion.Choice> choices = complete(text);
        assertEquals(List.of("hourly", "daily", "weekly", "biweekly", "monthly", "quarterly", "yearly", "rarely",
                "never"), choices.stream().map(StrategyCompletion.Choice::label).toList());
        assertEquals("we", choices.get(0).range().slice(text.replace("$0", "")));
        assertEquals(List.of("prompt-engineering", "fine-tuning", "hybrid"),
                labels("workloads:\n  triage:\n    approach: $0"));
    }

    @Test
    void offersTheCanonicalValuesOfLenientEnumerationsAndTheSpecializedFlag() {
        assertEquals(List.of("text", "markdown", "json", "yaml", "xml", "csv", "code", "label", "jsonl",
                "function-call", "sql", "html", "dialogue"), labels("workloads:\n  w:\n    task:\n      outputFormat: $0"));
        assertTrue(labels("workloads:\n  w:\n    task:\n      domain: $0").contains("insurance"));
        assertEquals(List.of("true", "false"), labels("workloads:\n  w:\n    task:\n      specialized: $0"));
        List<String> taskKeys = labels("workloads:\n  w:\n    task:\n      $0\n");
        assertTrue(taskKeys.contains("specialized"), taskKeys.toString());
        assertTrue(!taskKeys.contains("owner") && !taskKeys.contains("description"), "annotations are not offered");
    }

    @Test
    void offersModelsWithTheirPricesAndPromptPathsRelativeToTheStrategyFile() {
        List<StrategyCompletion.Choice> models = complete("defaults:\n  model: $0");
        assertEquals("gpt-4o-mini", models.get(0).label());
        assertEquals("$0.15 / $0.60 per 1M tokens", models.get(0).detail());
        assertEquals(List.of("../prompts/triage.prompty"), StrategyCompletion.complete("workloads:\n  w:\n    prompt: ",
                        "workloads:\n  w:\n    prompt: ".length(), MODELS,
                        List.of("prompts/triage.prompty", "datasets/w.jsonl"), "config/promptwise.yaml", SCHEMA).stream()
                .map(StrategyCompletion.Choice::label).toList());
    }

    @Test
    void computesRelativePaths() {
        assertEquals("prompts/a.prompty", StrategyCompletion.relativeTo("promptwise.yaml", "prompts/a.prompty"));
        assertEquals("a.prompty", StrategyCompletion.relativeTo("prompts/x.strategy.yaml", "prompts/a.prompty"));
        assertEquals("../../b/a.txt", StrategyCompletion.relativeTo("c/d/x.strategy.yaml", "b/a.txt"));
    }

    private static List<String> labels(String marked) {
        return complete(marked).stream().map(StrategyCompletion.Choice::label).toList();
    }

    private static List<StrategyCompletion.Choice> complete(String marked) {
        int offset = marked.indexOf("$0");
        return StrategyCompletion.complete(marked.replace("$0", ""), offset, MODELS,
                List.of("prompts/triage.prompty"), "promptwise.yaml", SCHEMA);
    }
}
