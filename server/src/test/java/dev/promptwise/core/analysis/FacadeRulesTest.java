package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The façade runs strategy rules the way it runs prompt rules: a file's {@code promptwise-disable} comment silences a
 * rule, every finding offers to disable its rule, and a rule that throws reaches the log the edge gave the façade.
 */
class FacadeRulesTest {

    private static final String STRATEGY = """
            workloads:
              triage:
                model: gpt-4o-mni
                prompt: prompts/triage.prompty
            """;

    private final List<String> log = new ArrayList<>();
    private final PromptwiseAnalysis core = new PromptwiseAnalysis(PriceCatalog.bundled(), log::add);

    private List<Finding> findings(String text, StrategyWorkspace workspace) {
        AnalyzedStrategy strategy = core.analyzeStrategy(core.parseStrategy("promptwise.yaml", text),
                Settings.DEFAULTS, workspace, Cancellation.NONE);
        return core.strategyDiagnostics(strategy, Cancellation.NONE);
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    @Test
    void aDisableCommentAtTheTopOfAStrategyFileSilencesTheRulesItNames() {
        assertEquals(List.of("unknown-model", "missing-prompt"), ids(findings(STRATEGY, StrategyWorkspace.EMPTY)));
        assertEquals(List.of("missing-prompt"),
                ids(findings("# promptwise-disable unknown-model\n" + STRATEGY, StrategyWorkspace.EMPTY)));
        assertEquals(List.of(), ids(findings("# promptwise-disable unknown-model, missing-prompt -- a draft\n"
                + STRATEGY, StrategyWorkspace.EMPTY)));
        assertEquals(List.of(), log);
    }

    @Test
    void applyingTheDisableFixOfAStrategyFindingSilencesIt() {
        Finding unknown = findings(STRATEGY, StrategyWorkspace.EMPTY).get(0);
        Fix disable = unknown.fixes().get(unknown.fixes().size() - 1);
        assertEquals("Disable unknown-model in this file", disable.title());
        assertEquals(1, disable.edits().size());
        String fixed = disable.edits().get(0).newText() + STRATEGY;
        assertEquals(0, disable.edits().get(0).range().start());
        assertEquals(List.of("missing-prompt"), ids(findings(fixed, StrategyWorkspace.EMPTY)));
    }

    @Test
    void aStrategyRuleThatThrowsIsLoggedToTheFacadesLogAndTheOthersStillReport() {
        boolean[] diskGone = {false};
        StrategyWorkspace failing = new StrategyWorkspace() {
            @Override
            public boolean exists(String path) {
                if (diskGone[0]) {
                    throw new IllegalStateException("disk gone");
                }
                return false;
            }

            @Override
            public Optional<String> read(String path) {
                return Optional.empty();
            }
        };
        AnalyzedStrategy strategy = core.analyzeStrategy(core.parseStrategy("promptwise.yaml", STRATEGY),
                Settings.DEFAULTS, failing, Cancellation.NONE);
        diskGone[0] = true;
        assertEquals(List.of("unknown-model"), ids(core.strategyDiagnostics(strategy, Cancellation.NONE)));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("Rule missing-prompt failed on promptwise.yaml and was skipped: "
                + "java.lang.IllegalStateException: disk gone"), log.get(0));
    }

    @Test
    void aReadingTheSchemaOnlyNotesStaysAtItsOwnLevelWhenTheRuleIsRaised() throws Exception {
        String text = """
                workloads:
                  triage:
                    traffic: { requestsPerDay: 10k }
                    task: { domain: gaming }
                    data: { labeledExamples: lots }
                """;
        for (String configured : List.of("error", "warning", "information", "hint")) {
            Settings settings = Settings.fromJson(new ObjectMapper()
                    .readTree("{\"rules\": {\"strategy-schema\": \"" + configured + "\"}}"), new ArrayList<>());
            AnalyzedStrategy strategy = core.analyzeStrategy(core.parseStrategy("promptwise.yaml", text), settings,
                    StrategyWorkspace.EMPTY, Cancellation.NONE);
            List<String> severities = core.strategyDiagnostics(strategy, Cancellation.NONE).stream()
                    .filter(finding -> finding.ruleId().equals("strategy-schema"))
                    .map(finding -> finding.severity().name().toLowerCase(Locale.ROOT)).toList();
            // 10k is read as a number (a hint), gaming is an unknown domain (a warning), lots cannot be read (an error):
            // each at the configured severity, but never above its own level.
            Severity setting = Severity.valueOf(configured.toUpperCase(Locale.ROOT));
            List<String> expected = Stream.of(Severity.HINT, Severity.WARNING, Severity.ERROR)
                    .map(own -> (setting.ordinal() >= own.ordinal() ? setting : own).name()
                            .toLowerCase(Locale.ROOT)).toList();
            assertEquals(expected, severities, "rules.strategy-schema = " + configured);
        }
    }
}
