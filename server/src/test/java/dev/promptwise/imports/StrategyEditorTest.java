package dev.promptwise.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text edits that set a workload's facts and keep everything else of the file as it was written. */
class StrategyEditorTest {

    private static Map<String, String> traffic() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requestsPerDay", "1200");
        values.put("avgInputTokens", "80");
        values.put("avgOutputTokens", "7");
        return values;
    }

    @Test
    void blockSectionKeepsItsCommentsAndGetsMissingKeysAtItsIndentation() throws Exception {
        String text = """
                workloads:
                  a:
                    prompt: p.txt
                    traffic:
                        requestsPerDay: 10    # a guess
                    task: { domain: legal }
                """;
        String edited = StrategyEditor.apply("s.yaml", text, "a", "traffic", traffic(), "otel", "spans.json: 3 requests");
        assertEquals("""
                workloads:
                  a:
                    prompt: p.txt
                    # promptwise import otel spans.json: 3 requests
                    traffic:
                        requestsPerDay: 1200    # a guess
                        avgInputTokens: 80
                        avgOutputTokens: 7
                    task: { domain: legal }
                """, edited);
        Workload.Traffic parsed = StrategyParser.parse(edited).workload("a").traffic();
        assertEquals(1200.0, parsed.requestsPerDay().value());
        assertEquals(80.0, parsed.avgInputTokens().value());
        assertEquals(7.0, parsed.avgOutputTokens().value());
    }

    @Test
    void flowSectionsGetKeysInsideTheirBraces() throws Exception {
        String text = "workloads:\n  a:\n    prompt: p.txt\n    traffic: { avgOutputTokens: 3 }  # old\n  b:\n    traffic: {}\n";
        String edited = StrategyEditor.apply("s.yaml", text, "a", "traffic", traffic(), "otel", "x");
        assertTrue(edited.contains("    traffic: { avgOutputTokens: 7, requestsPerDay: 1200, avgInputTokens: 80 }  # old\n"),
                edited);
        String empty = StrategyEditor.apply("s.yaml", text, "b", "traffic", Map.of("requestsPerDay", "5"), "otel", "x");
        assertEquals(5.0, StrategyParser.parse(empty).workload("b").traffic().requestsPerDay().value(), empty);
    }

    @Test
    void aMissingSectionIsAddedAfterTheWorkloadsLastKeyEvenWithoutAFinalLineBreak() throws Exception {
        String text = "workloads:\n  a:\n    prompt: p.txt\n    model: gpt-4o";
        String edited = StrategyEditor.apply("s.yaml", text, "a", "task", Map.of("currentAccuracy", "0.8"),
                "promptfoo", "r.json: 4 of 5");
        assertEquals("workloads:\n  a:\n    prompt: p.txt\n    model: gpt-4o\n"
                + "    # promptwise import promptfoo r.json: 4 of 5\n    task: { currentAccuracy: 0.8 }", edited);
    }

    @Test
    void aWorkloadThatIsNotThereOrCannotBeExtendedIsRefusedByName() {
        String text = "workloads:\n  a: { prompt: p.txt }\n  b:\n    prompt: q.txt\n    traffic: 12\n";
        ImportException missing = assertThrows(ImportException.class,
                () -> StrategyEditor.apply("s.yaml", text, "c", "traffic", traffic(), "otel", "x"));
        assertEquals("s.yaml has no workload 'c' (it has: a, b)", missing.getMessage());
        ImportException flow = assertThrows(ImportException.class,
                () -> StrategyEditor.apply("s.yaml", text, "a", "traffic", traffic(), "otel", "x"));
        assertTrue(flow.getMessage().startsWith("s.yaml: workload 'a' is written in flow style"), flow.getMessage());
        ImportException scalar = assertThrows(ImportException.class,
                () -> StrategyEditor.apply("s.yaml", text, "b", "traffic", traffic(), "otel", "x"));
        assertTrue(scalar.getMessage().startsWith("s.yaml: 'traffic' of workload 'b' is not a mapping"),
                scalar.getMessage());
    }

    @Test
    void theDiffIsUnifiedWithContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";
        assertEquals("""
                --- a/s.yaml
                +++ b/s.yaml
                @@ -2,7 +2,8 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                +i
                """, UnifiedDiff.of("s.yaml", before, after));
        assertEquals("", UnifiedDiff.of("s.yaml", before, before));
    }
}
