// Turns the server's cost of the active prompt into the status bar's text and tooltip.

import { formatTokens, formatUsd } from "./format";
import type { DocumentCost } from "./protocol";

/** What the status bar item shows. */
export interface StatusBarContent {
  readonly text: string;
  readonly tooltip: string;
}

/**
 * Describes the active prompt: its tokens and, when its traffic is known, its monthly cost (dollars first, as every
 * Promptwise message leads with the figure that matters). Returns undefined for a file that is not a prompt, so the
 * item can hide.
 */
export function statusBarContent(cost: DocumentCost | null | undefined): StatusBarContent | undefined {
  if (!cost) {
    return undefined;
  }
  // The server's own wording first, so the status bar writes each figure as the hovers, lenses and report do.
  const tokens = cost.tokensText ?? formatTokens(cost.tokens, cost.estimated);
  const monthlyText = hasFigure(cost.monthlyCostUsd) ? cost.monthlyCostText ?? approx(cost) + formatUsd(cost.monthlyCostUsd) : undefined;
  const perRequestText = hasFigure(cost.costPerRequestUsd)
    ? cost.costPerRequestText ?? approx(cost) + formatUsd(cost.costPerRequestUsd)
    : undefined;
  const monthly = monthlyText ? `${monthlyText}/mo · ` : "";
  const perRequest = perRequestText ? `${perRequestText} per request` : "no price known";
  const monthlyLine = monthlyText ? `${monthlyText} per month` : "no traffic known, so no monthly cost";
  return {
    text: `$(symbol-numeric) ${monthly}${tokens} tokens`,
    tooltip: [
      `Promptwise: ${tokens} tokens on ${cost.model}${cost.estimated ? " (estimated)" : ""}`,
      perRequest,
      monthlyLine,
      "Click to open the cost report",
    ].join("\n"),
  };
}

/** Returns "≈" before a figure built on an estimated count, as the server writes it. */
function approx(cost: DocumentCost): string {
  return cost.estimated ? "≈" : "";
}

/** Tells whether the server sent a figure: it may send null or, when it is older, leave the field out. */
function hasFigure(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
