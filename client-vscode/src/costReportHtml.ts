// Renders the server's cost report as one self-contained page: tables and a plain SVG chart, themed by VS Code.

import { formatTokens, formatUsd } from "./format";
import type { CostReport, WorkloadCost } from "./protocol";

/** What the page needs from the webview that shows it. */
export interface PageContext {
  /** A fresh random value per render; only the style element that carries it is applied. */
  readonly nonce: string;
  /** The webview's `cspSource`, allowed for images and fonts. */
  readonly cspSource: string;
}

/** The three monthly figures the chart compares for each workload, in drawing order. */
export const CHART_SERIES = [
  { key: "monthlyCostUsd", label: "Prompt only", cssClass: "series-prompt" },
  { key: "fineTunedMonthlyUsd", label: "Fine-tuned", cssClass: "series-fine-tuned" },
  { key: "hybridMonthlyUsd", label: "Hybrid", cssClass: "series-hybrid" },
] as const;

/** Renders the whole report page; a report without workloads or prompts says so in place of the empty parts. */
export function renderCostReportHtml(report: CostReport, context: PageContext): string {
  const body = [
    `<h1>Promptwise cost report</h1>`,
    `<p class="generated">Generated ${escapeHtml(report.generatedAt)}</p>`,
    `<h2>Workloads</h2>`,
    report.workloads.length === 0
      ? `<p>No workloads: describe them in <code>promptwise.yaml</code> to see monthly costs and break-even points.</p>`
      : `${renderChart(report.workloads)}${renderWorkloadTable(report.workloads)}`,
    `<h2>Prompts</h2>`,
    report.prompts.length === 0 ? `<p>No prompt files were found in this workspace.</p>` : renderPromptTable(report),
  ].join("\n");
  return renderPage("Promptwise cost report", body, context);
}

