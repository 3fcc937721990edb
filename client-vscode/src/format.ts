// Formats token counts and dollar figures for the status bar. The server sends its own wording of each figure
// (dev.promptwise.core.cost.Money, the one formatter of every message, hover, lens and report); these functions
// repeat Money's rules for an older server that sends only the numbers, and must stay in step with it.

/** What a figure that cannot be computed reads as, as the server writes it. */
export const UNKNOWN = "unknown";

/** A non-negative decimal: digits / 10^scale. */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

/** Reads a finite number as Money does: its decimal value rounded to 12 significant digits, free of binary noise. */
function decimalOf(value: number): Decimal {
  const [mantissa, exponent] = Math.abs(value).toPrecision(12).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  return { digits: BigInt(whole + fraction), scale: fraction.length - (exponent ? Number(exponent) : 0) };
}

/** Rounds half up to `scale` decimals. */
function withScale(value: Decimal, scale: number): Decimal {
  if (scale >= value.scale) {
    return { digits: value.digits * 10n ** BigInt(scale - value.scale), scale };
  }
  const divisor = 10n ** BigInt(value.scale - scale);
  const quotient = value.digits / divisor;
  return { digits: 2n * (value.digits % divisor) >= divisor ? quotient + 1n : quotient, scale };
}

function write(value: Decimal): string {
  const scale = Math.max(0, value.scale);
  const digits = value.scale < 0 ? value.digits * 10n ** BigInt(-value.scale) : value.digits;
  const unit = 10n ** BigInt(scale);
  const whole = (digits / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return scale === 0 ? whole : `${whole}.${(digits % unit).toString().padStart(scale, "0")}`;
}

/**
 * Formats dollars as Money.usd does: cents with thousands separators from $1 up ($41,062.50); two significant
 * digits below $1, trailing zeros dropped but never fewer than two decimals ($0.0042, $0.50); $0.00 for zero; a
 * minus sign before the dollar sign. Returns "unknown" when the figure is unknown.
 */
export function formatUsd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) {
    return UNKNOWN;
  }
  const value = decimalOf(amount);
  let rounded: Decimal;
  const atLeastOne = value.scale <= 0 || value.digits >= 10n ** BigInt(value.scale);
  if (value.digits === 0n || atLeastOne) {
    rounded = withScale(value, 2);
  } else {
    const significant = withScale(value, value.scale - (value.digits.toString().length - 2));
    let stripped = significant;
    while (stripped.scale > 2 && stripped.digits % 10n === 0n) {
      stripped = { digits: stripped.digits / 10n, scale: stripped.scale - 1 };
    }
    rounded = withScale(stripped, Math.max(2, stripped.scale));
    if (rounded.digits >= 10n ** BigInt(rounded.scale)) {
      rounded = withScale(rounded, 2);
    }
  }
  const sign = amount < 0 && rounded.digits !== 0n ? "-" : "";
  return `${sign}$${write(rounded)}`;
}

/** Formats a token count as Money.count does, prefixed with "≈" when the count is an estimate. */
export function formatTokens(tokens: number, estimated: boolean): string {
  if (!Number.isFinite(tokens)) {
    return UNKNOWN;
  }
  return `${estimated ? "≈" : ""}${write(withScale(decimalOf(tokens), 0))}`;
}
