package dev.promptwise.core.syntax;

/** The prompt file formats of DESIGN section 2, each with the stable name the command line's JSON reports. */
public enum PromptFormat {
    PROMPTY("prompty"),
    DOTPROMPT("dotprompt"),
    GITHUB_MODELS("github-models"),
    VSCODE_PROMPT("vscode-prompt"),
    SEMANTIC_KERNEL("semantic-kernel"),
    LANGCHAIN("langchain"),
    PLAIN_TEXT("plain-text");

    private final String id;

    PromptFormat(String id) {
        this.id = id;
    }

    /** Returns the kebab-case name used in JSON output and settings. */
    public String id() {
        return id;
    }
}
