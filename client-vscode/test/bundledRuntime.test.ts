// Tests how the extension picks the Java runtime a platform VSIX carries, and starts the real bundled runtime (when
// dist/ built it) the way the extension does, with no Java on PATH and no JAVA_HOME.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";
import {
  type BundleEnvironment,
  bundledServerArguments,
  chooseRuntime,
  findBundledRuntime,
  JAR_ON_DESCRIPTOR,
  prepareBundledFiles,
  spawnBundledServer,
} from "../src/bundledRuntime";

const EXTENSION = "/home/me/.vscode/extensions/promptwise.promptwise-0.1.0-linux-x64";
const SERVER = `${EXTENSION}/server`;
const LINUX_BUNDLE = JSON.stringify({ platform: "linux-x64", jarModifiedSeconds: 946684800, archive: true });

/** A machine whose files are the keys of `files` (with their text), on `platform` and `arch`. */
function machine(files: Record<string, string>, platform: NodeJS.Platform = "linux", arch = "x64"): BundleEnvironment {
  return {
    platform,
    arch,
    readText: (file) => files[file],
    isFile: (file) => file in files,
  };
}

const PLATFORM_VSIX = {
  [`${SERVER}/bundle.json`]: LINUX_BUNDLE,
  [`${SERVER}/runtime/bin/java`]: "",
  [`${SERVER}/promptwise.jar`]: "",
  [`${SERVER}/promptwise.jsa`]: "",
};

describe("findBundledRuntime", () => {
  test("finds the runtime, jar and archive of a platform VSIX built for this machine", () => {
    assert.deepEqual(findBundledRuntime(EXTENSION, machine(PLATFORM_VSIX)), {
      java: `${SERVER}/runtime/bin/java`,
      jar: `${SERVER}/promptwise.jar`,
      archive: `${SERVER}/promptwise.jsa`,
      jarModifiedSeconds: 946684800,
    });
  });

  test("finds none in the universal VSIX, which has no bundle.json", () => {
    assert.equal(findBundledRuntime(EXTENSION, machine({ [`${SERVER}/promptwise.jar`]: "" })), undefined);
  });

  test("finds none when the VSIX was built for another platform or architecture", () => {
    assert.equal(findBundledRuntime(EXTENSION, machine(PLATFORM_VSIX, "darwin", "arm64")), undefined);
    assert.equal(findBundledRuntime(EXTENSION, machine(PLATFORM_VSIX, "linux", "arm64")), undefined);
  });

  test("finds none when the runtime's java is missing or bundle.json is broken", () => {
    const withoutJava: Record<string, string> = { ...PLATFORM_VSIX };
    delete withoutJava[`${SERVER}/runtime/bin/java`];
    assert.equal(findBundledRuntime(EXTENSION, machine(withoutJava)), undefined);
    assert.equal(findBundledRuntime(EXTENSION, machine({ ...PLATFORM_VSIX, [`${SERVER}/bundle.json`]: "{" })), undefined);
  });

  test("uses no archive on Windows, which has no /dev/fd, or when the bundle has none", () => {
    const windows = {
      [`${SERVER}/bundle.json`]: JSON.stringify({ platform: "win32-x64", jarModifiedSeconds: 946684800, archive: true }),
      [`${SERVER}/runtime/bin/java.exe`]: "",
      [`${SERVER}/promptwise.jar`]: "",
      [`${SERVER}/promptwise.jsa`]: "",
    };
    const found = findBundledRuntime(EXTENSION, machine(windows, "win32", "x64"));
    assert.ok(found);
    assert.equal(found.archive, undefined);
    const noArchive = { ...PLATFORM_VSIX, [`${SERVER}/bundle.json`]: LINUX_BUNDLE.replace("true", "false") };
    assert.equal(findBundledRuntime(EXTENSION, machine(noArchive))?.archive, undefined);
  });
});

describe("chooseRuntime", () => {
  const bundled = findBundledRuntime(EXTENSION, machine(PLATFORM_VSIX));

  test("uses the bundled runtime first when the user named no Java", () => {
    assert.equal(chooseRuntime(undefined, bundled), "bundled");
    assert.equal(chooseRuntime("  ", bundled), "bundled");
  });

  test("lets the setting promptwise.java.home win: the user's explicit choice", () => {
    assert.equal(chooseRuntime("/opt/jdk-21", bundled), "setting");
  });

  test("looks for Java on the machine without a bundled runtime (the universal VSIX)", () => {
    assert.equal(chooseRuntime(undefined, undefined), "machine");
  });
});

