package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.syntax.PromptDocument;

/**
 * What a prompt rule sees: the analysed prompt (document, token counts, model, budget), for fixes that reach
 * other files the workspace around it, whether fixes are wanted at all ({@code false} when the findings are
 * only published, so that a rule need not build a costly fix nobody reads), and the analysis host's memo of the
 * rules' passes over large prompts (rules themselves keep no state).
 */
public record PromptContext(AnalyzedPrompt prompt, FixEnvironment environment, boolean wantsFixes, RuleMemo memo) {

    /** Creates the context of a run whose findings carry their fixes, with a memo of its own. */
    public PromptContext(AnalyzedPrompt prompt, FixEnvironment environment) {
        this(prompt, environment, true, new RuleMemo());
    }

    public PromptDocument document() {
        return prompt.document();
    }

    public String text() {
        return prompt.document().text();
    }
}
