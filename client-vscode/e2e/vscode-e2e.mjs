// Drives real VS Code (code-server in headless Chromium) with the packaged .vsix and checks what a user sees.
//
// Run from client-vscode/ after `npm run package` and `e2e/install-code-server.sh`:
//   node e2e/vscode-e2e.mjs [--workspace DIR] [--file RELATIVE_PATH] [--screenshots DIR] [--vsix FILE] [--no-java]
// Defaults: the workspace ../samples and its prompts/triage.prompty (../editors/fixtures and its triage.prompty where
// there are no samples), screenshots in ../docs, the universal promptwise.vsix. PROMPTWISE_SERVER_JAR,
// when set, reaches the extension and runs another jar. Prints one line per check and exits 1 when one fails.
// --no-java runs code-server (and so the extension) with a PATH that has no java and without JAVA_HOME or JDK_HOME:
// with the platform VSIX (--vsix promptwise-linux-x64.vsix) the server must then run on the runtime it carries.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const extensionFolder = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const installFolder = join(extensionFolder, ".e2e");
// The repository's samples/ when it has them (as on main), else the small fixture of the editor checks.
const samplesFolder = join(extensionFolder, "..", "samples");
const hasSamples = existsSync(join(samplesFolder, "prompts", "triage.prompty"));
const { values: options } = parseArgs({
  options: {
    workspace: { type: "string", default: hasSamples ? samplesFolder : join(extensionFolder, "..", "editors", "fixtures") },
    file: { type: "string", default: hasSamples ? "prompts/triage.prompty" : "triage.prompty" },
    screenshots: { type: "string", default: join(extensionFolder, "..", "docs") },
    port: { type: "string", default: "8765" },
    vsix: { type: "string", default: "promptwise.vsix" },
    "no-java": { type: "boolean", default: false },
  },
});
const require = createRequire(join(installFolder, "package.json"));
const { chromium } = require("playwright-core");
const codeServer = join(installFolder, "node_modules", ".bin", "code-server");
const vsix = resolve(extensionFolder, options.vsix);
for (const needed of [codeServer, vsix]) {
  if (!existsSync(needed)) {
    console.error(`Missing ${needed}: run npm run package and e2e/install-code-server.sh first.`);
    process.exit(2);
  }
}

const results = [];
function check(name, passed, detail) {
  results.push(passed);
  console.log(`${passed ? "ok" : "not ok"} - ${name}${detail ? `: ${detail}` : ""}`);
}

// A fresh VS Code profile per run: nothing from an earlier run or from the user can help the test pass.
const scratch = mkdtempSync(join(tmpdir(), "promptwise-e2e-"));
const workspace = join(scratch, "workspace");
spawnSync("cp", ["-r", resolve(options.workspace), workspace]);
const userData = join(scratch, "user-data");
const extensions = join(scratch, "extensions");
mkdirSync(join(userData, "User"), { recursive: true });
writeFileSync(join(userData, "User", "settings.json"), JSON.stringify({
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "editor.hover.delay": 100,
}));
const common = ["--config", "/dev/null", "--user-data-dir", userData, "--extensions-dir", extensions];
const environment = options["no-java"] ? environmentWithoutJava(join(scratch, "bin-without-java")) : process.env;
if (options["no-java"]) {
  const which = spawnSync("sh", ["-c", "command -v java || echo none; echo ${JAVA_HOME:-no JAVA_HOME} ${JDK_HOME:-no JDK_HOME}"], { env: environment, encoding: "utf8" });
  check("code-server runs with no Java on PATH and no JAVA_HOME", which.stdout.trim() === "none\nno JAVA_HOME no JDK_HOME", which.stdout.trim().replace(/\n/g, "; "));
}
const install = spawnSync(codeServer, [...common, "--install-extension", vsix], { encoding: "utf8", env: environment });
check("the .vsix installs into code-server", install.status === 0 && /successfully installed/.test(install.stdout), install.stdout.trim().split("\n").pop());

const server = spawn(codeServer, [...common, "--auth", "none", "--bind-addr", `127.0.0.1:${options.port}`, "--disable-telemetry",
  "--disable-update-check", "--disable-workspace-trust", workspace], { stdio: "ignore", detached: true, env: environment });
