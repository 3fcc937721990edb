// Copies the server into the extension, so that the .vsix carries it; the copies are never committed.
// Universal VSIX: the jar that Maven built. Platform VSIX (PROMPTWISE_PLATFORM_BUNDLE names the bundle folder that
// dist/ built, such as ../dist/target/promptwise-linux-x64): that bundle's jar, with the modification time its class
// data archive records, its runtime, the archive and bundle.json.

import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extensionFolder = join(dirname(fileURLToPath(import.meta.url)), "..");
const serverFolder = join(extensionFolder, "server");
const bundledJar = join(serverFolder, "promptwise.jar");
const platformBundle = process.env.PROMPTWISE_PLATFORM_BUNDLE;

// A runtime left by an earlier platform build must not reach the next universal one (nor an older one a platform one).
for (const copy of ["runtime", "promptwise.jsa", "bundle.json"]) {
  rmSync(join(serverFolder, copy), { recursive: true, force: true });
}
mkdirSync(serverFolder, { recursive: true });
if (platformBundle) {
  for (const needed of ["runtime/bin", "lib/promptwise.jar", "lib/bundle.json"]) {
    if (!existsSync(join(platformBundle, needed))) {
      console.error(`copy-server: ${join(platformBundle, needed)} does not exist. Build the bundle first with "mvn -B package" in the repository root.`);
      process.exit(1);
    }
  }
  // cpSync keeps file modes (the runtime's executables) and, with preserveTimestamps, the jar's time.
  cpSync(join(platformBundle, "runtime"), join(serverFolder, "runtime"), { recursive: true, preserveTimestamps: true });
  copyFileSync(join(platformBundle, "lib", "bundle.json"), join(serverFolder, "bundle.json"));
  if (existsSync(join(platformBundle, "lib", "promptwise.jsa"))) {
    copyFileSync(join(platformBundle, "lib", "promptwise.jsa"), join(serverFolder, "promptwise.jsa"));
  }
  cpSync(join(platformBundle, "lib", "promptwise.jar"), bundledJar, { preserveTimestamps: true });
  console.log(`copy-server: copied the runtime, jar and class data archive of ${platformBundle} to ${serverFolder}`);
} else {
  const builtJar = join(extensionFolder, "..", "server", "target", "promptwise.jar");
  if (!existsSync(builtJar)) {
    console.error(`copy-server: ${builtJar} does not exist. Build it first with "mvn -B package" in the repository root.`);
    process.exit(1);
  }
  copyFileSync(builtJar, bundledJar);
  console.log(`copy-server: copied ${builtJar} (${statSync(bundledJar).size} bytes) to ${bundledJar}`);
}
