package dev.promptwise.core.features;

import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The paths a strategy file links to, resolved from its folder, and the workloads a prompt belongs to. */
class StrategyLinksTest {

    private static final String TEXT = """
            workloads:
              triage:
                prompt: ../prompts/triage.prompty
                fineTuning: { dataset: data/triage.jsonl }
              escape:
                prompt: ../../outside.txt
              second-triage:
                prompt: ./../prompts/./triage.prompty
            """;

    @Test
    void resolvesEveryPathInsideTheWorkspace() {
        List<StrategyLinks.Link> links = StrategyLinks.links(StrategyParser.parse(TEXT), "config/promptwise.yaml");
        assertEquals(List.of("triage prompt prompts/triage.prompty ../prompts/triage.prompty",
                        "triage dataset config/data/triage.jsonl data/triage.jsonl",
                        "second-triage prompt prompts/triage.prompty ./../prompts/./triage.prompty"),
                links.stream().map(link -> link.workload() + " " + link.key() + " " + link.path() + " "
                        + link.range().slice(TEXT)).toList());
    }

    @Test
    void findsTheWorkloadsOfAPrompt() {
        StrategyFile strategy = StrategyParser.parse(TEXT);
        assertEquals(List.of("triage", "second-triage"),
                StrategyLinks.workloadsOf(strategy, "config/promptwise.yaml", "prompts/triage.prompty").stream()
                        .map(Workload::name).toList());
        assertEquals(List.of(), StrategyLinks.workloadsOf(strategy, "config/promptwise.yaml", "prompts/other.md"));
    }
}
