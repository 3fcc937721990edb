package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.testing.TestWorkspace;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code deprecated-model}: the prompt's model is past the catalog's deprecation date on the day the edge judges
 * on, here a fixed one; the date and the successor are the catalog's.
 */
class DeprecatedModelTest {

    private static final String RULE = "deprecated-model";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final PriceCatalog CATALOG = PriceCatalog.bundled().on(TODAY);
    private static final String BODY = "Summarise the ticket below in one sentence.";

    @Test
    void aModelPastItsDateIsReportedWithItsSuccessor() {
        ModelInfo sonnet = CATALOG.resolve("claude-sonnet-4-20250514").orElseThrow();
        String file = "---\nmodel: claude-sonnet-4-20250514\n---\n" + BODY;
        check(RULE, new TestWorkspace(CATALOG), "prompts/summary.prompt", file.replaceFirst("20250514\n",
                "20250514\n       ^^^^^^^^^^^^^^^^^^^^^^^^ warning deprecated-model: 'claude-sonnet-4-20250514' is"
                        + " deprecated since " + sonnet.deprecationDate() + ": its provider may stop serving it; its"
                        + " successor is " + sonnet.successor() + ".\n"));
        Finding finding = new TestWorkspace(CATALOG).with("prompts/summary.prompt", file)
                .findings("prompts/summary.prompt").stream().filter(f -> f.ruleId().equals(RULE)).findFirst()
                .orElseThrow();
        assertEquals(List.of("Replace with claude-sonnet-4.5"),
                finding.fixes().stream().map(fix -> fix.title()).filter(t -> t.startsWith("Replace")).toList());
    }

    @Test
    void aModelWithoutASuccessorNamesOnlyTheDate() {
        ModelInfo may = CATALOG.resolve("gpt-4-0314").orElseThrow();
        String file = "---\nmodel: gpt-4-0314\n---\n" + BODY;
        check(RULE, new TestWorkspace(CATALOG), "prompts/summary.prompt", file.replaceFirst("0314\n",
                "0314\n       ^^^^^^^^^^ warning deprecated-model: 'gpt-4-0314' is deprecated since "
                        + may.deprecationDate() + ": its provider may stop serving it.\n"));
    }

    @Test
    void inTheStrategyFileAWorkloadsModelIsJudgedAndTheFilesOwnModelsAreNot() {
        ModelInfo flash = CATALOG.resolve("gemini-2.0-flash").orElseThrow();
        String file = "version: 1\nmodels:\n  acme-ft: { input: 1, output: 2 }\nworkloads:\n  summary:\n"
                + "    model: gemini-2.0-flash\n  own:\n    model: acme-ft\n";
        check(RULE, new TestWorkspace(CATALOG), "promptwise.yaml", file.replaceFirst("gemini-2.0-flash\n",
                "gemini-2.0-flash\n           ^^^^^^^^^^^^^^^^ warning deprecated-model: 'gemini-2.0-flash' is deprecated since "
                        + flash.deprecationDate() + ": its provider may stop serving it; its successor is "
                        + flash.successor() + ".\n"));
    }

    @Test
    void beforeItsDateWithoutADateOrWithoutADayItIsQuiet() {
        String sonnet = "---\nmodel: claude-sonnet-4-20250514\n---\n" + BODY;
        check(RULE, new TestWorkspace(PriceCatalog.bundled().on(LocalDate.of(2026, 5, 13))),
                "prompts/summary.prompt", sonnet);
        check(RULE, new TestWorkspace(CATALOG), "prompts/summary.prompt", "---\nmodel: gpt-4o\n---\n" + BODY);
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", sonnet);
    }
}
