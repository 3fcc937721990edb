package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.Suppressions;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.rules.RuleContext;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.vocabulary.Fix;
import java.util.Optional;
import java.util.Set;

/**
 * What a prompt rule sees: the analysed prompt (document, token counts, model, budget), for fixes that reach
 * other files the workspace around it, and whether fixes are wanted at all ({@code false} when the findings are
 * only published, so that a rule need not build a costly fix nobody reads).
 */
public record PromptContext(AnalyzedPrompt prompt, FixEnvironment environment, boolean wantsFixes)
        implements RuleContext {

    /** Creates the context of a run whose findings carry their fixes. */
    public PromptContext(AnalyzedPrompt prompt, FixEnvironment environment) {
        this(prompt, environment, true);
    }

    public PromptDocument document() {
        return prompt.document();
    }

    public String text() {
        return prompt.document().text();
    }

    @Override
    public String path() {
        return prompt.path();
    }

    @Override
    public Settings settings() {
        return prompt.settings();
    }

    /** Returns the rules the prompt's comments disable, in the comment its format has ({@link Suppressions}). */
    @Override
    public Set<String> disabledRules() {
        return Suppressions.find(text(), document().format());
    }

    @Override
    public Optional<Fix> disableFix(String ruleId) {
        return Suppressions.disable(text(), document().format(), ruleId);
    }
}
