// Packages the platform VSIX, promptwise-<target>.vsix: the extension with the runtime, jar and class data archive of
// the bundle dist/ built for that target (linux-x64 unless PROMPTWISE_TARGET says otherwise). Skips with a note when
// the bundle was not built (no jmods; see dist/pom.xml), then restores the universal copy of the server.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extensionFolder = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = process.env.PROMPTWISE_TARGET || "linux-x64";
const distTarget = join(extensionFolder, "..", "dist", "target");
const bundle = join(distTarget, `promptwise-${target}`);
const output = `promptwise-${target}.vsix`;
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function megabytes(file) {
  return `${(statSync(join(extensionFolder, file)).size / 1e6).toFixed(1)} MB`;
}

if (existsSync(join(distTarget, "bundle-skipped.txt")) || !existsSync(join(bundle, "lib", "bundle.json"))) {
  const why = existsSync(join(distTarget, "bundle-skipped.txt")) ? readFileSync(join(distTarget, "bundle-skipped.txt"), "utf8").trim() : `${bundle} does not exist.`;
  console.log(`package-platform: NOTE: ${output} is not built: ${why}`);
} else {
  execFileSync(npx, ["vsce", "package", "--no-dependencies", "--skip-license", "--allow-missing-repository",
    "--target", target, "--ignoreFile", ".vscodeignore-platform", "--out", output],
  { cwd: extensionFolder, stdio: "inherit", env: { ...process.env, PROMPTWISE_PLATFORM_BUNDLE: bundle } });
  // Leave the universal copy of the server in place for tests and a later universal package.
  execFileSync(process.execPath, [join(extensionFolder, "scripts", "copy-server.mjs")], { cwd: extensionFolder, stdio: "inherit" });
  console.log(`package-platform: ${output} ${megabytes(output)}`);
}
if (existsSync(join(extensionFolder, "promptwise.vsix"))) {
  console.log(`package-platform: promptwise.vsix (universal) ${megabytes("promptwise.vsix")}`);
}
