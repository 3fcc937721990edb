// Tests that the TextMate grammars mark role markers, template variables and the front matter, with VS Code's engine.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, type IGrammar, parseRawGrammar, Registry } from "vscode-textmate";

const extensionFolder = path.join(__dirname, "..", "..");
let registry: Registry;

before(async () => {
  const wasm = fs.readFileSync(path.join(extensionFolder, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = { "source.prompty": "prompty.tmLanguage.json", "source.dotprompt": "dotprompt.tmLanguage.json" }[scopeName];
      if (!file) {
        return null;
      }
      const grammarPath = path.join(extensionFolder, "syntaxes", file);
      return parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath);
    },
  });
});

/** Tokenizes a document and returns, for each wanted piece of text, the scopes of the token that starts it. */
function scopesOf(grammar: IGrammar, documentText: string, wanted: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  let state = INITIAL;
  for (const line of documentText.split("\n")) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const tokenText = line.slice(token.startIndex, token.endIndex);
      for (const piece of wanted) {
        if (!(piece in found) && tokenText.trim() === piece) {
          found[piece] = token.scopes;
        }
      }
    }
    state = result.ruleStack;
  }
  return found;
}

describe("Prompty grammar", () => {
  test("marks role lines, template variables and the YAML front matter", async () => {
    const grammar = (await registry.loadGrammar("source.prompty"))!;
    const text = ["---", "name: triage", "---", "system:", "You triage tickets for {{ product }}.", "", "# user:", "{{question}}", "{# a note #}"].join("\n");
    const scopes = scopesOf(grammar, text, ["name: triage", "system", "user", "product", "question", "a note"]);
    assert.ok(scopes["name: triage"].includes("meta.embedded.block.frontmatter"), "front matter is embedded YAML");
    assert.ok(scopes["system"].includes("keyword.other.role.prompty"));
    assert.ok(scopes["user"].includes("keyword.other.role.prompty"));
    assert.ok(scopes["product"].includes("variable.other.template.prompty"));
    assert.ok(scopes["question"].includes("variable.other.template.prompty"));
    assert.ok(scopes["a note"] === undefined || scopes["a note"].includes("comment.block.template.prompty"));
  });

  test("does not take a role word inside a sentence for a role marker", async () => {
    const grammar = (await registry.loadGrammar("source.prompty"))!;
    const scopes = scopesOf(grammar, "system:\nThe user: asks things", ["The user: asks things"]);
    assert.deepEqual(scopes["The user: asks things"], ["source.prompty"]);
  });
});

describe("Dotprompt grammar", () => {
  test("marks role helpers, block helpers and variables", async () => {
    const grammar = (await registry.loadGrammar("source.dotprompt"))!;
    const text = ["---", "model: googleai/gemini-2.0-flash", "---", '{{role "system"}}', "Answer about {{topic}}.", '{{#role "user"}}', "{{#if details}}more{{/if}}", "{{/role}}"].join("\n");
    const scopes = scopesOf(grammar, text, ["model: googleai/gemini-2.0-flash", "role", '"system"', "topic", "if", "details"]);
    assert.ok(scopes["model: googleai/gemini-2.0-flash"].includes("meta.embedded.block.frontmatter"));
    assert.ok(scopes["role"].includes("keyword.other.role.dotprompt"));
    assert.ok(scopes['"system"'].includes("string.quoted.role.dotprompt"));
    assert.ok(scopes["topic"].includes("variable.other.template.dotprompt"));
    assert.ok(scopes["if"].includes("keyword.control.block.dotprompt"));
    assert.ok(scopes["details"].includes("variable.other.template.dotprompt"));
  });
});