/** Renders a page with a single message, for a server without the report or a report that failed. */
export function renderMessageHtml(title: string, message: string, context: PageContext): string {
  return renderPage(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`, context);
}

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(text: string | null | undefined): string {
  // The server's JSON leaves out unknown figures, so a field may be missing: show it as empty, never crash.
  return String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function renderPage(title: string, body: string, context: PageContext): string {
  const policy = [
    "default-src 'none'",
    `img-src ${context.cspSource} data:`,
    `font-src ${context.cspSource}`,
    `style-src 'nonce-${context.nonce}'`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${context.nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1, h2 { font-weight: 600; }
.generated { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.recommended td.approach { font-weight: 600; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
svg .axis { stroke: var(--vscode-descriptionForeground); }
.series-prompt { fill: var(--vscode-charts-blue); }
.series-fine-tuned { fill: var(--vscode-charts-green); }
.series-hybrid { fill: var(--vscode-charts-orange); }
code { font-family: var(--vscode-editor-font-family); }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Draws one group of horizontal bars per workload, one bar per known monthly figure, scaled to the largest. */
function renderChart(workloads: readonly WorkloadCost[]): string {
  const labelWidth = 180;
  const barAreaWidth = 420;
  const valueWidth = 90;
  const barHeight = 14;
  const groupGap = 14;
  const legendHeight = 24;
  const largest = Math.max(
    0,
    ...workloads.flatMap((workload) => CHART_SERIES.map((series) => workload[series.key] ?? 0)),
  );
  const groupHeight = CHART_SERIES.length * barHeight + groupGap;
  const height = legendHeight + workloads.length * groupHeight;
  const width = labelWidth + barAreaWidth + valueWidth;
  const parts: string[] = [];
  CHART_SERIES.forEach((series, index) => {
    const x = labelWidth + index * 120;
    parts.push(`<rect class="${series.cssClass}" x="${x}" y="4" width="12" height="12"/>`);
    parts.push(`<text x="${x + 16}" y="14">${series.label}</text>`);
  });
  workloads.forEach((workload, workloadIndex) => {
    const groupTop = legendHeight + workloadIndex * groupHeight;
    parts.push(`<text x="0" y="${groupTop + barHeight * 2 - 2}">${escapeHtml(truncate(workload.name, 24))}</text>`);
    CHART_SERIES.forEach((series, seriesIndex) => {
      const value = workload[series.key];
      if (value === null || value === undefined) {
        return;
      }
      const y = groupTop + seriesIndex * barHeight;
      const barWidth = largest > 0 ? Math.max(1, (value / largest) * barAreaWidth) : 1;
      parts.push(
        `<rect class="bar ${series.cssClass}" x="${labelWidth}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight - 2}">` +
          `<title>${escapeHtml(workload.name)}: ${series.label} ${formatUsd(value)} per month</title></rect>`,
      );
      parts.push(`<text x="${(labelWidth + barWidth + 4).toFixed(1)}" y="${y + barHeight - 3}">${formatUsd(value)}</text>`);
    });
  });
  parts.push(`<line class="axis" x1="${labelWidth}" y1="${legendHeight - 2}" x2="${labelWidth}" y2="${height}"/>`);
  return `<svg role="img" aria-label="Monthly cost per workload" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n${parts.join("\n")}\n</svg>`;
}

function renderWorkloadTable(workloads: readonly WorkloadCost[]): string {
  const rows = workloads.map((workload) =>
    [
      `<tr>`,
      `<td>${escapeHtml(workload.name)}</td>`,
      `<td>${escapeHtml(workload.model)}</td>`,
      `<td class="number">${workload.requestsPerDay === null || workload.requestsPerDay === undefined ? "n/a" : workload.requestsPerDay.toLocaleString("en-US")}</td>`,
      `<td class="number">${formatUsd(workload.monthlyCostUsd)}</td>`,
      `<td class="number">${formatUsd(workload.fineTunedMonthlyUsd)}</td>`,
      `<td class="number">${formatUsd(workload.hybridMonthlyUsd)}</td>`,
      `<td class="number">${formatUsd(workload.trainingCostUsd)}</td>`,
      `<td class="number">${formatBreakEven(workload)}</td>`,
      `<td class="approach">${escapeHtml(workload.recommendedApproach ?? "n/a")}</td>`,
      `</tr>`,
    ].join(""),
  );
  return [
    `<table class="workloads">`,
    `<thead><tr><th>Workload</th><th>Model</th><th class="number">Requests/day</th><th class="number">Prompt only /month</th>` +
      `<th class="number">Fine-tuned /month</th><th class="number">Hybrid /month</th><th class="number">Training</th>` +
      `<th class="number">Break-even</th><th>Recommended</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
  ].join("\n");
}

function renderPromptTable(report: CostReport): string {
  const rows = report.prompts.map(
    (prompt) =>
      `<tr><td><code>${escapeHtml(prompt.path)}</code></td><td class="number">${formatTokens(prompt.tokens, false)}</td>` +
      `<td class="number">${formatUsd(prompt.costPerRequestUsd)}</td><td class="number">${formatUsd(prompt.monthlyCostUsd)}</td></tr>`,
  );
  return [
    `<table class="prompts">`,
    `<thead><tr><th>Prompt</th><th class="number">Tokens</th><th class="number">Per request</th><th class="number">Per month</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
  ].join("\n");
}

function truncate(text: string, maximumLength: number): string {
  return text.length <= maximumLength ? text : `${text.slice(0, maximumLength - 1)}…`;
}

/** Says "n/a" without a fine-tuned figure, "never" when fine-tuning never pays back, else the days until it does. */
function formatBreakEven(workload: WorkloadCost): string {
  if (workload.fineTunedMonthlyUsd === null || workload.fineTunedMonthlyUsd === undefined) {
    return "n/a";
  }
  return workload.breakEvenDays === null || workload.breakEvenDays === undefined ? "never" : formatDays(workload.breakEvenDays);
}

/** Rounds a break-even period up to whole days, since a partial day still has to pass. */
function formatDays(days: number): string {
  const wholeDays = Math.max(1, Math.ceil(days));
  return `${wholeDays.toLocaleString("en-US")} ${wholeDays === 1 ? "day" : "days"}`;
}