describe("bundledServerArguments", () => {
  const bundled = findBundledRuntime(EXTENSION, machine(PLATFORM_VSIX))!;

  test("maps the archive and hands the jar over on file descriptor 3, the user's vmargs after", () => {
    assert.deepEqual(bundledServerArguments(bundled, ["-Xmx2g"]), {
      args: [`-XX:SharedArchiveFile=${SERVER}/promptwise.jsa`, "-Xshare:auto", "-Xmx2g", "-cp", JAR_ON_DESCRIPTOR, "dev.promptwise.Main"],
      jarOnDescriptor: true,
    });
  });

  test("turns the built-in serial collector off when the user chooses another", () => {
    const { args } = bundledServerArguments(bundled, ["-XX:+UseG1GC"]);
    assert.deepEqual(args.slice(2, 4), ["-XX:-UseSerialGC", "-XX:+UseG1GC"]);
  });

  test("leaves class data sharing to a user who sets it, and names the jar by its path", () => {
    assert.deepEqual(bundledServerArguments(bundled, ["-Xshare:off"]), {
      args: ["-Xshare:off", "-cp", `${SERVER}/promptwise.jar`, "dev.promptwise.Main"],
      jarOnDescriptor: false,
    });
  });
});

// The bundle dist/ builds in `mvn verify`; these tests skip when it was not built (a JDK without jmods).
const BUILT_BUNDLE = path.join(__dirname, "..", "..", "..", "dist", "target", "promptwise-linux-x64");
const haveBundle = process.platform === "linux" && process.arch === "x64" && fs.existsSync(path.join(BUILT_BUNDLE, "lib", "bundle.json"));

describe("the real bundled runtime, started as the extension starts it", { skip: haveBundle ? false : "dist/ built no linux-x64 bundle" }, () => {
  /** Lays out an installed platform VSIX's server folder, with the jar's time lost as an installer may lose it. */
  function installedExtension(): string {
    const extension = fs.mkdtempSync(path.join(os.tmpdir(), "promptwise-extension-"));
    const server = path.join(extension, "server");
    fs.mkdirSync(server);
    fs.cpSync(path.join(BUILT_BUNDLE, "runtime"), path.join(server, "runtime"), { recursive: true });
    fs.copyFileSync(path.join(BUILT_BUNDLE, "lib", "promptwise.jar"), path.join(server, "promptwise.jar"));
    fs.copyFileSync(path.join(BUILT_BUNDLE, "lib", "promptwise.jsa"), path.join(server, "promptwise.jsa"));
    fs.copyFileSync(path.join(BUILT_BUNDLE, "lib", "bundle.json"), path.join(server, "bundle.json"));
    return extension;
  }

  function machineFiles(): BundleEnvironment {
    return {
      platform: process.platform,
      arch: process.arch,
      readText: (file) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined),
      isFile: (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
    };
  }

  /** Runs the server with these vmargs and `--version`, with PATH holding no Java and no JAVA_HOME. */
  async function run(extension: string, userArguments: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const runtime = findBundledRuntime(extension, machineFiles());
    assert.ok(runtime, "the installed extension has a bundled runtime");
    assert.equal(prepareBundledFiles(runtime), undefined);
    const { args, jarOnDescriptor } = bundledServerArguments(runtime, userArguments);
    const child = spawnBundledServer(runtime, [...args, "--version"], jarOnDescriptor, { env: { PATH: "/nonexistent" }, cwd: extension });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (data) => (stdout += data));
    child.stderr!.on("data", (data) => (stderr += data));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return { code, stdout, stderr };
  }

  test("starts with no Java on the machine's PATH, restores the jar's time and maps the build's archive", async () => {
    const extension = installedExtension();
    try {
      const jar = path.join(extension, "server", "promptwise.jar");
      assert.notEqual(Math.floor(fs.statSync(jar).mtimeMs / 1000), 946684800, "the copy has a fresh time, as after an install");
      const { code, stdout, stderr } = await run(extension, ["-Xlog:class+load=info:stderr"]);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^promptwise \S+/);
      assert.equal(Math.floor(fs.statSync(jar).mtimeMs / 1000), 946684800);
      assert.match(stderr, /dev\.promptwise\.Main source: shared objects file/, "the server's classes come from the archive");
    } finally {
      fs.rmSync(extension, { recursive: true, force: true });
    }
  });

  test("runs with a collector of the user's choice in place of the built-in one", async () => {
    const extension = installedExtension();
    try {
      const { code, stderr } = await run(extension, ["-XX:+UseParallelGC"]);
      assert.equal(code, 0, stderr);
    } finally {
      fs.rmSync(extension, { recursive: true, force: true });
    }
  });
});