// Playwright gives Chromium a fresh, empty profile of its own on every launch.
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
}).catch((error) => {
  process.kill(-server.pid);
  throw error;
});
/** The workbench page; the helpers at the end of the file drive it. */
let page;
try {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await waitFor(async () => (await page.goto(`http://127.0.0.1:${options.port}/?folder=${encodeURIComponent(workspace)}`))?.ok(), 30000);
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.waitForSelector(".explorer-folders-view", { timeout: 60000 });

  await page.keyboard.press("Control+P");
  await page.keyboard.type(options.file.split("/").pop());
  // Quick open lists files once the workbench's first file search is done: 10 s was too short on a loaded machine.
  await page.waitForSelector(".quick-input-list .monaco-list-row", { timeout: 60000 });
  await page.keyboard.press("Enter");
  await page.waitForSelector(".monaco-editor .view-lines", { timeout: 10000 });

  const statusText = await waitFor(async () => {
    const texts = await page.$$eval(".statusbar-item", (items) => items.map((item) => item.textContent.trim()));
    return texts.find((text) => /tokens/.test(text));
  }, 60000);
  check("the status bar shows the prompt's tokens", Boolean(statusText), statusText);
  if (options["no-java"]) {
    // The server's process: the java of the runtime inside the installed extension, the only Java this machine offers it.
    const serverJava = spawnSync("ps", ["-eo", "args"], { encoding: "utf8" }).stdout.split("\n")
      .find((line) => line.startsWith(`${extensions}/`) && line.includes("/server/runtime/bin/java "));
    check("the server runs on the Java runtime inside the extension", Boolean(serverJava), serverJava?.slice(0, 160));
  }

  // The Problems panel stays open from here on: its rows are the diagnostics of every open file, visible or not.
  await page.keyboard.press("Control+Shift+M");
  const problems = await waitFor(async () => {
    const rows = await problemRows();
    return rows.some((row) => /promptwise/i.test(row)) ? rows : undefined;
  }, 30000);
  check("the Problems panel lists Promptwise diagnostics", Boolean(problems), problems ? problems.slice(0, 4).join(" | ") : "none");

  // VS Code shows a hover only over text, so the mouse goes to the role word's own token, not to its line.
  const roleWord = page.locator(".view-line span span", { hasText: /^(system|user)$/ }).first();
  await roleWord.hover();
  const hoverText = await waitFor(async () => {
    const hover = await page.$(".monaco-hover:not(.hidden) .monaco-hover-content");
    const text = hover ? (await hover.textContent()).trim() : "";
    return /token/i.test(text) ? text : undefined;
  }, 10000);
  check("a hover shows the message's tokens and cost", Boolean(hoverText), hoverText?.slice(0, 120));
  if (hoverText) {
    await page.screenshot({ path: join(options.screenshots, "vscode-hover.png") });
  }

  // F8 moves the cursor to the first problem, scrolling it into view wherever it is in the file.
  await goToFirstProblem();
  const squiggles = await waitFor(async () => (await page.$$(".squiggly-error, .squiggly-warning, .squiggly-info")).length || undefined, 10000);
  check("squiggles appear in the prompt", Boolean(squiggles), `${squiggles ?? 0} squiggle(s)`);
  await page.screenshot({ path: join(options.screenshots, "vscode-diagnostics.png") });

  const fileOnDisk = join(workspace, options.file);
  const before = readFileSync(fileOnDisk, "utf8");
  await page.keyboard.press("Control+.");
  await page.waitForSelector(".action-widget .monaco-list-row", { timeout: 10000 }).catch(() => undefined);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+S");
  const after = await waitFor(async () => {
    const text = readFileSync(fileOnDisk, "utf8");
    return text !== before ? text : undefined;
  }, 10000) ?? before;
  check("a quick fix changes the file", after !== before, after !== before ? "the file was edited and saved" : "no change");

  // Undo the fix so the diagnostic comes back, then take the Disable rule action, which the extension runs itself.
  await page.keyboard.press("Control+Z");
  await page.keyboard.press("Control+S");
  await waitFor(async () => readFileSync(fileOnDisk, "utf8") === before, 10000);
  const rowsBack = await waitFor(async () => ((await problemRows()).length >= problems?.length ? true : undefined), 20000);
  let settingsText = "";
  let disabledRule = "";
  let actionsSeen = [];
  if (rowsBack) {
    await goToFirstProblem();
    await page.keyboard.press("Control+.");
    // The menu takes keys, not clicks: move down to the Disable action and accept it.
    // The menu's rows arrive after the widget: wait until the Disable action is among them, so that the keys below
    // never move through a menu still being filled.
    actionsSeen = await waitFor(async () => {
      const rows = await page.$$eval(".action-widget .monaco-list-row", (items) => items.map((item) => item.textContent));
      return rows.some((row) => /Disable .* in settings/.test(row)) ? rows : undefined;
    }, 15000) ?? await page.$$eval(".action-widget .monaco-list-row", (items) => items.map((item) => item.textContent)).catch(() => []);
    for (let step = 0; step < 8; step++) {
      const focused = await page.$eval(".action-widget .monaco-list-row.focused", (row) => row.textContent).catch(() => "");
      if (/Disable .* in settings/.test(focused)) {
        break;
      }
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    const settingsFile = join(workspace, ".vscode", "settings.json");
    settingsText = await waitFor(async () => {
      const text = existsSync(settingsFile) ? readFileSync(settingsFile, "utf8") : "";
      return /"promptwise\.rules"[\s\S]*"off"/.test(text) ? text : undefined;
    }, 10000) ?? "";
    disabledRule = /"([a-z-]+)":\s*"off"/.exec(settingsText)?.[1] ?? "";
  }
  check("Disable rule writes promptwise.rules to the workspace settings", settingsText !== "", settingsText !== ""
    ? settingsText.replace(/\s+/g, " ").trim()
    : !rowsBack ? "the diagnostics did not come back after the undo" : `actions offered: ${actionsSeen.join(" | ") || "none"}`);
  const ruleGone = disabledRule !== "" && await waitFor(async () => {
    const rows = await problemRows();
    return rows.every((row) => !row.includes(disabledRule)) ? true : undefined;
  }, 20000);
  check("the server drops the disabled rule's diagnostics", Boolean(ruleGone), disabledRule);

  if (existsSync(join(workspace, "prompts", "kb-answer.prompty"))) {
    // The samples' kb-answer.prompty is bound by two workloads (kb-answers on gpt-4o, policy-answers on Claude):
    // each team's findings must reach the Problems panel, each naming its workload. The file is opened from the
    // Explorer; the panel lists the rows of every open file.
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "kb-answer.prompty" }).first().click();
    const bothTeams = await waitFor(async () => {
      const rows = await problemRows();
      const named = (name) => rows.some((row) => row.includes(`workload ${name},`));
      return named("kb-answers") && named("policy-answers") ? rows : undefined;
    }, 60000);
    check("a prompt two workloads bind shows both teams' findings, each naming its workload", Boolean(bothTeams),
      bothTeams ? bothTeams.map((row) => /\((workload (kb|policy)-answers), [^)]*\)/.exec(row)?.[1]).filter(Boolean).join(" | ") : "not both");
    await page.screenshot({ path: join(options.screenshots, "vscode-two-workloads.png") });
  }


  await page.keyboard.press("Control+Shift+P");
  await page.keyboard.type("Promptwise: Show Cost Report");
  await page.waitForSelector(".quick-input-list .monaco-list-row", { timeout: 10000 });
  await page.keyboard.press("Enter");
  const reportFrame = await waitFor(async () => {
    for (const frame of page.frames()) {
      const heading = await frame.$("h1").catch(() => null);
      const text = heading ? await heading.textContent() : "";
      if (/cost report/i.test(text)) {
        return frame;
      }
    }
    return undefined;
  }, 20000);
  check("the cost report opens in a webview", Boolean(reportFrame));
  // The server renders the page (the same as `report --html`); its policy lets its one stylesheet in by hash, so a
  // right-aligned figure shows that the stylesheet applied, and a text colour other than the page's fallback
  // (#1f2328, for browsers) that VS Code's theme variables reached it.
  const reportLook = reportFrame ? await reportFrame.evaluate(() => {
    const figure = document.querySelector("table.workloads td.number");
    return {
      rows: document.querySelectorAll("table.workloads tbody tr").length,
      curves: document.querySelectorAll("svg.curve polyline").length,
      figureAlign: figure ? getComputedStyle(figure).textAlign : "",
      bodyColour: getComputedStyle(document.body).color,
    };
  }).catch((error) => ({ error: String(error) })) : {};
  check("the webview shows the server's page: workload rows and cost curves", reportLook.rows > 0 && reportLook.curves > 0,
    JSON.stringify(reportLook));
  check("the page's stylesheet applies under its policy, in the theme's colours",
    reportLook.figureAlign === "right" && reportLook.bodyColour !== "" && reportLook.bodyColour !== "rgb(31, 35, 40)",
    JSON.stringify(reportLook));
  await page.screenshot({ path: join(options.screenshots, "vscode-cost-report.png") });
} finally {
  await browser.close();
  process.kill(-server.pid);
  rmSync(scratch, { recursive: true, force: true });
}
const failed = results.filter((passed) => !passed).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/**
 * Returns this process's environment without JAVA_HOME and JDK_HOME and with a PATH of one folder, made here, that
 * links every program of the original PATH but java (code-server and its extension host still find node, git, rg).
 */
