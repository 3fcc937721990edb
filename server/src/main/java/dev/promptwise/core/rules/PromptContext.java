package dev.promptwise.core.rules;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.analysis.FixEnvironment;
import dev.promptwise.core.syntax.PromptDocument;

/**
 * What a prompt rule sees: the analysed prompt (document, token counts, model, budget) and, for fixes that reach
 * other files, the workspace around it.
 */
public record PromptContext(AnalyzedPrompt prompt, FixEnvironment environment) {

    public PromptDocument document() {
        return prompt.document();
    }

    public String text() {
        return prompt.document().text();
    }
}
