package dev.promptwise.core.rules;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.syntax.PromptDocument;

/**
 * What a prompt rule sees: the analysed prompt (document, token counts, model, budget) and helpers the rules share.
 */
public record PromptContext(AnalyzedPrompt prompt) {

    public PromptDocument document() {
        return prompt.document();
    }

    public String text() {
        return prompt.document().text();
    }
}
