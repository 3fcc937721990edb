package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validates strategy files against the bundled schema and checks that each error lands on the right text. */
class StrategySchemaTest {

    private static final StrategySchema SCHEMA = StrategySchema.load();


    @Test
    void theDesignExampleIsValid() {
        String text = """
                version: 1
                defaults:
                  model: gpt-4o-mini
                  budget: { maxPromptTokens: 4000, maxMonthlyCost: 2000 }
                models:
                  acme-ft-triage: { input: 0.30, cachedInput: 0.15, output: 1.20, contextWindow: 128000, encoding: o200k_base }
                workloads:
                  support-triage:
                    prompt: prompts/triage.prompty
                    model: gpt-4o
                    approach: prompt-engineering
                    traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 180 }
                    task: { domain: general, complexity: medium, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.91 }
                    requirements: { changeFrequency: monthly, variability: uniform }
                    data: { labeledExamples: 3000, proprietary: true }
                    team: { mlExpertise: medium, timelineWeeks: 6 }
                    fineTuning: { baseModel: gpt-4o-mini, dataset: datasets/support-triage.jsonl, epochs: 3, pattern: foundation-plus-specialization }
                    budget: { maxPromptTokens: 2500, maxMonthlyCost: 8000 }
                """;
        assertEquals(List.of(), validate(text));
    }

    @Test
    void flagsAnUnknownKeyOnTheKeyWithDidYouMean() {
        String text = "workloads:\n  w:\n    traffic: { requestPerDay: 10 }\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("requestPerDay", problem.range().slice(text));
        assertEquals("Unknown key 'requestPerDay' in 'traffic': did you mean 'requestsPerDay'?", problem.message());
        assertEquals("requestsPerDay", problem.suggestion());
        assertEquals(List.of("workloads", "w", "traffic", "requestPerDay"), problem.path());
    }

    @Test
    void flagsAnUnknownTopLevelKey() {
        String text = "workload:\n  w: {}\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("workload", problem.range().slice(text));
        assertEquals("Unknown key 'workload' at the top level: did you mean 'workloads'?", problem.message());
    }

    @Test
    void flagsAWrongTypeOnTheValue() {
        String text = "workloads:\n  w:\n    traffic: { requestsPerDay: many }\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("many", problem.range().slice(text));
        assertEquals("'requestsPerDay' must be a number, not text ('many')", problem.message());
    }

    @Test
    void flagsAValueOutsideItsSetOnTheValueWithDidYouMean() {
        String text = "workloads:\n  w:\n    requirements: { changeFrequency: weekley }\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("weekley", problem.range().slice(text));
        assertEquals("'weekley' is not a valid changeFrequency: expected hourly, daily, weekly, biweekly, monthly,"
                + " quarterly, yearly, rarely or never; did you mean 'weekly'?", problem.message());
    }

    @Test
    void flagsAValueOutOfRangeOnTheValue() {
        String text = "workloads:\n  w:\n    task:\n      accuracyTarget: 1.5\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("1.5", problem.range().slice(text));
        assertEquals("'1.5' cannot be an accuracy: write a fraction from 0 to 1 (0.95) or a percentage up to 100 (95 or"
                + " \"95%\")", problem.message());
        String negative = "workloads:\n  w:\n    traffic:\n      requestsPerDay: -5\n";
        SchemaProblem below = validate(negative).get(0);
        assertEquals("-5", below.range().slice(negative));
        assertEquals("'requestsPerDay' must be at least 0, not -5", below.message());
    }

    @Test
    void flagsAWorkloadThatIsAListAndARootThatIsNotAMapping() {
        String workloadList = "workloads:\n  w: [a, b]\n";
        SchemaProblem problem = validate(workloadList).get(0);
        assertEquals("[a, b]", problem.range().slice(workloadList));
        assertEquals("'w' must be a mapping, not a list", problem.message());

        String list = "- a\n- b\n";
        assertEquals("The strategy file must be a mapping, not a list", validate(list).get(0).message());
    }

    @Test
    void flagsAnEmptyValueOnItsKey() {
        String text = "workloads:\n  w:\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("w", problem.range().slice(text));
        assertEquals("'w' must be a mapping, not empty", problem.message());
    }

    @Test
    void flagsNumbersWhereTextBelongs() {
        String text = "workloads:\n  w:\n    prompt: 42\n";
        SchemaProblem problem = validate(text).get(0);
        assertEquals("42", problem.range().slice(text));
        assertEquals("'prompt' must be text, not a number (42)", problem.message());
    }

    @Test
    void refusesAnAliasBombWithinBoundedTime() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            char previous = (char) (name - 1);
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
        }
        // The YAML layer refuses the bomb before the validator can expand it; the validator then has no tree.
        var yaml = YamlReader.read(bomb.toString());
        assertTrue(yaml.problems().stream().anyMatch(p -> p.message().contains("alias bomb")), yaml.problems().toString());
        assertEquals(List.of(), SCHEMA.validate(yaml));
    }

    @Test
    void answersCompletionLookups() {
        StrategySchema schema = SCHEMA;
        assertTrue(schema.allowedKeys(List.of("workloads", "anything")).contains("traffic"));
        assertEquals(List.of("prompt-engineering", "fine-tuning", "hybrid"),
                schema.enumValues(List.of("workloads", "w", "approach")));
        assertEquals(List.of(), schema.allowedKeys(List.of("nowhere")));
    }

    @Test
    void docsCarryAnIdenticalCopyOfTheSchema() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        String bundled = Files.readString(root.resolve("server/src/main/resources/schema/promptwise.schema.json"));
        String published = Files.readString(root.resolve("docs/promptwise.schema.json"));
        assertEquals(bundled, published, "docs/promptwise.schema.json must be a copy of the bundled schema");
    }

    @Test
    void everySchemaPropertyHasItsMarkdownPage() {
        List<String> missing = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        collect(SCHEMA.json(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 40, "expected the schema's keys, found " + paths);
        for (String path : paths) {
            List<String> keys = List.of(path.split("\\."));
            if (StrategyKeys.documentation(keys).map(String::isBlank).orElse(true)) {
                missing.add(path);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> paths = new ArrayList<>();
        collect(SCHEMA.json(), new ArrayList<>(), paths);
        for (String path : paths) {
            List<String> keys = List.of(path.split("\\."));
            assertTrue(SCHEMA.description(keys).filter(d -> !d.isBlank()).isPresent(), path);
        }
    }

    /** Collects the dotted path of every property, with "name" standing for workload and model names. */
    private static void collect(com.fasterxml.jackson.databind.JsonNode schema, List<String> prefix, List<String> out) {
        com.fasterxml.jackson.databind.JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.fields().forEachRemaining(field -> {
                List<String> path = new ArrayList<>(prefix);
                path.add(field.getKey());
                out.add(String.join(".", path));
                collect(field.getValue(), path, out);
            });
        }
        if (schema.path("additionalProperties").isObject()) {
            List<String> path = new ArrayList<>(prefix);
            path.add("name");
            collect(schema.get("additionalProperties"), path, out);
        }
    }

    private static List<SchemaProblem> validate(String text) {
        return SCHEMA.validate(YamlReader.read(text));
    }
}
