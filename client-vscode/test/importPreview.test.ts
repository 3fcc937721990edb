// Tests the reading of the server's import answer: edits, refusals and malformed answers.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { confirmationText, IMPORT_SOURCES, readImportAnswer, unchangedSincePreview } from "../src/importPreview";

const edit = { uri: "file:///w/promptwise.yaml", path: "promptwise.yaml", before: "a: 1\n", after: "a: 2\n" };

describe("readImportAnswer", () => {
  test("keeps the edits and the warnings", () => {
    assert.deepEqual(readImportAnswer({ edits: [edit], warnings: ["skipped p2", 3] }),
      { kind: "edits", edits: [edit], warnings: ["skipped p2"] });
  });

  test("turns the server's refusal into a message", () => {
    assert.deepEqual(readImportAnswer({ error: "no workload 'x'", warnings: [] }),
      { kind: "refused", message: "no workload 'x'", warnings: [] });
  });

  test("refuses an answer that is not the server's shape, and an empty one", () => {
    assert.equal(readImportAnswer(null).kind, "refused");
    assert.equal(readImportAnswer({ edits: [{ uri: "x" }] }).kind, "refused");
    assert.deepEqual(readImportAnswer({ edits: [] }), { kind: "refused", message: "The import changes nothing.", warnings: [] });
  });
});

describe("confirmation and staleness", () => {
  test("names the files", () => {
    assert.equal(confirmationText([edit]), "Apply the import to promptwise.yaml?");
    assert.equal(confirmationText([edit, { ...edit, path: "team/a.strategy.yaml" }]),
      "Apply the import to 2 strategy files (promptwise.yaml, team/a.strategy.yaml)?");
  });

  test("an edit made after the preview is not overwritten", () => {
    assert.equal(unchangedSincePreview(edit, "a: 1\n"), true);
    assert.equal(unchangedSincePreview(edit, "a: 1\n# typed meanwhile\n"), false);
  });

  test("lists the four sources the server reads", () => {
    assert.deepEqual(IMPORT_SOURCES.map((s) => s.source), ["promptfoo", "otel", "openai-usage", "langfuse"]);
  });
});
