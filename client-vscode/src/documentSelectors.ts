// Names the files the server reads (DESIGN section 2), as document selectors that VS Code and the client share.

/** A document filter in the shape `vscode.DocumentFilter` and the language client accept. */
export interface PromptDocumentFilter {
  readonly language?: string;
  readonly scheme?: string;
  readonly pattern?: string;
}

/**
 * The files sent to the server. Prompty and Dotprompt have language ids of their own (shared with their extensions);
 * the other formats are YAML or Markdown files recognised by name, so they are selected by pattern whatever language
 * VS Code gave them. Every YAML file is included because Semantic Kernel and LangChain prompts have no naming
 * convention: the server recognises them by content and ignores the rest.
 */
export const PROMPT_DOCUMENT_SELECTOR: readonly PromptDocumentFilter[] = [
  { language: "prompty" },
  { language: "dotprompt" },
  { scheme: "file", pattern: "**/*.prompty" },
  { scheme: "file", pattern: "**/*.prompt" },
  { scheme: "file", pattern: "**/*.{yml,yaml}" },
  { scheme: "file", pattern: "**/*.{prompt,instructions}.md" },
  { scheme: "file", pattern: "**/{copilot-instructions,AGENTS,CLAUDE}.md" },
  { scheme: "file", pattern: "**/prompts/**/*.{txt,md}" },
];

/** The strategy files, which also get the server's JSON Schema through `yamlValidation`. */
export const STRATEGY_FILE_PATTERNS: readonly string[] = ["promptwise.yaml", "*.strategy.yaml"];
