package dev.promptwise.core.syntax;

import java.util.Optional;

/** Placeholder: tells Semantic Kernel and LangChain YAML prompts from other YAML, until the real one lands. */
final class YamlPromptSniffer {

    private YamlPromptSniffer() {}

    static Optional<PromptFormat> sniff(String text) {
        return Optional.empty();
    }
}
