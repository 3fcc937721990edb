// Tests the mapping from VS Code's promptwise.* configuration to the settings object the server reads.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_SERVER_SETTINGS, splitVmArguments, toServerSettings, withRuleTurnedOff } from "../src/settings";

/** Reads dotted keys from a flat map, as `WorkspaceConfiguration.get` does. */
function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe("toServerSettings", () => {
  test("maps every server key into the nested object of the contract and drops client-only keys", () => {
    const settings = toServerSettings(reader({
      defaultModel: "gpt-4o",
      "budget.maxPromptTokens": 2500,
      "budget.maxMonthlyCost": 800,
      "traffic.requestsPerDay": 12000,
      rules: { "few-shot-heavy": "warning", "cost-at-scale": "off" },
      "diagnostics.debounceMs": 0,
      "pricing.file": "prices.yaml",
      "java.home": "/opt/jdk",
      "server.vmargs": "-Xmx1g",
      "trace.server": "verbose",
    }));
    assert.deepEqual(settings, {
      defaultModel: "gpt-4o",
      budget: { maxPromptTokens: 2500, maxMonthlyCost: 800 },
      traffic: { requestsPerDay: 12000 },
      rules: { "few-shot-heavy": "warning", "cost-at-scale": "off" },
      diagnostics: { debounceMs: 0 },
      pricing: { file: "prices.yaml" },
    });
    assert.equal(JSON.stringify(settings).includes("java"), false);
    assert.equal(JSON.stringify(settings).includes("vmargs"), false);
  });

  test("gives the documented defaults when nothing is set", () => {
    assert.deepEqual(toServerSettings(reader({})), DEFAULT_SERVER_SETTINGS);
    assert.equal(DEFAULT_SERVER_SETTINGS.defaultModel, "gpt-4o-mini");
    assert.equal(DEFAULT_SERVER_SETTINGS.budget.maxPromptTokens, 4000);
    assert.equal(DEFAULT_SERVER_SETTINGS.diagnostics.debounceMs, 300);
  });

  test("replaces values of the wrong type or range by their defaults", () => {
    const settings = toServerSettings(reader({
      defaultModel: "   ",
      "budget.maxPromptTokens": -5,
      "budget.maxMonthlyCost": "lots",
      "traffic.requestsPerDay": Number.NaN,
      rules: { "prompt-too-long": 3, "unknown-model": "hint" },
      "diagnostics.debounceMs": -1,
      "pricing.file": "",
    }));
    assert.deepEqual(settings, { ...DEFAULT_SERVER_SETTINGS, rules: { "unknown-model": "hint" } });
  });

  test("ignores a rules setting that is not an object", () => {
    assert.deepEqual(toServerSettings(reader({ rules: ["off"] })).rules, {});
    assert.deepEqual(toServerSettings(reader({ rules: "off" })).rules, {});
  });
});

describe("withRuleTurnedOff", () => {
  test("adds the rule as off and keeps the others, without changing the input", () => {
    const current = { "few-shot-heavy": "warning" };
    assert.deepEqual(withRuleTurnedOff(current, "cost-at-scale"), { "few-shot-heavy": "warning", "cost-at-scale": "off" });
    assert.deepEqual(current, { "few-shot-heavy": "warning" });
  });

  test("overrides a severity the user chose before, and starts from nothing when the workspace has no rules", () => {
    assert.deepEqual(withRuleTurnedOff({ "cost-at-scale": "error" }, "cost-at-scale"), { "cost-at-scale": "off" });
    assert.deepEqual(withRuleTurnedOff(undefined, "unused-variable"), { "unused-variable": "off" });
  });
});

describe("splitVmArguments", () => {
  test("splits on whitespace and keeps quoted arguments whole", () => {
    assert.deepEqual(splitVmArguments("-Xmx512m  -Dpromptwise.log=debug"), ["-Xmx512m", "-Dpromptwise.log=debug"]);
    assert.deepEqual(splitVmArguments('-Xmx1g "-Djava.io.tmpdir=/tmp/my dir" -Dname=\'a b\''), ["-Xmx1g", "-Djava.io.tmpdir=/tmp/my dir", "-Dname=a b"]);
    assert.deepEqual(splitVmArguments('-Dempty=""'), ["-Dempty="]);
  });

  test("returns no arguments for an empty or missing setting", () => {
    assert.deepEqual(splitVmArguments(""), []);
    assert.deepEqual(splitVmArguments("   "), []);
    assert.deepEqual(splitVmArguments(undefined), []);
    assert.deepEqual(splitVmArguments(null), []);
  });
});
