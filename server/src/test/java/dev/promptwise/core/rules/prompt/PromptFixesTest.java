package dev.promptwise.core.rules.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.actions.TextEdits;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.WorkspaceChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each quick fix that a prompt rule carries, applied through the façade: the finding it answers goes away. */
class PromptFixesTest {

    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> {
        throw new AssertionError(message);
    });

    private static final String TRIAGE = """
            ---
            model:
              id: gpt-4o-mni
            inputs:
              - name: ticket
                kind: string
            ---
            system:
            Route the ticket to billing, outage or account. Answer with the queue name only.

            Input: The dashboard returns 502 for everyone since this morning and nothing loads at all.
            Output: outage

            Input: I was charged twice for the March invoice and would like one charge refunded.
            Output: billing

            Input: I lost the phone with my authenticator app and cannot log in anymore.
            Output: account

            user:
            {{ticket}} from {{customer}}
            """;

    @Test
    void extractingExamplesCreatesTheDatasetAndTheStrategyFileAndRemovesThem() {
        Fix fix = fix(TRIAGE, "few-shot-heavy", "Extract 3 examples to a fine-tuning dataset (only 3: fine-tuning needs at least 10)");
        WorkspaceChange change = fix.workspaceChange();
        assertEquals(List.of("datasets/triage.jsonl", "promptwise.yaml"),
                change.creations().stream().map(WorkspaceChange.FileCreation::path).toList());
        String dataset = change.creations().get(0).content();
        assertEquals(3, dataset.lines().count());
        assertTrue(dataset.startsWith("{\"messages\":[{\"role\":\"system\",\"content\":\"Route the ticket"), dataset);
        assertTrue(change.creations().get(1).content().contains("approach: hybrid"));
        String after = TextEdits.apply(TRIAGE, fix.edits());
        assertFalse(after.contains("Input:"), after);
        assertTrue(rules(after).stream().noneMatch("few-shot-heavy"::equals));
    }

    @Test
    void declaringAVariableSilencesUndefinedVariable() {
        String after = TextEdits.apply(TRIAGE, fix(TRIAGE, "undefined-variable", "Declare variable 'customer'").edits());
        assertTrue(after.contains("- name: customer"), after);
        assertTrue(rules(after).stream().noneMatch("undefined-variable"::equals));
    }

    @Test
    void replacingAnUnknownModelWithTheSuggestion() {
        List<Finding> findings = findings(TRIAGE);
        Finding unknown = findings.stream().filter(f -> f.ruleId().equals("unknown-model")).findFirst().orElseThrow();
        assertTrue(unknown.message().contains("did you mean 'gpt-4o-mini'?"), unknown.message());
        String after = TextEdits.apply(TRIAGE, fix(TRIAGE, "unknown-model", "Replace with gpt-4o-mini").edits());
        assertTrue(after.contains("id: gpt-4o-mini\n"), after);
        assertTrue(rules(after).stream().noneMatch("unknown-model"::equals));
    }

    @Test
    void disablingARuleInTheFileIsHonoured() {
        String after = TextEdits.apply(TRIAGE,
                fix(TRIAGE, "undefined-variable", "Disable undefined-variable in this file").edits());
        assertTrue(after.contains("promptwise-disable undefined-variable"), after);
        assertTrue(rules(after).stream().noneMatch("undefined-variable"::equals));
        assertTrue(rules(after).contains("unknown-model"), "other rules still run");
    }

    private static Fix fix(String text, String ruleId, String title) {
        List<Finding> findings = findings(text);
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).flatMap(f -> f.fixes().stream())
                .filter(f -> f.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + title + "' among " + findings.stream()
                        .flatMap(f -> f.fixes().stream().map(x -> f.ruleId() + ": " + x.title())).toList()));
    }

    private static List<Finding> findings(String text) {
        AnalyzedPrompt prompt = ANALYSIS.analyze("prompts/triage.prompty",
                ANALYSIS.formatOf("prompts/triage.prompty", text).orElseThrow(), text, Settings.DEFAULTS);
        return ANALYSIS.diagnostics(prompt, FixEnvironment.NONE, Cancellation.NONE);
    }

    private static List<String> rules(String text) {
        return findings(text).stream().map(Finding::ruleId).toList();
    }
}
