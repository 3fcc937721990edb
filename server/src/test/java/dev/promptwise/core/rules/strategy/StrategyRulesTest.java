package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.actions.ApproachFix;
import static dev.promptwise.core.rules.strategy.StrategyFixture.checkFindings;
import static dev.promptwise.core.rules.strategy.StrategyFixture.context;
import static dev.promptwise.core.rules.strategy.StrategyFixture.findings;
import static dev.promptwise.core.rules.strategy.StrategyFixture.workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.rules.RuleRunner;
import dev.promptwise.core.rules.registry.RuleRegistry;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each strategy rule against a fixture that shows what it flags and what it leaves alone. */
class StrategyRulesTest {

    @Test
    void strategySchemaFlagsKeysValuesAndYamlProblems() {
        checkFindings(new StrategySchemaRule(), """
                workloads:
                  triage:
                    traffic: { requestPerDay: 1000 }
                               ^^^^^^^^^^^^^ error strategy-schema: Unknown key 'requestPerDay' in 'traffic': did you mean 'requestsPerDay'?
                    approach: fine-tunning
                              ^^^^^^^^^^^^ error strategy-schema: 'fine-tunning' is not a valid approach: expected prompt-engineering, fine-tuning or hybrid; did you mean 'fine-tuning'?
                    data: { labeledExamples: lots }
                                             ^^^^ error strategy-schema: 'labeledExamples' must be a whole number, not text ('lots')
                  triage:
                  ^^^^^^ error strategy-schema: Duplicate key 'triage': YAML keeps only one of them
                    prompt: a.prompty
                """, workspace());
    }

    @Test
    void strategySchemaOffersTheDidYouMeanAsAFix() {
        String text = "workloads:\n  w:\n    trafic: {}\n";
        Finding finding = findings(new StrategySchemaRule(), context(text, Settings.DEFAULTS, workspace())).get(0);
        assertEquals(new Fix("Replace with 'traffic'",
                List.of(new TextEdit(finding.range(), "traffic")), true), finding.fixes().get(0));
        assertEquals("trafic", finding.range().slice(text));
    }

    @Test
    void unknownModelSuggestsTheClosestKnownIds() {
        checkFindings(new StrategyUnknownModelRule(), """
                defaults:
                  model: gpt-4o-mni
                         ^^^^^^^^^^ warning unknown-model: No price or tokenizer is known for 'gpt-4o-mni': did you mean 'gpt-4o-mini', 'gpt-4.1-mini'? Declare it under models: to price it.
                models:
                  acme-ft-triage: { input: 0.3, output: 1.2 }
                workloads:
                  known:
                    model: gpt-4o
                  own:
                    model: acme-ft-triage
                  typo-of-own:
                    model: acme-ft-triag
                           ^^^^^^^^^^^^^ warning unknown-model: No price or tokenizer is known for 'acme-ft-triag': did you mean 'acme-ft-triage'? Declare it under models: to price it.
                    fineTuning: { baseModel: llama-9 }
                                             ^^^^^^^ warning unknown-model: No price or tokenizer is known for 'llama-9'. Declare it under models: to price it.
                """, workspace());
    }

    @Test
    void missingPromptFlagsAbsentFoldersAndEscapingPaths() {
        checkFindings(new MissingPromptRule(), """
                workloads:
                  present:
                    prompt: prompts/triage.prompty
                    fineTuning: { dataset: ./datasets/../datasets/triage.jsonl }
                  absent:
                    prompt: prompts/missing.prompty
                            ^^^^^^^^^^^^^^^^^^^^^^^ error missing-prompt: The prompt of 'absent' does not exist: no file at 'prompts/missing.prompty' in the workspace.
                  folder:
                    prompt: prompts
                            ^^^^^^^ error missing-prompt: The prompt of 'folder' is a folder, not a file: 'prompts'.
                  escaping:
                    prompt: ../secrets/key.txt
                            ^^^^^^^^^^^^^^^^^^ error missing-prompt: The prompt of 'escaping' is refused: '../secrets/key.txt' leaves the workspace through '..'.
                  absolute:
                    prompt: /etc/passwd
                            ^^^^^^^^^^^ error missing-prompt: The prompt of 'absolute' is refused: '/etc/passwd' is absolute; write it relative to the strategy file.
                  dataset:
                    fineTuning: { dataset: "%2e%2e/x.jsonl" }
                                           ^^^^^^^^^^^^^^^^ error missing-prompt: The dataset of 'dataset' is refused: '%2e%2e/x.jsonl' is URL-encoded; write the path as plain text.
                """, workspace("prompts/", "prompts/triage.prompty", "datasets/triage.jsonl"));
    }

