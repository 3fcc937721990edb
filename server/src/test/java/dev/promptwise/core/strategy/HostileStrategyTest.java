package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.HangGuard;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.rules.RuleRunner;
import dev.promptwise.core.rules.registry.RuleRegistry;
import dev.promptwise.core.rules.strategy.StrategyContext;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile strategy files: each gives a strategy-schema finding within bounded time, never an exception. */
class HostileStrategyTest {

    @Test
    void billionLaughs() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (name - 1));
            }
            bomb.append("]\n");
        }
        assertFlagged(bomb.toString());
    }

    @Test
    void tenThousandLevelsOfNesting() {
        assertFlagged("workloads: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertFlagged("workloads:\n" + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
    }

    @Test
    void aFiftyMegabyteScalar() {
        assertFlagged("workloads:\n  w:\n    prompt: " + "x".repeat(50 * 1024 * 1024) + "\n");
    }

    @Test
    void aFileThatIsNotAMappingAndAWorkloadThatIsAList() {
        assertFlagged("- just\n- a list\n");
        assertFlagged("workloads:\n  w:\n    - prompt: a.prompty\n");
        assertFlagged("workloads:\n  w:\n    traffic: { requestsPerDay: [1, 2] }\n    prompt: 42\n");
    }

    private static void assertFlagged(String text) {
        List<Finding> findings = HangGuard.run(Duration.ofSeconds(10), Duration.ofMinutes(10), () -> {
            StrategyFile strategy = StrategyParser.parse(text);
            StrategyContext ctx = new StrategyContext(strategy, "promptwise.yaml", Settings.DEFAULTS, id -> true,
                    id -> List.of(), path -> true, workload -> null);
            return new RuleRunner((ruleId, path, failure) -> {
                throw new AssertionError(ruleId + " failed", failure);
            }).run(RuleRegistry.STRATEGY, ctx, Cancellation.NONE);
        }).value();
        assertFalse(findings.isEmpty());
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("strategy-schema")), findings.toString());
    }
}
