package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsing a strategy file from its previous version gives exactly what parsing its whole text gives, after random
 * edits of every kind: inside one workload (where only its lines are read again), across workloads, in the other
 * sections, with anchors, tabs, document markers and broken YAML. The seed is fixed so a failure replays.
 */
class StrategyReparsePropertyTest {

    private static final String[] PIECES = {
        "1", "7", "0", " ", "  ", "\n", "\n    ", "\n  ", "\n      x: 1", "a", "é", "😀", ":", ": ", "#", "-", "- ", "{", "}",
        ",", "\"", "'", "|", "&a ", "*a", "!!str ", "\t", "---", "...", "\n---\n", "\n  extra-workload:\n    model: gpt-4o",
        "requestsPerDay: 12", "model: gpt-4o", "traffic: { requestsPerDay: 5 }", "\nmodels:\n  m: { input: 1 }", "", "[1, 2]"};

    @Test
    void randomEditsParseAsTheWholeTextDoes() {
        Random random = new Random(20261128L);
        int reusedPaths = 0;
        for (int round = 0; round < 40; round++) {
            String text = strategy(random, 3 + random.nextInt(30));
            StrategyFile previous = StrategyParser.parse(text);
            String lastClean = text;
            for (int edit = 0; edit < 150; edit++) {
                // A broken file is mostly mended next (the editor's undo), so that the edits after it count too.
                boolean broken = !previous.yaml().problems().isEmpty() || previous.yaml().root() == null;
                text = broken && random.nextInt(4) > 0 ? lastClean : edit(random, text);
                StrategyFile incremental = StrategyParser.parse(previous, text);
                StrategyFile whole = StrategyParser.parse(text);
                assertEquals(whole, incremental, "round " + round + ", edit " + edit + " of:\n" + text);
                if (StrategyReparse.tryReparse(previous, text) != null) {
                    reusedPaths++;
                }
                previous = random.nextInt(10) == 0 ? whole : incremental;
                if (whole.yaml().problems().isEmpty() && whole.yaml().root() != null) {
                    lastClean = text;
                }
            }
        }
        // The test would prove little if every edit fell back to the full parse.
        assertTrue(reusedPaths > 1_000, "only " + reusedPaths + " edits were read incrementally");
    }

    @Test
    void aDigitEditInsideAWorkloadIsReadAloneAndShiftsNothingElse() {
        String text = strategy(new Random(7), 50);
        StrategyFile previous = StrategyParser.parse(text);
        int digit = text.indexOf("requestsPerDay: ", text.length() / 2) + "requestsPerDay: ".length();
        String edited = text.substring(0, digit) + "9" + text.substring(digit + 1);
        StrategyFile reparsed = StrategyReparse.tryReparse(previous, edited);
        assertNotNull(reparsed);
        assertEquals(StrategyParser.parse(edited), reparsed);
        String longer = text.substring(0, digit) + "98" + text.substring(digit);
        assertEquals(StrategyParser.parse(longer), StrategyReparse.tryReparse(previous, longer));
    }

    @Test
    void anEditThatAddsAnAliasOrReachesTheNextKeyIsParsedWhole() {
        String text = strategy(new Random(11), 10);
        StrategyFile previous = StrategyParser.parse(text);
        int digit = text.indexOf("requestsPerDay: ", text.length() / 2) + "requestsPerDay: ".length();
        assertNull(StrategyReparse.tryReparse(previous, text.substring(0, digit) + "*a " + text.substring(digit)));
        int nextKey = text.indexOf("\n  w", digit) + 1;
        String dedented = text.substring(0, nextKey) + text.substring(nextKey + 1);
        assertNull(StrategyReparse.tryReparse(previous, dedented));
        assertEquals(StrategyParser.parse(dedented), StrategyParser.parse(previous, dedented));
    }

    private static String strategy(Random random, int workloads) {
        StringBuilder text = new StringBuilder("version: 1\n");
        if (random.nextBoolean()) {
            text.append("defaults:\n  model: gpt-4o-mini\n  budget: { maxPromptTokens: 4000 }\n");
        }
        if (random.nextInt(4) == 0) {
            text.append("models:\n  acme: { input: 0.3, output: 1.2 }\n");
        }
        text.append("workloads:\n");
        for (int i = 0; i < workloads; i++) {
            text.append("  w").append(i).append(":\n    prompt: prompts/w").append(i).append(".txt\n");
            switch (random.nextInt(4)) {
                case 0 -> text.append("    traffic: { requestsPerDay: ").append(1000 + i).append(", avgOutputTokens: 80 }\n");
                case 1 -> text.append("    traffic:\n      requestsPerDay: ").append(1000 + i).append("\n    task:\n"
                        + "      domain: legal\n    # a comment\n");
                case 2 -> text.append("    model: gpt-4o\n    data: { labeledExamples: 300 }\n\n    requestsPerDay: 3\n");
                default -> text.append("    approach: fine-tuning\n    traffic:\n      requestsPerDay: ").append(i)
                        .append("\n    notes: |\n      free text\n");
            }
        }
        if (random.nextInt(3) == 0) {
            text.append("models:\n  later: { input: 1, output: 2 }\n");
        }
        return text.toString();
    }

    private static String edit(Random random, String text) {
        int start;
        if (random.nextInt(3) > 0) {
            // Most edits land on a digit or a value inside a workload, as typing does.
            int anchor = text.indexOf("requestsPerDay", random.nextInt(Math.max(1, text.length())));
            start = anchor < 0 ? random.nextInt(text.length() + 1) : Math.min(text.length(), anchor + 16);
        } else {
            start = random.nextInt(text.length() + 1);
        }
        int end = Math.min(text.length(), start + (random.nextInt(3) == 0 ? random.nextInt(6) : 0));
        if (start > 0 && Character.isLowSurrogate(text.charAt(Math.min(start, text.length() - 1)))) {
            start--;
        }
        if (end < text.length() && end > 0 && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        String inserted = random.nextInt(5) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];
        return text.substring(0, start) + inserted + text.substring(Math.min(text.length(), Math.max(start, end)));
    }
}
