package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.cli.BaselineComparison.FindingChange;
import dev.promptwise.cli.BaselineComparison.Presence;
import dev.promptwise.cli.BaselineComparison.WorkloadChange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of two {@code check --format json} documents, read from the JSON contract alone. */
class BaselineComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void workloadFiguresComeFromBothSidesAndThePromptEntryRelativeToTheStrategyFile() throws Exception {
        JsonNode base = doc(file("app/prompts/a.txt", 100, 0.001), workload("app/promptwise.yaml", "a",
                "prompts/../prompts/a.txt", 0.001, 300.0));
        JsonNode head = doc(file("app/prompts/a.txt", 120, 0.0012), workload("app/promptwise.yaml", "a",
                "prompts/a.txt", 0.0012, 360.0));
        WorkloadChange change = BaselineComparison.compare(base, head).workloads().get(0);
        assertEquals(Presence.BOTH, change.presence());
        assertEquals(100.0, change.tokens().before());
        assertEquals(120.0, change.tokens().after());
        assertEquals(300.0, change.monthly().before());
        assertEquals((360.0 - 300.0) / 300.0 * 100, change.monthly().percent(), 1e-9);
        assertEquals("+20.0 %", ComparisonOutput.monthlyChange(change));
    }

    @Test
    void theCostGateTakesOnlyGrowthAboveThePercentageOfAKnownCost() throws Exception {
        JsonNode base = doc(null, workload("s.yaml", "grows", "p", 0.01, 100.0), workload("s.yaml", "shrinks", "p",
                0.01, 100.0), workload("s.yaml", "unknown-now", "p", 0.01, 50.0),
                workload("s.yaml", "known-now", "p", null, null), workload("s.yaml", "from-zero", "p", 0.0, 0.0),
                workload("s.yaml", "removed", "p", 1.0, 900.0));
        JsonNode head = doc(null, workload("s.yaml", "grows", "p", 0.0111, 111.0), workload("s.yaml", "shrinks", "p",
                0.005, 50.0), workload("s.yaml", "unknown-now", "p", null, null),
                workload("s.yaml", "known-now", "p", 0.02, 80.0), workload("s.yaml", "from-zero", "p", 0.001, 3.0),
                workload("s.yaml", "added", "p", 5.0, 5000.0));
        BaselineComparison comparison = BaselineComparison.compare(base, head);
        assertEquals(List.of("grows", "from-zero"), names(comparison.costIncreasesAbove(10)));
        assertEquals(List.of("from-zero"), names(comparison.costIncreasesAbove(11)));
        assertEquals("monthly cost now unknown", ComparisonOutput.monthlyChange(find(comparison, "unknown-now")));
        assertEquals("monthly cost now known", ComparisonOutput.monthlyChange(find(comparison, "known-now")));
        assertEquals("from $0.00", ComparisonOutput.monthlyChange(find(comparison, "from-zero")));
        assertEquals("new workload", ComparisonOutput.monthlyChange(find(comparison, "added")));
        assertEquals("workload removed", ComparisonOutput.monthlyChange(find(comparison, "removed")));
        assertNull(find(comparison, "from-zero").monthly().percent(), "no percentage of zero");
        assertTrue(find(comparison, "known-now").knownOnOneSide());
    }

    @Test
    void findingsMatchByFileRuleAndMessageNotByLineAndCountAsAMultiset() throws Exception {
        String file = "p.txt";
        JsonNode base = doc(file(file, 10, 0.1, finding("dup", "warning", "Repeated", 3),
                finding("dup", "warning", "Repeated", 9), finding("long", "warning", "Too long", 0)), null);
        JsonNode head = doc(file(file, 12, 0.1, finding("dup", "warning", "Repeated", 5),
                finding("dup", "warning", "Repeated", 11), finding("dup", "warning", "Repeated", 20),
                finding("vague", "information", "Vague", 2)), null);
        List<FindingChange> findings = BaselineComparison.compare(base, head).findings();
        assertEquals(3, findings.size(), findings.toString());
        assertEquals(new FindingChange(file, "dup", "warning", "Repeated", 21, Presence.NEW), findings.get(0));
        assertEquals(new FindingChange(file, "vague", "information", "Vague", 3, Presence.NEW), findings.get(1));
        assertEquals(new FindingChange(file, "long", "warning", "Too long", 1, Presence.GONE), findings.get(2));
    }

    @Test
    void theMarkdownTableListsOnlyChangesAndEscapesPipes() throws Exception {
        JsonNode base = doc(file("a|b.txt", 10, 0.5), workload("s.yaml", "same", "x", 1.0, 30.0),
                workload("s.yaml", "w", "a|b.txt", 0.5, 1000.0));
        JsonNode head = doc(file("a|b.txt", 20, 1.0), workload("s.yaml", "same", "x", 1.0, 30.0),
                workload("s.yaml", "w", "a|b.txt", 1.0, 2000.0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComparisonOutput.markdown(BaselineComparison.compare(base, head), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String markdown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(markdown.contains("| w | s.yaml | 10 → 20 | $0.50 → $1.00 | $1,000.00 → $2,000.00 | +100.0 % |"),
                markdown);
        assertTrue(markdown.contains("1 workload unchanged."), markdown);
        assertTrue(markdown.contains("| a\\|b.txt | 10 → 20 | $0.50 → $1.00 |"), markdown);
        assertTrue(!markdown.contains("| same |"), markdown);
    }

    @Test
    void identicalRunsHaveNothingToSay() throws Exception {
        JsonNode side = doc(file("p.txt", 10, 0.1, finding("dup", "warning", "Repeated", 3)),
                workload("s.yaml", "w", "p.txt", 0.1, 9.0));
        BaselineComparison comparison = BaselineComparison.compare(side, side);
        assertTrue(comparison.isEmpty());
        assertEquals(List.of(), comparison.costIncreasesAbove(0));
    }

    @Test
    void anotherDocumentIsRefusedNamingWhatIsMissing() throws Exception {
        JsonNode head = doc(null, null);
        IllegalArgumentException sarif = assertThrows(IllegalArgumentException.class,
                () -> BaselineComparison.compare(JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[]}"), head));
        assertEquals("the baseline has no \"files\" array", sarif.getMessage());
        IllegalArgumentException badWorkload = assertThrows(IllegalArgumentException.class,
                () -> BaselineComparison.compare(JSON.readTree("{\"files\":[],\"workloads\":[{\"name\":1}]}"), head));
        assertEquals("the baseline: workloads[0] has no \"name\" or \"strategyFile\"", badWorkload.getMessage());
    }

    private static List<String> names(List<WorkloadChange> changes) {
        return changes.stream().map(WorkloadChange::name).toList();
    }

    private static WorkloadChange find(BaselineComparison comparison, String name) {
        return comparison.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode doc(String file, String... workloads) throws Exception {
        StringBuilder json = new StringBuilder("{\"files\":[").append(file == null ? "" : file).append("],\"workloads\":[");
        boolean first = true;
        for (String workload : workloads == null ? new String[0] : workloads) {
            if (workload == null) {
                continue;
            }
            json.append(first ? "" : ",").append(workload);
            first = false;
        }
        return JSON.readTree(json.append("]}").toString());
    }

    private static String file(String path, int tokens, double perRequest, String... findings) {
        return "{\"path\":" + quote(path) + ",\"tokens\":{\"total\":" + tokens + "},\"costPerRequestUsd\":" + perRequest
                + ",\"diagnostics\":[" + String.join(",", findings) + "]}";
    }

    private static String finding(String rule, String severity, String message, int line) {
        return "{\"rule\":" + quote(rule) + ",\"severity\":" + quote(severity) + ",\"message\":" + quote(message)
                + ",\"range\":{\"start\":{\"line\":" + line + ",\"character\":0}}}";
    }

    private static String workload(String strategyFile, String name, String prompt, Double perRequest, Double monthly) {
        return "{\"name\":" + quote(name) + ",\"strategyFile\":" + quote(strategyFile) + ",\"prompt\":" + quote(prompt)
                + ",\"costPerRequestUsd\":" + perRequest + ",\"monthlyCostUsd\":" + monthly + "}";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
