package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.testing.TestWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Prompty file names its Azure OpenAI deployment ({@code model.configuration.azure_deployment}), a name of the
 * user's own: the strategy file's {@code models:} maps it to a catalog model ({@code model: gpt-4o}), which then
 * prices and counts the prompt.
 */
class AzureDeploymentTest {

    private static final String PROMPTY = "---\nname: triage\nmodel:\n  api: chat\n  configuration:\n"
            + "    type: azure_openai\n    azure_deployment: support-gpt4o-prod\n---\nsystem:\n"
            + "Route the ticket to a queue.\n\nuser:\n{{ticket}}\n";

    @Test
    void theDeploymentIsPricedAsTheModelTheStrategyFileMapsItTo() {
        TestWorkspace workspace = new TestWorkspace()
                .with("promptwise.yaml", "version: 1\nmodels:\n  support-gpt4o-prod:\n    model: gpt-4o\n"
                        + "workloads:\n  triage:\n    prompt: prompts/triage.prompty\n")
                .with("prompts/triage.prompty", PROMPTY);
        AnalyzedPrompt prompt = workspace.prompt("prompts/triage.prompty");
        ModelInfo gpt4o = PriceCatalog.bundled().resolve("gpt-4o").orElseThrow();
        ModelInfo model = prompt.catalog().resolve("support-gpt4o-prod").orElseThrow();
        assertEquals(List.of(gpt4o.input(), gpt4o.output(), gpt4o.encoding(), true),
                List.of(model.input(), model.output(), model.encoding(), model.exactTokens()));
        assertTrue(workspace.findings("prompts/triage.prompty").stream()
                .noneMatch(finding -> finding.ruleId().equals("unknown-model")));
        assertTrue(workspace.findings("promptwise.yaml").stream()
                .noneMatch(finding -> finding.ruleId().equals("strategy-schema")
                        || finding.ruleId().equals("unknown-model")), workspace.findings("promptwise.yaml").toString());
    }

    @Test
    void withoutTheMappingTheDeploymentIsUnknown() {
        TestWorkspace workspace = new TestWorkspace().with("prompts/triage.prompty", PROMPTY);
        assertTrue(workspace.findings("prompts/triage.prompty").stream()
                .anyMatch(finding -> finding.ruleId().equals("unknown-model")));
    }
}