    @Test
    void approachMismatchNamesTheDecidingFactorsAndFixesTheApproach() {
        String annotated = """
                workloads:
                  claims:
                    approach: prompt-engineering
                              ^^^^^^^^^^^^^^^^^^ warning approach-mismatch: 'claims' declares prompt-engineering, but the facts recommend fine-tuning (confidence …
                    traffic: { requestsPerDay: 250000 }
                    task: { domain: medical, complexity: high, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.9 }
                    requirements: { changeFrequency: quarterly }
                    data: { labeledExamples: 5000, proprietary: true }
                  matching:
                    approach: fine-tuning
                    traffic: { requestsPerDay: 250000 }
                    task: { domain: medical, complexity: high, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.9 }
                    requirements: { changeFrequency: quarterly }
                    data: { labeledExamples: 5000, proprietary: true }
                  unsure:
                    approach: fine-tuning
                """;
        checkFindings(new ApproachMismatchRule(), annotated, workspace());

        String text = annotated.lines().filter(line -> !line.strip().startsWith("^")).reduce("", (a, b) -> a + b + "\n");
        Finding finding = findings(new ApproachMismatchRule(), context(text, Settings.DEFAULTS, workspace())).get(0);
        assertTrue(finding.message().contains("data: 5,000 labelled examples of proprietary data"), finding.message());
        assertTrue(finding.message().contains("accuracy: Prompting reaches 90% against a target of 97%"), finding.message());
    }

    @Test
    void setApproachRewritesTheApproachAndScaffoldsFineTuningIntoAFileThatValidatesClean() {
        checkFix("""
                workloads:
                  claims:
                    approach: prompt-engineering
                    traffic: { requestsPerDay: 250000 }
                    task: { domain: legal, complexity: high, accuracyTarget: 0.98 }
                    data: { labeledExamples: 5000, proprietary: true }
                  chat:
                    approach: prompt-engineering
                """, """
                workloads:
                  claims:
                    approach: fine-tuning
                    traffic: { requestsPerDay: 250000 }
                    task: { domain: legal, complexity: high, accuracyTarget: 0.98 }
                    data: { labeledExamples: 5000, proprietary: true }
                    fineTuning:
                      baseModel: gpt-4o-mini
                      epochs: 3
                      # dataset: datasets/claims.jsonl   (the prompt's "Extract examples to a fine-tuning dataset" action writes it)
                  chat:
                    approach: prompt-engineering
                """);
    }

    @Test
    void setApproachAddsAMissingApproachKeyAndTheHybridPattern() {
        String before = """
                workloads:
                  router:
                    model: gpt-4o
                    traffic:
                      requestsPerDay: 400000
                    requirements:
                      changeFrequency: weekly
                """;
        StrategyContext ctx = context(before, Settings.DEFAULTS, workspace());
        dev.promptwise.core.strategy.Workload workload = ctx.strategy().workload("router");
        Fix fix = ApproachFix.setApproach(ctx.strategy(), workload,
                dev.promptwise.core.advice.DecisionEngine.recommend(workload,
                        new dev.promptwise.core.advice.CostOutlook(30_000, 9_000, 400, 1.0)));
        assertEquals("Set approach to hybrid and scaffold fineTuning", fix.title());
        assertEquals("""
                workloads:
                  router:
                    approach: hybrid
                    model: gpt-4o
                    traffic:
                      requestsPerDay: 400000
                    requirements:
                      changeFrequency: weekly
                    fineTuning:
                      baseModel: gpt-4o
                      epochs: 3
                      pattern: foundation-plus-specialization
                      # dataset: datasets/router.jsonl   (the prompt's "Extract examples to a fine-tuning dataset" action writes it)
                """, apply(before, fix));
    }

    /** Applies the approach-mismatch fix of {@code before} and checks the result and that every rule is quiet on it. */
    private static void checkFix(String before, String after) {
        Finding finding = findings(new ApproachMismatchRule(), context(before, Settings.DEFAULTS, workspace())).get(0);
        String fixed = apply(before, finding.fixes().get(0));
        assertEquals(after, fixed);
        assertEquals(List.of(), findings(RuleRegistry.STRATEGY, context(fixed, Settings.DEFAULTS, workspace())));
    }

    private static String apply(String text, Fix fix) {
        List<TextEdit> edits = new ArrayList<>(fix.edits());
        edits.sort((a, b) -> Integer.compare(b.range().start(), a.range().start()));
        String result = text;
        for (TextEdit edit : edits) {
            result = result.substring(0, edit.range().start()) + edit.newText() + result.substring(edit.range().end());
        }
        return result;
    }

