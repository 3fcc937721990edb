package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a strategy file accepts: each spelling as the parser reads it and as the schema check reports it (nothing,
 * a hint with a quick fix, a warning, or an error only for what cannot be understood).
 */
class SpellingsTest {

    private static final StrategySchema SCHEMA = StrategySchema.load();


    /** The section and key of each fact the table below writes, and how to read it back from the parsed workload. */
    private static Object read(Workload workload, String key) {
        return switch (key) {
            case "domain" -> Located.valueOf(workload.task().domain());
            case "outputFormat" -> Located.valueOf(workload.task().outputFormat());
            case "complexity" -> Located.valueOf(workload.task().complexity());
            case "accuracyTarget" -> Located.valueOf(workload.task().accuracyTarget());
            case "currentAccuracy" -> Located.valueOf(workload.task().currentAccuracy());
            case "changeFrequency" -> Located.valueOf(workload.requirements().changeFrequency());
            case "variability" -> Located.valueOf(workload.requirements().variability());
            case "mlExpertise" -> Located.valueOf(workload.team().mlExpertise());
            case "requestsPerDay" -> Located.valueOf(workload.traffic().requestsPerDay());
            case "labeledExamples" -> Located.valueOf(workload.data().labeledExamples());
            case "approach" -> workload.declaredApproach();
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static String section(String key) {
        return switch (key) {
            case "domain", "outputFormat", "complexity", "accuracyTarget", "currentAccuracy" -> "task";
            case "changeFrequency", "variability" -> "requirements";
            case "mlExpertise" -> "team";
            case "requestsPerDay" -> "traffic";
            case "labeledExamples" -> "data";
            default -> null;
        };
    }

    private static String strategy(String key, String written) {
        String section = section(key);
        return section == null ? "workloads:\n  w:\n    " + key + ": " + written + "\n"
                : "workloads:\n  w:\n    " + section + ":\n      " + key + ": " + written + "\n";
    }

    @ParameterizedTest(name = "{0}: {1} reads as {2}, hint {3}")
    @CsvSource(delimiter = '|', textBlock = """
            domain          | insurance          | insurance        | -
            domain          | hr                 | hr               | -
            domain          | e-commerce         | e-commerce       | -
            domain          | E-Commerce         | e-commerce       | -
            domain          | ecommerce          | e-commerce       | -
            domain          | Legal              | legal            | -
            domain          | LEGAL              | legal            | -
            domain          | customer_support   | customer-support | -
            domain          | healthcare         | medical          | medical
            domain          | Healthcare         | medical          | medical
            domain          | customer-service   | customer-support | customer-support
            domain          | Customer Service   | customer-support | customer-support
            domain          | law                | legal            | legal
            domain          | fintech            | finance          | finance
            domain          | human-resources    | hr               | hr
            domain          | retail             | e-commerce       | e-commerce
            outputFormat    | JSON               | json             | -
            outputFormat    | html               | html             | -
            outputFormat    | sql                | sql              | -
            outputFormat    | jsonl              | jsonl            | -
            outputFormat    | function-call      | function-call    | -
            outputFormat    | function_call      | function-call    | -
            outputFormat    | dialogue           | dialogue         | -
            outputFormat    | tool-calls         | function-call    | function-call
            outputFormat    | ndjson             | jsonl            | jsonl
            outputFormat    | chat               | dialogue         | dialogue
            outputFormat    | md                 | markdown         | markdown
            changeFrequency | never              | never            | -
            changeFrequency | rarely             | rarely           | -
            changeFrequency | biweekly           | biweekly         | -
            changeFrequency | Bi-Weekly          | biweekly         | -
            changeFrequency | hourly             | hourly           | -
            changeFrequency | Weekly             | weekly           | -
            changeFrequency | fortnightly        | biweekly         | biweekly
            changeFrequency | annually           | yearly           | yearly
            mlExpertise     | expert             | high             | high
            mlExpertise     | none               | none             | -
            mlExpertise     | High               | high             | -
            mlExpertise     | intermediate       | medium           | medium
            complexity      | complex            | high             | high
            variability     | diverse            | varied           | varied
            approach        | finetuning         | fine-tuning      | -
            approach        | Prompt Engineering | prompt-engineering | -
            approach        | prompting          | prompt-engineering | prompt-engineering
            accuracyTarget  | 0.95               | 0.95             | -
            accuracyTarget  | 1                  | 1.0              | -
            accuracyTarget  | 0                  | 0.0              | -
            accuracyTarget  | 95                 | 0.95             | 0.95
            accuracyTarget  | 99.5               | 0.995            | 0.995
            accuracyTarget  | 100                | 1.0              | 1
            accuracyTarget  | 10                 | 0.1              | 0.1
            accuracyTarget  | '"95%"'            | 0.95             | 0.95
            accuracyTarget  | 95%                | 0.95             | 0.95
            accuracyTarget  | '"1.5%"'           | 0.015            | 0.015
            currentAccuracy | 88                 | 0.88             | 0.88
            requestsPerDay  | 250000             | 250000.0         | -
            requestsPerDay  | 10_000             | 10000.0          | 10000
            requestsPerDay  | 10k                | 10000.0          | 10000
            requestsPerDay  | 10K                | 10000.0          | 10000
            requestsPerDay  | 1.5M               | 1500000.0        | 1500000
            requestsPerDay  | 2.5 k              | 2500.0           | 2500
            requestsPerDay  | '"10,000"'         | 10000.0          | 10000
            requestsPerDay  | '"250000"'         | 250000.0         | 250000
            requestsPerDay  | 1e6                | 1000000.0        | -
            requestsPerDay  | 2.5e3k             | 2500000.0        | 2500000
            labeledExamples | 1.5k               | 1500             | 1500
            labeledExamples | 2_000              | 2000             | 2000
            """)
    void acceptedSpellingsAreReadWithoutAnError(String key, String written, String expected, String hint) {
        String text = strategy(key, written);
        Workload workload = StrategyParser.parse(text).workload("w");
        Object value = read(workload, key);
        assertEquals(expected, String.valueOf(value), "value read from " + written);
        List<SchemaProblem> problems = SCHEMA.validate(YamlReader.read(text));
        if (hint.equals("-")) {
            assertEquals(List.of(), problems, written + " needs no note");
        } else {
            assertEquals(1, problems.size(), written + " gives one hint: " + problems);
            SchemaProblem problem = problems.get(0);
            assertEquals(Severity.HINT, problem.severity(), problem.message());
            assertEquals(hint, problem.suggestion(), "the quick fix writes the value read");
            assertEquals(written.replace("'", ""), problem.range().slice(text), "flagged on the value");
            assertTrue(problem.message().contains(hint), problem.message());
        }
        assertEquals(problems, SCHEMA.validate(YamlReader.read(text), text),
                "the per-workload validation agrees with the whole-file one");
    }

    @ParameterizedTest(name = "{0}: {1} is an error")
    @CsvSource(delimiter = '|', textBlock = """
            accuracyTarget  | 150        | '150' cannot be an accuracy: write a fraction from 0 to 1 (0.95) or a percentage up to 100 (95 or "95%")
            accuracyTarget  | 1.5        | '1.5' cannot be an accuracy: write a fraction from 0 to 1 (0.95) or a percentage up to 100 (95 or "95%")
            accuracyTarget  | -0.1       | '-0.1' cannot be an accuracy: write a fraction from 0 to 1 (0.95) or a percentage up to 100 (95 or "95%")
            accuracyTarget  | '"150%"'   | '150%' cannot be an accuracy: write a fraction from 0 to 1 (0.95) or a percentage up to 100 (95 or "95%")
            accuracyTarget  | high       | 'accuracyTarget' must be a number, not text ('high')
            requestsPerDay  | lots       | 'requestsPerDay' must be a number, not text ('lots')
            requestsPerDay  | 10x        | 'requestsPerDay' must be a number, not text ('10x')
            requestsPerDay  | 95%        | 'requestsPerDay' must be a number, not text ('95%')
            requestsPerDay  | 1,0000     | 'requestsPerDay' must be a number, not text ('1,0000')
            labeledExamples | 10.5       | 'labeledExamples' must be a whole number, not a number (10.5)
            outputFormat    | pdf        | 'pdf' is not a valid outputFormat: expected text, markdown, json, yaml, xml, csv, code, label, jsonl, function-call, sql, html or dialogue
            changeFrequency | sometimes  | 'sometimes' is not a valid changeFrequency: expected hourly, daily, weekly, biweekly, monthly, quarterly, yearly, rarely or never
            mlExpertise     | guru       | 'guru' is not a valid mlExpertise: expected none, low, medium or high
            approach        | fine-tunning | 'fine-tunning' is not a valid approach: expected prompt-engineering, fine-tuning or hybrid; did you mean 'fine-tuning'?
            """)
    void whatCannotBeUnderstoodIsAnErrorAndReadsAsNothing(String key, String written, String message) {
        String text = strategy(key, written);
        assertNull(read(StrategyParser.parse(text).workload("w"), key), written + " reads as nothing");
        List<SchemaProblem> problems = SCHEMA.validate(YamlReader.read(text));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertEquals(message, problems.get(0).message());
        assertEquals(problems, SCHEMA.validate(YamlReader.read(text), text));
    }

    @Test
    void aDomainOutsideTheListIsAWarningAndCountsAsOther() {
        String text = strategy("domain", "gaming");
        Workload workload = StrategyParser.parse(text).workload("w");
        assertEquals(Domain.OTHER, Located.valueOf(workload.task().domain()));
        assertEquals("gaming", Located.valueOf(workload.task().domainName()));
        List<SchemaProblem> problems = SCHEMA.validate(YamlReader.read(text));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertEquals("gaming", problems.get(0).range().slice(text));
        assertTrue(problems.get(0).message().startsWith("'gaming' is not a domain Promptwise knows"),
                problems.get(0).message());
        assertTrue(problems.get(0).message().contains("task.specialized"), problems.get(0).message());
        // A near miss of a known domain says which one it probably is, and offers it as a fix.
        SchemaProblem nearMiss = SCHEMA.validate(YamlReader.read(strategy("domain", "finanse")))
                .get(0);
        assertEquals(Severity.WARNING, nearMiss.severity());
        assertEquals("finance", nearMiss.suggestion());
    }

    @Test
    void theRuleSeverityCapsAndIsCappedByTheProblemsOwn() {
        SchemaProblem hint = new SchemaProblem(new dev.promptwise.core.text.TextRange(0, 1), "m", List.of(), null,
                Severity.HINT);
        SchemaProblem warning = new SchemaProblem(new dev.promptwise.core.text.TextRange(0, 1), "m", List.of(), null,
                Severity.WARNING);
        SchemaProblem error = new SchemaProblem(new dev.promptwise.core.text.TextRange(0, 1), "m", List.of(), null);
        assertEquals(Severity.HINT, hint.severityUnder(Severity.ERROR));
        assertEquals(Severity.WARNING, warning.severityUnder(Severity.ERROR));
        assertEquals(Severity.ERROR, error.severityUnder(Severity.ERROR));
        assertEquals(Severity.INFORMATION, error.severityUnder(Severity.INFORMATION));
        assertEquals(Severity.INFORMATION, warning.severityUnder(Severity.INFORMATION));
        assertEquals(Severity.HINT, hint.severityUnder(Severity.INFORMATION));
    }

    @Test
    void ownerDescriptionAndXKeysAreAllowedInEveryMappingOfFixedKeys() {
        String text = """
                version: 1
                owner: platform-team
                description: Claims handling
                x-cost-center: 4711
                defaults:
                  owner: someone
                  model: gpt-4o-mini
                  budget: { maxMonthlyCost: 100, x-note: soft }
                models:
                  my-model:
                    description: our fine-tune
                    input: 1
                    output: 2
                    fineTuning: { training: 3, x-source: invoice }
                workloads:
                  w:
                    owner: claims-team
                    description: Triage of incoming claims
                    x-jira: CLAIMS-12
                    traffic: { requestsPerDay: 1000, description: peak season }
                    task: { domain: insurance, x-reviewed: { by: someone, on: 2026-01-01 } }
                    requirements: { owner: legal }
                    data: { description: hand-labelled }
                    team: { owner: ml }
                    fineTuning: { x-vendor: openai }
                    budget: { owner: finance }
                """;
        assertEquals(List.of(), SCHEMA.validate(YamlReader.read(text)));
        assertEquals(List.of(), SCHEMA.validate(YamlReader.read(text), text));
        // A misspelt key is still an unknown key.
        List<SchemaProblem> problems = SCHEMA.validate(YamlReader.read("ownr: me\n"));
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertTrue(problems.get(0).message().startsWith("Unknown key 'ownr'"), problems.get(0).message());
    }

    @Test
    void theTablesAgreeWithTheEnumsAndTheSchema() {
        assertIds(Spellings.DOMAIN, Domain.values(), Domain::id, "workloads", "w", "task", "domain");
        assertIds(Spellings.OUTPUT_FORMAT, OutputFormat.values(), OutputFormat::id, "workloads", "w", "task",
                "outputFormat");
        assertIds(Spellings.CHANGE_FREQUENCY, ChangeFrequency.values(), ChangeFrequency::id, "workloads", "w",
                "requirements", "changeFrequency");
        assertIds(Spellings.LEVEL, Level.values(), Level::id, "workloads", "w", "team", "mlExpertise");
        assertIds(Spellings.COMPLEXITY, Complexity.values(), Complexity::id, "workloads", "w", "task", "complexity");
        assertIds(Spellings.VARIABILITY, Variability.values(), Variability::id, "workloads", "w", "requirements",
                "variability");
        assertIds(Spellings.APPROACH, Approach.values(), Approach::id, "workloads", "w", "approach");
        assertIds(Spellings.PATTERN, HybridPattern.values(), HybridPattern::id, "workloads", "w", "fineTuning",
                "pattern");
    }

    private static <E> void assertIds(Spellings.Vocabulary vocabulary, E[] constants, Function<E, String> id,
            String... path) {
        List<String> ids = new ArrayList<>();
        for (E constant : constants) {
            ids.add(id.apply(constant));
        }
        assertEquals(ids, vocabulary.ids(), "the table lists the enum's ids in its order");
        assertEquals(ids, SCHEMA.enumValues(List.of(path)), "the schema offers the same values");
        assertEquals(vocabulary, Spellings.vocabulary(StrategyKeys.docPath(List.of(path))));
        Set<String> squashed = new HashSet<>();
        for (String each : ids) {
            assertTrue(squashed.add(Spellings.squash(each)), "two ids squash alike: " + each);
        }
        vocabulary.synonyms().forEach((synonym, target) -> {
            assertTrue(ids.contains(target), synonym + " reads as an id");
            assertTrue(!squashed.contains(synonym), synonym + " is also an id");
        });
    }
}
