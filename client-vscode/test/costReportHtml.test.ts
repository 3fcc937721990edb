// Tests the cost report page: its tables, its SVG chart, its escaping and its Content-Security-Policy.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderCostReportHtml, renderMessageHtml } from "../src/costReportHtml";
import type { CostReport } from "../src/protocol";

const context = { nonce: "abc123", cspSource: "vscode-webview://test" };

const report: CostReport = {
  generatedAt: "2026-11-28T12:00:00Z",
  workloads: [
    { name: "support-triage", model: "gpt-4o", requestsPerDay: 250000, monthlyCostUsd: 9000, fineTunedMonthlyUsd: 3000,
      hybridMonthlyUsd: 4500, trainingCostUsd: 120, breakEvenDays: 0.6, recommendedApproach: "hybrid" },
    { name: "<script>alert(1)</script>", model: "gpt-4o-mini", requestsPerDay: null, monthlyCostUsd: null, fineTunedMonthlyUsd: null,
      hybridMonthlyUsd: null, trainingCostUsd: null, breakEvenDays: null, recommendedApproach: null },
  ],
  prompts: [{ path: "prompts/triage.prompty", tokens: 1830, costPerRequestUsd: 0.0012, monthlyCostUsd: 9000 }],
};

describe("renderCostReportHtml", () => {
  test("treats figures the server leaves out (Gson drops nulls) as unknown, not as a crash", () => {
    const sparse = JSON.parse(JSON.stringify({
      generatedAt: "2026-11-28T12:00:00Z",
      workloads: [{ name: "churn-outreach", recommendedApproach: "prompt-engineering" }],
      prompts: [{ path: "prompts/a.txt", tokens: 12 }],
    })) as CostReport;
    const html = renderCostReportHtml(sparse, context);
    assert.match(html, /churn-outreach/);
    assert.match(html, /n\/a/);
  });

  test("allows no scripts and only the style that carries the nonce", () => {
    const html = renderCostReportHtml(report, context);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*style-src 'nonce-abc123'">/);
    assert.match(html, /<style nonce="abc123">/);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  test("draws one bar per known monthly figure, scaled to the largest, in VS Code's chart colours", () => {
    const html = renderCostReportHtml(report, context);
    const bars = [...html.matchAll(/<rect class="bar (series-[a-z-]+)" x="180" y="\d+" width="([\d.]+)"/g)];
    assert.deepEqual(bars.map((bar) => [bar[1], Number(bar[2])]), [
      ["series-prompt", 420],
      ["series-fine-tuned", 140],
      ["series-hybrid", 210],
    ]);
    assert.match(html, /\.series-prompt \{ fill: var\(--vscode-charts-blue\); \}/);
  });

  test("lists workloads and prompts in tables with formatted figures", () => {
    const html = renderCostReportHtml(report, context);
    assert.match(html, /<td>support-triage<\/td><td>gpt-4o<\/td><td class="number">250,000<\/td><td class="number">\$9,000<\/td><td class="number">\$3,000<\/td><td class="number">\$4,500<\/td><td class="number">\$120<\/td><td class="number">1 day<\/td><td class="approach">hybrid<\/td>/);
    assert.match(html, /<td><code>prompts\/triage.prompty<\/code><\/td><td class="number">1,830<\/td><td class="number">\$0.0012<\/td><td class="number">\$9,000<\/td>/);
    assert.match(html, /<td class="number">n\/a<\/td><td class="approach">n\/a<\/td>/);
  });

  test("says never when fine-tuning is priced but does not pay back", () => {
    const costly = { ...report.workloads[0], name: "rare", breakEvenDays: null };
    const html = renderCostReportHtml({ ...report, workloads: [costly] }, context);
    assert.match(html, /<td class="number">never<\/td><td class="approach">hybrid<\/td>/);
  });

  test("escapes names that come from the user's files", () => {
    const html = renderCostReportHtml(report, context);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test("says what to do when there are no workloads or prompts", () => {
    const html = renderCostReportHtml({ generatedAt: "now", workloads: [], prompts: [] }, context);
    assert.match(html, /No workloads: describe them in <code>promptwise.yaml<\/code>/);
    assert.match(html, /No prompt files were found/);
    assert.doesNotMatch(html, /<svg/);
  });
});

describe("renderMessageHtml", () => {
  test("shows a plain escaped message under the same policy", () => {
    const html = renderMessageHtml("Promptwise cost report", "This server has no <cost> report.", context);
    assert.match(html, /<p>This server has no &lt;cost&gt; report.<\/p>/);
    assert.match(html, /style-src 'nonce-abc123'/);
  });
});
