package dev.promptwise.core.syntax;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a prompt file's format from its path (and, for Dotprompt and the YAML formats, its text) and hands
 * it to that format's parser. The one entry point to parsing; never throws on user input.
 */
public final class PromptParsers {

    private PromptParsers() {}

    /**
     * Returns the format of the file at {@code path} (a workspace-relative or absolute path with {@code /}
     * separators), or empty when it is not a prompt file Promptwise reads. {@code text} decides between YAML
     * formats and may be {@code null} when only the name is known, in which case YAML files other than
     * {@code .prompt.yml} are not recognised.
     */
    public static Optional<PromptFormat> formatOf(String path, String text) {
        String normalized = path.replace('\\', '/');
        String name = normalized.substring(normalized.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".prompty")) {
            return Optional.of(PromptFormat.PROMPTY);
        }
        if (lower.endsWith(".prompt.yml") || lower.endsWith(".prompt.yaml")) {
            return Optional.of(PromptFormat.GITHUB_MODELS);
        }
        if (lower.endsWith(".prompt")) {
            return Optional.of(PromptFormat.DOTPROMPT);
        }
        if (lower.endsWith(".prompt.md") || lower.endsWith(".instructions.md") || lower.equals("copilot-instructions.md")
                || lower.equals("agents.md") || lower.equals("claude.md")) {
            return Optional.of(PromptFormat.VSCODE_PROMPT);
        }
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            if (lower.equals("promptwise.yaml") || lower.equals("promptwise.yml") || lower.endsWith(".strategy.yaml")
                    || lower.endsWith(".strategy.yml") || text == null) {
                return Optional.empty();
            }
            return YamlPromptSniffer.sniff(text);
        }
        if ((lower.endsWith(".txt") || lower.endsWith(".md")) && underPromptsFolder(normalized)) {
            return Optional.of(PromptFormat.PLAIN_TEXT);
        }
        return Optional.empty();
    }

    /** Parses {@code text} as {@code format}, from scratch. Never throws on user input. */
    public static PromptDocument parse(PromptFormat format, String text) {
        return parse(format, text, null, new SyntaxMemo());
    }

    /**
     * Parses {@code text} as {@code format}, using the file's {@code path} where the format needs it: a VS Code
     * instructions file, {@code AGENTS.md} or {@code CLAUDE.md} is a system message, a {@code .prompt.md} file a
     * user message. A {@code null} path gives the same result as {@link #parse(PromptFormat, String)}. Never throws
     * on user input.
     */
    public static PromptDocument parse(PromptFormat format, String text, String path) {
        return parse(format, text, path, new SyntaxMemo());
    }

    /**
     * Parses as {@link #parse(PromptFormat, String, String)} does, rereading only what an edit can have changed in a
     * large prompt whose earlier version {@code memo} (the analysis host's) remembers. The result equals a parse
     * from scratch.
     */
    public static PromptDocument parse(PromptFormat format, String text, String path, SyntaxMemo memo) {
        return switch (format) {
            case PROMPTY -> PromptyParser.parse(text, memo);
            case DOTPROMPT -> DotpromptParser.parse(text, memo);
            case GITHUB_MODELS -> GitHubModelsParser.parse(text, memo);
            case VSCODE_PROMPT -> VsCodePromptParser.parse(text, path, memo);
            case SEMANTIC_KERNEL -> SemanticKernelParser.parse(text, memo);
            case LANGCHAIN -> LangChainParser.parse(text, memo);
            case PLAIN_TEXT -> PlainTextParser.parse(text, memo);
        };
    }

    private static boolean underPromptsFolder(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase("prompts")) {
                return true;
            }
        }
        return false;
    }
}
