// Tests what the cost report webview shows: the server's page untouched, or a message page under a strict policy.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { COST_REPORT_TITLE, escapeHtml, pageFromAnswer, renderMessageHtml } from "../src/reportPage";

const nonce = "abc123";

describe("pageFromAnswer", () => {
  test("shows the server's page as it is, with its own policy", () => {
    const html = "<!doctype html>\n<html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\" " +
      "content=\"default-src 'none'; style-src 'sha256-x'\"></head><body><h1>Promptwise cost report</h1></body></html>\n";
    assert.equal(pageFromAnswer({ html }, nonce), html);
  });

  test("says the server returned no report when the answer holds no page", () => {
    for (const answer of [null, undefined, {}, { html: "" }, { html: 42 }, "<h1>not an object</h1>"]) {
      const html = pageFromAnswer(answer, nonce);
      assert.match(html, /<h1>Promptwise cost report<\/h1>/, JSON.stringify(answer));
      assert.match(html, /<p>The server returned no report.<\/p>/);
    }
  });
});

describe("renderMessageHtml", () => {
  test("shows a plain escaped message and allows only the style that carries the nonce", () => {
    const html = renderMessageHtml(COST_REPORT_TITLE, "This server has no <cost> report.", nonce);
    assert.match(html, /<p>This server has no &lt;cost&gt; report.<\/p>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'">/);
    assert.match(html, /<style nonce="abc123">/);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  test("escapes a nonce that could close its attribute", () => {
    const html = renderMessageHtml(COST_REPORT_TITLE, "x", "a\"b");
    assert.match(html, /nonce="a&quot;b"/);
  });
});

describe("escapeHtml", () => {
  test("escapes the five characters that matter and treats a missing text as empty", () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assert.equal(escapeHtml(undefined), "");
  });
});
