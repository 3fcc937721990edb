package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Lens;
import dev.promptwise.testing.TestWorkspace;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hover and the lens of one workload write the same training cost and the same break-even the same way, at
 * traffic from a few requests a day (never paid back) to a quarter million (less than a day), and mark the same
 * figures estimated (≈) or unconfirmed (issue 12, class D: "1 days" in the hover beside "less than a day" in the
 * lens, "never breaks even" when the training price was merely unknown).
 */
class WordingAgreementTest {

    private static final Pattern LENS_TRAINING = Pattern.compile(" · ([^·]+? of training[^·]*?) · break-even (.+)$");

    private static String strategy(String model, String baseModel, int requestsPerDay) {
        return """
                version: 1
                workloads:
                  triage:
                    prompt: prompts/triage.prompty
                    model: %s
                    traffic: { requestsPerDay: %d, avgInputTokens: 120, avgOutputTokens: 60 }
                    task: { domain: general, complexity: low, outputFormat: json }
                    data: { labeledExamples: 400 }
                    requirements: { changeFrequency: quarterly }
                    fineTuning: { baseModel: %s }
                """.formatted(model, requestsPerDay, baseModel);
    }

    private static TestWorkspace workspace(String model, String baseModel, int requestsPerDay) {
        return new TestWorkspace().with("promptwise.yaml", strategy(model, baseModel, requestsPerDay))
                .with("prompts/triage.prompty", HoverTextsTest.PROMPT);
    }

    private static String costLens(TestWorkspace workspace) {
        List<Lens> lenses = workspace.analysis().strategyLenses(workspace.strategy("promptwise.yaml"),
                Cancellation.NONE);
        return lenses.stream().map(Lens::title).filter(title -> title.startsWith("Now ")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} at {1} requests/day on {2}")
    @CsvSource({
        "gpt-4o, 250000, gpt-4o-mini",
        "gpt-4o, 20000, gpt-4o-mini",
        "gpt-4o, 3000, gpt-4o-mini",
        "gpt-4o, 800, gpt-4o-mini",
        "gpt-4o, 5, gpt-4o-mini",
        "gpt-4o, 20000, gpt-4.1-mini",
        "gpt-4o, 800, gpt-4.1-mini",
        "claude-sonnet-4, 20000, gpt-4o-mini",
        "claude-sonnet-4, 5, gpt-4o-mini",
    })
    void theHoverAndTheLensSayTheSameTrainingCostAndBreakEven(String model, int requestsPerDay, String baseModel) {
        TestWorkspace workspace = workspace(model, baseModel, requestsPerDay);
        String lens = costLens(workspace);
        String hover = workspace.hover("promptwise.yaml", "  tri$0age:");
        Matcher figures = LENS_TRAINING.matcher(lens);
        assertTrue(figures.find(), lens);
        String training = figures.group(1);
        String breakEven = figures.group(2);
        if (breakEven.equals("never")) {
            assertTrue(hover.contains("nothing would pay back " + training + "."), hover + "\n" + lens);
        } else {
            assertTrue(hover.contains("paying back " + training + " in " + breakEven), hover + "\n" + lens);
            assertFalse(breakEven.matches("1 days|.*\\b1 days"), breakEven);
        }
        // Every money figure in the lens is marked ≈ exactly when the prompt's model counts with another tokenizer.
        boolean estimated = model.startsWith("claude");
        for (String money : lens.split(" · ")) {
            if (money.contains("$")) {
                assertTrue(money.contains("≈$") == estimated, money + " in " + lens);
            }
        }
        assertTrue(hover.contains("≈$") == estimated, hover);
    }

    @ParameterizedTest(name = "a prompt on {0}")
    @CsvSource({"claude-sonnet-4, true", "gemini-2.5-pro, true", "gpt-4o, false"})
    void aPromptsLensAndMessageHoverMarkEstimatedMoneyAndTokens(String model, boolean estimated) {
        TestWorkspace workspace = workspace(model, "gpt-4o-mini", 20000);
        var prompt = workspace.prompt("prompts/triage.prompty");
        String lens = workspace.analysis().codeLenses(prompt, Cancellation.NONE).get(0).title();
        String hover = workspace.hover("prompts/triage.prompty", "Route the ticket$0");
        for (String text : List.of(lens, hover)) {
            assertTrue(text.contains("≈$") == estimated, text);
            assertTrue(text.contains("$") && (estimated || !text.contains("≈")), text);
        }
        // The lens and the hover's table quote the same monthly cost of the whole prompt.
        Matcher monthly = Pattern.compile("(≈?\\$[\\d,.]+)/month").matcher(lens);
        assertTrue(monthly.find(), lens);
        assertTrue(hover.contains("| " + monthly.group(1) + " |"), hover + "\n" + lens);
    }

    @ParameterizedTest(name = "fine-tuning {0}")
    @ValueSource(strings = {"gpt-4.1-mini", "gpt-4.1-nano"})
    void anUnconfirmedTrainingPriceIsFlaggedInTheLensTheHoverAndTheMessage(String baseModel) {
        TestWorkspace workspace = workspace("gpt-4o", baseModel, 20000);
        String flag = " (unconfirmed price)";
        assertTrue(costLens(workspace).contains(flag), costLens(workspace));
        String hover = workspace.hover("promptwise.yaml", "  tri$0age:");
        assertTrue(hover.contains("of training" + flag), hover);
        String paysOff = workspace.findings("promptwise.yaml").stream()
                .filter(f -> f.ruleId().equals("fine-tuning-pays-off")).map(f -> f.message()).findFirst().orElse("");
        assertTrue(paysOff.isEmpty() || paysOff.contains("of training" + flag), paysOff);
    }

    @ParameterizedTest(name = "fine-tuning {0}")
    @ValueSource(strings = {"gpt-4o-mini", "gpt-4o"})
    void aConfirmedTrainingPriceIsNotFlagged(String baseModel) {
        TestWorkspace workspace = workspace("gpt-4o", baseModel, 20000);
        assertFalse(costLens(workspace).contains("unconfirmed"), costLens(workspace));
        assertFalse(workspace.hover("promptwise.yaml", "  tri$0age:").contains("unconfirmed"));
    }

    @ParameterizedTest(name = "fine-tuning {0}")
    @ValueSource(strings = {"o4-mini"})
    void aBreakEvenWhoseTrainingIsPricedPerHourIsUnknownNotNever(String baseModel) {
        String lens = costLens(workspace("gpt-4o", baseModel, 5));
        assertTrue(lens.endsWith("break-even unknown"), lens);
        assertFalse(lens.contains("never"), lens);
    }
}
