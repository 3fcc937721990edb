// Copies the server's JSON Schema of promptwise.yaml into the extension for yamlValidation; warns when there is none yet.

import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const extensionFolder = join(dirname(fileURLToPath(import.meta.url)), "..");
const serverSchema = join(extensionFolder, "..", "server", "src", "main", "resources", "schema", "promptwise.schema.json");
const bundledSchema = join(extensionFolder, "server", "promptwise.schema.json");

if (!existsSync(serverSchema)) {
  console.warn(`copy-schema: warning: ${serverSchema} does not exist, so the extension ships without a schema for promptwise.yaml.`);
  // A copy left by an earlier build would ship a schema that no longer matches the server.
  rmSync(bundledSchema, { force: true });
  process.exit(0);
}
mkdirSync(dirname(bundledSchema), { recursive: true });
copyFileSync(serverSchema, bundledSchema);
console.log(`copy-schema: copied ${serverSchema} to ${bundledSchema}`);
