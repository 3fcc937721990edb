// Copies the server jar that Maven built into the extension, so the .vsix carries it; the copy is never committed.

import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extensionFolder = join(dirname(fileURLToPath(import.meta.url)), "..");
const builtJar = join(extensionFolder, "..", "server", "target", "promptwise.jar");
const bundledJar = join(extensionFolder, "server", "promptwise.jar");

if (!existsSync(builtJar)) {
  console.error(`copy-server: ${builtJar} does not exist. Build it first with "mvn -B package" in the repository root.`);
  process.exit(1);
}
mkdirSync(dirname(bundledJar), { recursive: true });
copyFileSync(builtJar, bundledJar);
console.log(`copy-server: copied ${builtJar} (${statSync(bundledJar).size} bytes) to ${bundledJar}`);
