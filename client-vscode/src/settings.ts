// Maps VS Code's `promptwise.*` configuration to the one settings object the server reads, and edits rule severities.

/** Reads one `promptwise.*` key by its dotted name below `promptwise`; returns undefined when the key has no value. */
export type ConfigurationReader = (key: string) => unknown;

/** The settings object sent whole to the server, under `promptwise`: the names are a contract with other editors. */
export interface ServerSettings {
  defaultModel: string;
  budget: { maxPromptTokens: number; maxMonthlyCost: number | null };
  traffic: { requestsPerDay: number | null };
  rules: Record<string, string>;
  diagnostics: { debounceMs: number };
  pricing: { file: string | null };
}

/** The defaults the extension contributes, repeated here so that a missing or malformed value never reaches the server. */
export const DEFAULT_SERVER_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  defaultModel: "gpt-4o-mini",
  budget: { maxPromptTokens: 4000, maxMonthlyCost: null },
  traffic: { requestsPerDay: null },
  rules: {},
  diagnostics: { debounceMs: 300 },
  pricing: { file: null },
});

/**
 * Builds the server's settings from the user's configuration: only the keys the server reads, never the client-only
 * `java.home`, `server.vmargs` or `trace.server`. A value of the wrong type falls back to its default; an empty
 * string for the model or the pricing file counts as unset.
 */
export function toServerSettings(read: ConfigurationReader): ServerSettings {
  return {
    defaultModel: nonEmptyString(read("defaultModel")) ?? DEFAULT_SERVER_SETTINGS.defaultModel,
    budget: {
      maxPromptTokens: positiveNumber(read("budget.maxPromptTokens")) ?? DEFAULT_SERVER_SETTINGS.budget.maxPromptTokens,
      maxMonthlyCost: positiveNumber(read("budget.maxMonthlyCost")) ?? null,
    },
    traffic: { requestsPerDay: positiveNumber(read("traffic.requestsPerDay")) ?? null },
    rules: ruleSeverities(read("rules")),
    diagnostics: { debounceMs: nonNegativeNumber(read("diagnostics.debounceMs")) ?? DEFAULT_SERVER_SETTINGS.diagnostics.debounceMs },
    pricing: { file: nonEmptyString(read("pricing.file")) ?? null },
  };
}

/** Returns a copy of the workspace's rule severities with the given rule turned off; the input is left unchanged. */
export function withRuleTurnedOff(currentRules: unknown, ruleId: string): Record<string, string> {
  return { ...ruleSeverities(currentRules), [ruleId]: "off" };
}

/**
 * Splits the `promptwise.server.vmargs` setting into JVM arguments, honouring double and single quotes so that a path
 * with spaces stays one argument. Returns an empty list for an empty or missing setting.
 */
export function splitVmArguments(vmargs: string | undefined | null): string[] {
  const argumentsFound: string[] = [];
  if (!vmargs) {
    return argumentsFound;
  }
  let current = "";
  let inArgument = false;
  let quote: string | null = null;
  for (const character of vmargs) {
    if (quote !== null) {
      if (character === quote) {
        quote = null;
      } else {
        current += character;
      }
    } else if (character === '"' || character === "'") {
      quote = character;
      inArgument = true;
    } else if (/\s/.test(character)) {
      if (inArgument) {
        argumentsFound.push(current);
        current = "";
        inArgument = false;
      }
    } else {
      current += character;
      inArgument = true;
    }
  }
  if (inArgument) {
    argumentsFound.push(current);
  }
  return argumentsFound;
}

/** Keeps only the entries of a rules object whose value is a string; returns an empty object for anything else. */
function ruleSeverities(value: unknown): Record<string, string> {
  const severities: Record<string, string> = {};
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [ruleId, severity] of Object.entries(value as Record<string, unknown>)) {
      if (typeof severity === "string") {
        severities[ruleId] = severity;
      }
    }
  }
  return severities;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

function nonNegativeNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}
