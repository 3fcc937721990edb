// The rule ids of DESIGN section 3 with their default severities, so the settings schema and its tests share one list.

/** A severity a user can give a rule in `promptwise.rules`. */
export type RuleSeverity = "off" | "hint" | "information" | "warning" | "error";

/** Every severity a rule setting accepts, from quietest to loudest. */
export const RULE_SEVERITIES: readonly RuleSeverity[] = ["off", "hint", "information", "warning", "error"];

/** One rule of the server, as the settings describe it. */
export interface RuleDescription {
  readonly id: string;
  readonly defaultSeverity: string;
  readonly when: string;
}

/** The rules the server reports, in the order of DESIGN section 3. */
export const RULES: readonly RuleDescription[] = [
  { id: "prompt-too-long", defaultSeverity: "warning", when: "the prompt's tokens exceed the budget" },
  { id: "context-window-exceeded", defaultSeverity: "error", when: "prompt tokens plus the maximum output exceed the model's context window" },
  { id: "cost-at-scale", defaultSeverity: "warning", when: "the workload's monthly cost exceeds its budget" },
  { id: "few-shot-heavy", defaultSeverity: "information", when: "three or more examples take 40 % or more of the prompt's tokens" },
  { id: "cacheable-prefix", defaultSeverity: "information", when: "template variables sit before a long static block, so provider prompt caching cannot apply" },
  { id: "duplicate-instruction", defaultSeverity: "warning", when: "the same sentence or paragraph appears twice" },
  { id: "undefined-variable", defaultSeverity: "warning", when: "a template uses a variable that no input declares" },
  { id: "unused-variable", defaultSeverity: "warning", when: "an input is never used" },
  { id: "invalid-prompt-file", defaultSeverity: "error", when: "front matter or template syntax is broken" },
  { id: "file-too-large", defaultSeverity: "information", when: "the file is larger than Promptwise analyses, so it was skipped" },
  { id: "unpriced-input", defaultSeverity: "information", when: "a file, tool or image the prompt sends with each request cannot be priced, so its costs are lower bounds" },
  { id: "strategy-schema", defaultSeverity: "error", when: "an unknown key, a wrong type or a value outside its set in the strategy file" },
  { id: "unknown-model", defaultSeverity: "warning", when: "no price or tokenizer is known for the model" },
  { id: "deprecated-model", defaultSeverity: "warning", when: "the model of a prompt or workload is past its deprecation date in the price catalog" },
  { id: "missing-prompt", defaultSeverity: "error", when: "a workload's prompt or dataset path, or a model's tokenizer file, does not exist or leaves the workspace" },
  { id: "approach-mismatch", defaultSeverity: "warning", when: "the declared approach differs from the recommendation" },
  { id: "base-model-not-fine-tunable", defaultSeverity: "warning", when: "fine-tuning is planned on a model its provider does not fine-tune through its API" },
  { id: "fine-tuning-pays-off", defaultSeverity: "information", when: "fine-tuning would pay back its training within the horizon" },
  { id: "insufficient-training-data", defaultSeverity: "error below 10 examples, warning below 50", when: "the approach fine-tunes with too few labelled examples" },
  { id: "volatile-requirements", defaultSeverity: "warning", when: "fine-tuning is planned for requirements that change weekly or daily" },
];
