// Tests the status bar's text for the active prompt, from the server's promptwise/documentCost answer.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatUsd } from "../src/format";
import type { DocumentCost } from "../src/protocol";
import { statusBarContent } from "../src/statusBarText";

describe("statusBarContent", () => {
  test("leads with the monthly cost, then the tokens", () => {
    const content = statusBarContent({ tokens: 1234, estimated: false, costPerRequestUsd: 0.00062, monthlyCostUsd: 4650, model: "gpt-4o" });
    assert.equal(content?.text, "$(symbol-numeric) $4,650/mo · 1,234 tokens");
    assert.match(content!.tooltip, /1,234 tokens on gpt-4o\n\$0\.00062 per request\n\$4,650 per month/);
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
  test("shows two significant digits below $1, cents below $100, whole dollars above, and n/a when unknown", () => {
    assert.equal(formatUsd(12.5), "$12.50");
    assert.equal(formatUsd(123456.7), "$123,457");
    assert.equal(formatUsd(0), "$0.00");
    assert.equal(formatUsd(0.0004567), "$0.00046");
    assert.equal(formatUsd(0.017), "$0.017");
    assert.equal(formatUsd(0.5), "$0.50");
    assert.equal(formatUsd(null), "n/a");
  });
});
