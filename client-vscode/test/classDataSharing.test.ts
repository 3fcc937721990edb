// Runs the class data sharing life cycle against the real Java and the server jar Maven built: the archive is written, tried, used and replaced, and a broken or foreign archive never stops the server or reaches its stdout.

import assert from "node:assert/strict";
import * as childProcess from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { type ArchiveIdentity, diskArchiveStorage, prepareClassDataSharing, serverArguments, SHIPPED_JVM_OPTIONS } from "../src/serverLaunch";

const builtJar = process.env["PROMPTWISE_SERVER_JAR"] || path.join(__dirname, "..", "..", "..", "server", "target", "promptwise.jar");
const java = process.env["JAVA_HOME"] ? path.join(process.env["JAVA_HOME"], "bin", process.platform === "win32" ? "java.exe" : "java") : "java";

/** Runs Java to the end and returns its exit code and both outputs. */
function runJava(javaArguments: readonly string[], cwd: string) {
  const run = childProcess.spawnSync(java, javaArguments, { cwd, encoding: "utf8", timeout: 60000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("an archive is written by the first start, tried, used by the next, and replaced when the jar changes", async () => {
  assert.ok(fs.existsSync(builtJar), `${builtJar} is missing: build the server first (mvn -B -pl server package)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "promptwise-cds-test-"));
  try {
    const jar = path.join(work, "promptwise.jar");
    fs.copyFileSync(builtJar, jar);
    const folder = path.join(work, "global-storage");
    const versionOutput = runJava(["-version"], work).stderr;
    const identity = (): ArchiveIdentity => {
      const stat = fs.statSync(jar);
      return { javaExecutable: java, javaVersionOutput: versionOutput, jarPath: jar, jarSize: stat.size, jarModifiedMs: stat.mtimeMs };
    };
    const launch = (sharing: readonly string[]) => serverArguments(jar, sharing, []);
    const prepare = () => prepareClassDataSharing(folder, identity(), diskArchiveStorage(java), launch);
    const serverVersion = (sharing: readonly string[], options: readonly string[] = []) =>
      runJava([...launch(sharing).slice(0, -2), ...options, "-jar", jar, "--version"], work);

    // A first start that is killed while the JVM writes the archive leaves it truncated: Java 17 would crash on it.
    const firstStart = await prepare();
    assert.match(firstStart[0], /^-XX:ArchiveClassesAtExit=.*\.new-/);
    assert.equal(serverVersion(firstStart).status, 0);
    const written = firstStart[0].slice("-XX:ArchiveClassesAtExit=".length);
    fs.chmodSync(written, 0o644);
    fs.truncateSync(written, Math.floor(fs.statSync(written).size / 3));
    const afterTruncation = await prepare();
    assert.match(afterTruncation[0], /^-XX:ArchiveClassesAtExit=/, "the truncated archive is not used");
    assert.ok(!fs.existsSync(written), "the truncated archive is deleted");

    // The next start writes a whole one, which passes its trial and is used.
    assert.equal(serverVersion(afterTruncation).status, 0);
    const laterStart = await prepare();
    assert.equal(laterStart[1], "-Xshare:auto");
    const archive = laterStart[0].slice("-XX:SharedArchiveFile=".length);
    assert.equal(runJava([...launch([laterStart[0], "-Xshare:on"]).slice(0, -2), "-jar", jar, "--version"], work).status, 0,
      "the JVM maps the archive");
    const withArchive = serverVersion(laterStart);
    assert.equal(withArchive.status, 0);
    assert.match(withArchive.stdout, /^promptwise \S+\n$/);

    // An update of the jar makes the archive foreign: the JVM warns and goes on, on stderr with the shipped options.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(jar, later, later);
    const foreign = serverVersion(laterStart);
    assert.equal(foreign.status, 0);
    assert.match(foreign.stdout, /^promptwise \S+\n$/, "only the program's output on stdout");
    assert.match(foreign.stderr, /\[warning\]\[cds/);
    const withoutLogOptions = runJava([`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto", "-jar", jar, "--version"], work);
    assert.match(withoutLogOptions.stdout, /\[warning\]\[cds/, "without the shipped -Xlog options the warning would reach the protocol's stdout");
    assert.ok(SHIPPED_JVM_OPTIONS.includes("-Xlog:all=warning:stderr"));

    const afterUpdate = await prepare();
    assert.match(afterUpdate[0], /^-XX:ArchiveClassesAtExit=/);
    assert.ok(!fs.existsSync(archive), "the archive of the earlier jar is deleted");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
