// Tests the status bar's text for the active prompt, from the server's promptwise/documentCost answer.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatTokens, formatUsd } from "../src/format";
import type { DocumentCost } from "../src/protocol";
import { statusBarContent } from "../src/statusBarText";

describe("statusBarContent", () => {
  test("leads with the monthly cost, then the tokens", () => {
    const content = statusBarContent({ tokens: 1234, estimated: false, costPerRequestUsd: 0.00062, monthlyCostUsd: 4650, model: "gpt-4o" });
    assert.equal(content?.text, "$(symbol-numeric) $4,650.00/mo · 1,234 tokens");
    assert.match(content!.tooltip, /1,234 tokens on gpt-4o\n\$0\.00062 per request\n\$4,650\.00 per month/);
  });

  test("writes the server's wording of each figure when it sends one", () => {
    const content = statusBarContent({
      tokens: 980, estimated: true, costPerRequestUsd: 0.0123, monthlyCostUsd: 1234.5, model: "claude-sonnet-4",
      tokensText: "≈980", costPerRequestText: "≈$0.012", monthlyCostText: "≈$1,234.50",
    });
    assert.equal(content?.text, "$(symbol-numeric) ≈$1,234.50/mo · ≈980 tokens");
    assert.match(content!.tooltip, /≈\$0\.012 per request\n≈\$1,234\.50 per month/);
  });

  test("marks estimated dollars with ≈ too when an older server sends only numbers", () => {
    const content = statusBarContent({ tokens: 980, estimated: true, costPerRequestUsd: 0.0123, monthlyCostUsd: 1234.5, model: "gemini-2.5-pro" });
    assert.equal(content?.text, "$(symbol-numeric) ≈$1,234.50/mo · ≈980 tokens");
  });

  test("marks estimated counts with ≈ and says when no traffic is known", () => {
    const content = statusBarContent({ tokens: 980, estimated: true, costPerRequestUsd: 0.0123, monthlyCostUsd: null, model: "claude-sonnet-4" });
    assert.equal(content?.text, "$(symbol-numeric) ≈980 tokens");
    assert.match(content!.tooltip, /\(estimated\)/);
    assert.match(content!.tooltip, /no traffic known/);
  });

  test("treats figures an older server leaves out as unknown", () => {
    const content = statusBarContent({ tokens: 75, estimated: true, model: "gpt-4o-mini" } as unknown as DocumentCost);
    assert.equal(content?.text, "$(symbol-numeric) ≈75 tokens");
    assert.match(content!.tooltip, /no price known\nno traffic known/);
  });

  test("returns undefined for a file that is not a prompt", () => {
    assert.equal(statusBarContent(null), undefined);
    assert.equal(statusBarContent(undefined), undefined);
  });
});

describe("formatUsd", () => {
  // The same table as the server's MoneyTest: the status bar must write a figure as the report does.
  const table: ReadonlyArray<readonly [number, string]> = [
    [41062.5, "$41,062.50"],
    [1234567.891, "$1,234,567.89"],
    [43689.195, "$43,689.20"],
    [19.305, "$19.31"],
    [123456.7, "$123,456.70"],
    [1, "$1.00"],
    [0.999, "$1.00"],
    [0.99999, "$1.00"],
    [999.995, "$1,000.00"],
    [1e6, "$1,000,000.00"],
    [0.5, "$0.50"],
    [0.123, "$0.12"],
    [0.017, "$0.017"],
    [0.0042, "$0.0042"],
    [0.0062475, "$0.0062"],
    [0.005, "$0.005"],
    [0.004999, "$0.005"],
    [0.0004567, "$0.00046"],
    [0.0003, "$0.0003"],
    [0.000123, "$0.00012"],
    [1e-7, "$0.0000001"],
    [0, "$0.00"],
    [-12, "-$12.00"],
    [-0.0042, "-$0.0042"],
  ];
  for (const [amount, expected] of table) {
    test(`${amount} reads ${expected}`, () => assert.equal(formatUsd(amount), expected));
  }

  test("reads unknown figures as unknown", () => {
    assert.equal(formatUsd(null), "unknown");
    assert.equal(formatUsd(Number.NaN), "unknown");
  });
});

describe("formatTokens", () => {
  test("groups thousands, rounds half up and marks estimates", () => {
    assert.equal(formatTokens(1408, false), "1,408");
    assert.equal(formatTokens(250000, true), "≈250,000");
    assert.equal(formatTokens(2.5, false), "3");
  });
});
