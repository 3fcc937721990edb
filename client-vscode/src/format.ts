// Formats token counts and dollar figures for the status bar (the server words the cost report's figures itself).

/**
 * Formats dollars: two significant digits below $1 (a price per request of $0.017 must not read $0.02), cents below
 * $100, whole dollars above. Returns "n/a" when the figure is unknown.
 */
export function formatUsd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) {
    return "n/a";
  }
  if (amount !== 0 && Math.abs(amount) < 1) {
    return `$${amount.toPrecision(2)}`;
  }
  const fractionDigits = Math.abs(amount) >= 100 ? 0 : 2;
  return `$${amount.toLocaleString("en-US", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })}`;
}

/** Formats a token count with thousands separators, prefixed with "≈" when the count is an estimate. */
export function formatTokens(tokens: number, estimated: boolean): string {
  return `${estimated ? "≈" : ""}${Math.round(tokens).toLocaleString("en-US")}`;
}
