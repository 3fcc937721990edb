package dev.promptwise.core.analysis;

import dev.promptwise.core.config.Settings;
import dev.promptwise.core.syntax.PromptDocument;

/** One version of a prompt file, parsed, with the settings it was analysed under. Immutable. */
public final class AnalyzedPrompt {

    private final String path;
    private final PromptDocument document;
    private final Settings settings;

    AnalyzedPrompt(String path, PromptDocument document, Settings settings) {
        this.path = path;
        this.document = document;
        this.settings = settings;
    }

    public String path() {
        return path;
    }

    public PromptDocument document() {
        return document;
    }

    public Settings settings() {
        return settings;
    }
}
