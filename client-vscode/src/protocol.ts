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
  /** The server's wording of `tokens` ("≈1,234"); absent from an older server. */
  readonly tokensText?: string;
  /** The server's wording of `costPerRequestUsd` ("≈$0.0042"), or null when unknown; absent from an older server. */
  readonly costPerRequestText?: string | null;
  /** The server's wording of `monthlyCostUsd` ("≈$4,650.00"), or null when unknown; absent from an older server. */
  readonly monthlyCostText?: string | null;
}

/** The answer to the `promptwise.costReportHtml` command: the cost report as one self-contained page. */
export interface CostReportPage {
  readonly html: string;
}

/** The method name of the document cost request. */
export const DOCUMENT_COST_METHOD = "promptwise/documentCost";

/** The server command that returns the cost report's page, rendered by the server as `report --html` renders it. */
export const COST_REPORT_HTML_COMMAND = "promptwise.costReportHtml";