    @Test
    void insufficientTrainingDataIsAnErrorBelowTenAndAWarningBelowFifty() {
        checkFindings(new InsufficientTrainingDataRule(), """
                workloads:
                  tiny:
                    approach: fine-tuning
                    data: { labeledExamples: 8 }
                                             ^ error insufficient-training-data: 8 labelled examples for fine-tuning of 'tiny': training needs at least 10, and 50 to expect a gain over few-shot prompting. Collect more, or prompt first and build the dataset from the outputs (iterative-refinement).
                  small:
                    approach: hybrid
                    data: { labeledExamples: 30 }
                                             ^^ warning insufficient-training-data: 30 labelled examples for hybrid of 'small': at least 50 are needed …
                  enough:
                    approach: fine-tuning
                    data: { labeledExamples: 50 }
                  collecting-first:
                    approach: hybrid
                    data: { labeledExamples: 20 }
                    fineTuning: { pattern: iterative-refinement }
                  prompting:
                    approach: prompt-engineering
                    data: { labeledExamples: 3 }
                """, workspace());
    }

    @Test
    void aSeveritySetInSettingsAppliesToBothLevels() {
        Settings settings = Settings.fromJson(json("{\"rules\": {\"insufficient-training-data\": \"information\"}}"),
                new ArrayList<>());
        checkFindings(new InsufficientTrainingDataRule(), """
                workloads:
                  tiny:
                    approach: fine-tuning
                    data: { labeledExamples: 8 }
                                             ^ information insufficient-training-data: 8 labelled examples…
                """, workspace(), settings);
        Settings off = Settings.fromJson(json("{\"rules\": {\"unknown-model\": \"off\"}}"), new ArrayList<>());
        assertEquals(List.of(), findings(new StrategyUnknownModelRule(), context("defaults: { model: nope }\n", off, workspace())));
    }

    @Test
    void volatileRequirementsFlagsFineTuningOnWeeklyOrDailyChanges() {
        checkFindings(new VolatileRequirementsRule(), """
                workloads:
                  pricing-rules:
                    approach: fine-tuning
                    traffic: { requestsPerDay: 400000 }
                    data: { labeledExamples: 2000 }
                    task: { accuracyTarget: 0.97, currentAccuracy: 0.9 }
                    requirements: { changeFrequency: weekly }
                                                     ^^^^^^ warning volatile-requirements: Requirements change weekly (about 52 retrainings a year), but 'pricing-rules' plans fine-tuning: each change means retraining. Keep the changing rules in the prompt on top of a fine-tuned core (hybrid, foundation-plus-specialization).
                  news:
                    approach: fine-tuning
                    requirements: { changeFrequency: daily }
                                                     ^^^^^ warning volatile-requirements: Requirements change daily (about 365 retrainings a year), but 'news' plans fine-tuning: each change means retraining. Keep the task in the prompt, where a change is an edit: the facts recommend prompt-engineering.
                  few-examples:
                    approach: fine-tuning
                    traffic: { requestsPerDay: 400000 }
                    data: { labeledExamples: 20 }
                    task: { accuracyTarget: 0.97, currentAccuracy: 0.9 }
                    requirements: { changeFrequency: daily }
                                                     ^^^^^ warning volatile-requirements: Requirements change daily (about 365 retrainings a year), but 'few-examples' plans fine-tuning: each change means retraining. Keep the task in the prompt, where a change is an edit: the facts recommend prompt-engineering.
                  hybrid:
                    approach: hybrid
                    requirements: { changeFrequency: weekly }
                  stable:
                    approach: fine-tuning
                    requirements: { changeFrequency: quarterly }
                """, workspace());
    }

    @Test
    void aFailingRuleIsLoggedAndSkippedAndTheRegistryListsEveryRuleOnce() {
        assertEquals(RuleRegistry.STRATEGY.size(),
                RuleRegistry.STRATEGY.stream().map(Rule::id).distinct().count());
        assertEquals(10, RuleRegistry.STRATEGY.size());
        StrategyContext broken = new StrategyContext(dev.promptwise.core.strategy.StrategyParser.parse(
                "workloads:\n  w:\n    model: x\n    approach: fine-tuning\n    data: { labeledExamples: 3 }\n"),
                "promptwise.yaml", Settings.DEFAULTS, id -> { throw new IllegalStateException("catalog down"); },
                id -> List.of(), workspace(), workload -> null);
        List<String> failures = new ArrayList<>();
        List<Finding> findings = new RuleRunner((ruleId, path, failure) -> failures.add(ruleId + " on " + path + ": "
                + failure.getMessage())).run(RuleRegistry.STRATEGY, broken, Cancellation.NONE);
        assertEquals(List.of("insufficient-training-data"), findings.stream().map(Finding::ruleId).toList());
        assertEquals(List.of("unknown-model on promptwise.yaml: catalog down"), failures);
    }

    @Test
    void everyRuleHasItsPage() throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/rules");
        for (Rule<StrategyContext> rule : RuleRegistry.STRATEGY) {
            Path page = docs.resolve(rule.id() + ".md");
            assertTrue(Files.isRegularFile(page), "missing " + page);
            String text = Files.readString(page);
            for (String section : List.of("## What it checks", "## Why", "## Example", "## How to fix",
                    "## Severity")) {
                assertTrue(text.contains(section), page + " lacks " + section);
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