function environmentWithoutJava(folder) {
  mkdirSync(folder, { recursive: true });
  for (const directory of (process.env.PATH ?? "").split(":").reverse()) {
    let names = [];
    try {
      names = readdirSync(directory);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name !== "java") {
        rmSync(join(folder, name), { force: true });
        try {
          symlinkSync(join(directory, name), join(folder, name));
        } catch {
          // A name that cannot be linked is one program less; the checks say what it broke.
        }
      }
    }
  }
  const environment = { ...process.env, PATH: folder };
  delete environment.JAVA_HOME;
  delete environment.JDK_HOME;
  return environment;
}

/** Returns the text of each row of the Problems panel, which must be open. */
async function problemRows() {
  return page.$$eval(".markers-panel .monaco-list-row", (items) => items.map((item) => item.textContent.trim()));
}

/** Puts the cursor on the first problem of the editor (F8), then closes the peek that F8 opens. */
async function goToFirstProblem() {
  await page.click(".monaco-editor .view-lines");
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("F8");
  await page.waitForSelector(".marker-widget", { timeout: 10000 }).catch(() => undefined);
  await page.keyboard.press("Escape");
}

/** Polls until the probe returns a truthy value; returns it, or undefined when the time runs out. */
async function waitFor(probe, timeoutMilliseconds) {
  const deadline = Date.now() + timeoutMilliseconds;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value) {
      return value;
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }
  return undefined;
}
