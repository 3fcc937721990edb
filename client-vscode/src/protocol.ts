// The custom messages the server answers, typed once as the contract with the Java side describes them.

/** Parameters of the `promptwise/documentCost` request. */
export interface DocumentCostParams {
  readonly uri: string;
}

/** The answer to `promptwise/documentCost`; the server answers null for files that are not prompts. */
export interface DocumentCost {
  readonly tokens: number;
  readonly estimated: boolean;
  readonly costPerRequestUsd: number | null;
  readonly monthlyCostUsd: number | null;
  readonly model: string;
}

/** One workload row of the `promptwise.costReport` command's answer. */
export interface WorkloadCost {
  readonly name: string;
  readonly model: string;
  readonly requestsPerDay: number | null;
  readonly monthlyCostUsd: number | null;
  readonly fineTunedMonthlyUsd: number | null;
  readonly hybridMonthlyUsd: number | null;
  readonly trainingCostUsd: number | null;
  readonly breakEvenDays: number | null;
  readonly recommendedApproach: string | null;
}

/** One prompt row of the `promptwise.costReport` command's answer. */
export interface PromptCost {
  readonly path: string;
  readonly tokens: number;
  readonly costPerRequestUsd: number | null;
  readonly monthlyCostUsd: number | null;
}

/** The answer to the `promptwise.costReport` command. */
export interface CostReport {
  readonly generatedAt: string;
  readonly workloads: readonly WorkloadCost[];
  readonly prompts: readonly PromptCost[];
}

/** The method name of the document cost request. */
export const DOCUMENT_COST_METHOD = "promptwise/documentCost";

/** The server command that returns the cost report. */
export const COST_REPORT_COMMAND = "promptwise.costReport";
