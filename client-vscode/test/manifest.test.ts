// Tests that package.json contributes what the server reads and what the extension's code relies on.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { RULE_SEVERITIES, RULES } from "../src/rules";
import { DEFAULT_SERVER_SETTINGS } from "../src/settings";

const extensionFolder = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(extensionFolder, "package.json"), "utf8"));
const properties: Record<string, { default?: unknown; scope?: string; enum?: string[]; properties?: Record<string, { enum: string[]; markdownDescription: string }>; markdownDescription?: string }> =
  manifest.contributes.configuration.properties;

describe("package.json", () => {
  test("contributes every server setting with the default the settings mapping uses", () => {
    const flatDefaults: Record<string, unknown> = {
      "promptwise.defaultModel": DEFAULT_SERVER_SETTINGS.defaultModel,
      "promptwise.budget.maxPromptTokens": DEFAULT_SERVER_SETTINGS.budget.maxPromptTokens,
      "promptwise.budget.maxMonthlyCost": DEFAULT_SERVER_SETTINGS.budget.maxMonthlyCost,
      "promptwise.traffic.requestsPerDay": DEFAULT_SERVER_SETTINGS.traffic.requestsPerDay,
      "promptwise.rules": DEFAULT_SERVER_SETTINGS.rules,
      "promptwise.diagnostics.debounceMs": DEFAULT_SERVER_SETTINGS.diagnostics.debounceMs,
      "promptwise.pricing.file": DEFAULT_SERVER_SETTINGS.pricing.file,
    };
    for (const [key, expected] of Object.entries(flatDefaults)) {
      assert.ok(properties[key], `${key} is contributed`);
      assert.deepEqual(properties[key].default, expected, `default of ${key}`);
    }
    assert.equal(properties["promptwise.java.home"].scope, "machine");
    assert.deepEqual(properties["promptwise.trace.server"].enum, ["off", "messages", "verbose"]);
  });

  test("lists every rule of DESIGN section 3 with its default severity", () => {
    const ruleProperties = properties["promptwise.rules"].properties!;
    assert.deepEqual(Object.keys(ruleProperties), RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      assert.deepEqual(ruleProperties[rule.id].enum, RULE_SEVERITIES);
      assert.match(ruleProperties[rule.id].markdownDescription, new RegExp(`default: ${rule.defaultSeverity}`));
      assert.match(properties["promptwise.rules"].markdownDescription!, new RegExp(`\`${rule.id}\`: ${rule.defaultSeverity}`));
    }
  });

  test("declares the commands the extension registers, and the files it contributes exist", () => {
    const commandIds = manifest.contributes.commands.map((command: { command: string }) => command.command);
    const source = fs.readFileSync(path.join(extensionFolder, "src", "extension.ts"), "utf8");
    for (const registered of source.matchAll(/registerCommand\("([^"]+)"/g)) {
      assert.ok(commandIds.includes(registered[1]), `${registered[1]} is declared`);
    }
    assert.equal(commandIds.length, [...source.matchAll(/registerCommand\("/g)].length);
    for (const contributed of [...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path),
      ...manifest.contributes.languages.map((language: { configuration: string }) => language.configuration)]) {
      assert.ok(fs.existsSync(path.join(extensionFolder, contributed)), `${contributed} exists`);
    }
  });

  test("reuses the Prompty and Dotprompt extensions' language ids and validates the strategy file with the bundled schema", () => {
    assert.deepEqual(manifest.contributes.languages.map((language: { id: string }) => language.id), ["prompty", "dotprompt"]);
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ["promptwise.yaml", "*.strategy.yaml"], url: "./server/promptwise.schema.json" }]);
  });

  test("keeps the logic modules free of the vscode API so these tests run without VS Code", () => {
    for (const file of fs.readdirSync(path.join(extensionFolder, "src"))) {
      if (file !== "extension.ts") {
        const text = fs.readFileSync(path.join(extensionFolder, "src", file), "utf8");
        assert.doesNotMatch(text, /from "vscode"|require\("vscode"\)/, `${file} imports vscode`);
      }
    }
  });
});
