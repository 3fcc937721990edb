// Chooses what the cost report webview shows: the server's page, or a message page when there is none to show.
// The report itself is rendered by the server (dev.promptwise.report.CostReportPage), the same page that
// `promptwise report --html` writes; this module only renders the one-paragraph pages that stand in for it.

import type { CostReportPage } from "./protocol";

/** The webview's title and the heading of the pages that stand in for the report. */
export const COST_REPORT_TITLE = "Promptwise cost report";

/**
 * Returns the HTML the webview shows for the server's answer to `promptwise.costReportHtml`: the server's page as it
 * is (it carries its own Content-Security-Policy, which allows no script), or a message page when the answer holds
 * no page.
 */
export function pageFromAnswer(answer: unknown, nonce: string): string {
  const html = (answer as Partial<CostReportPage> | null | undefined)?.html;
  return typeof html === "string" && html !== ""
    ? html
    : renderMessageHtml(COST_REPORT_TITLE, "The server returned no report.", nonce);
}

/**
 * Renders a page with a single message, for a server that is not running, has no report page, or failed. Its
 * policy allows only its own style element, which carries {@link nonce}.
 */
export function renderMessageHtml(title: string, message: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${escapeHtml(nonce)}'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-weight: 600; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
</body>
</html>
`;
}

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(text: string | null | undefined): string {
  return String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
