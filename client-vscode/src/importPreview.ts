// The editor's import of measured figures: the sources the server reads, and the server's answer to
// promptwise.importPreview read into what the command shows and applies. Free of the vscode module, so it is tested
// with node.

/** The server's command that plans an import and writes nothing. */
export const IMPORT_PREVIEW_COMMAND = "promptwise.importPreview";

/** The sources `promptwise import` reads, as the quick pick lists them. */
export const IMPORT_SOURCES: readonly { source: string; label: string; detail: string; needsWorkload: boolean }[] = [
  { source: "promptfoo", label: "promptfoo eval results", detail: "promptfoo eval --output results.json: sets task.currentAccuracy", needsWorkload: false },
  { source: "otel", label: "OpenTelemetry GenAI spans", detail: "OTLP JSON from the collector's file exporter: sets traffic", needsWorkload: true },
  { source: "openai-usage", label: "OpenAI usage export", detail: "the organization usage API's completions buckets: sets traffic", needsWorkload: true },
  { source: "langfuse", label: "Langfuse observations", detail: "an observations export, JSON or CSV: sets traffic by prompt name", needsWorkload: false },
];

/** One strategy file's change: its URI, workspace path, and text before and after. */
export interface ImportEdit {
  uri: string;
  path: string;
  before: string;
  after: string;
}

/** What the command does with the server's answer: apply edits, or tell the user why not. */
export type ImportPlan =
  | { kind: "edits"; edits: ImportEdit[]; warnings: string[] }
  | { kind: "refused"; message: string; warnings: string[] };

/** Reads the server's answer, refusing anything that is not the shape the server sends. */
export function readImportAnswer(answer: unknown): ImportPlan {
  const value = (answer ?? {}) as { edits?: unknown; error?: unknown; warnings?: unknown };
  const warnings = Array.isArray(value.warnings) ? value.warnings.filter((w): w is string => typeof w === "string") : [];
  if (typeof value.error === "string") {
    return { kind: "refused", message: value.error, warnings };
  }
  if (!Array.isArray(value.edits)) {
    return { kind: "refused", message: "The server's answer holds no edits.", warnings };
  }
  const edits: ImportEdit[] = [];
  for (const edit of value.edits as Record<string, unknown>[]) {
    if (typeof edit?.uri !== "string" || typeof edit.path !== "string" || typeof edit.before !== "string"
      || typeof edit.after !== "string") {
      return { kind: "refused", message: "The server's answer holds an edit without uri, path, before and after.", warnings };
    }
    edits.push({ uri: edit.uri, path: edit.path, before: edit.before, after: edit.after });
  }
  if (edits.length === 0) {
    return { kind: "refused", message: "The import changes nothing.", warnings };
  }
  return { kind: "edits", edits, warnings };
}

/** The question asked before the edits are applied, naming every file they change. */
export function confirmationText(edits: readonly ImportEdit[]): string {
  const paths = edits.map((edit) => edit.path);
  return `Apply the import to ${paths.length === 1 ? paths[0] : `${paths.length} strategy files (${paths.join(", ")})`}?`;
}

/**
 * Whether the file still holds the text the preview was made from: an edit made meanwhile would be overwritten, so
 * the command asks for a new preview instead.
 */
export function unchangedSincePreview(edit: ImportEdit, currentText: string): boolean {
  return currentText === edit.before;
}
