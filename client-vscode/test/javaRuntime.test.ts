// Tests how the extension finds a Java 17+ runtime and reads versions, on machines described in memory.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeMissingJava, findJava, type JavaEnvironment, javaCandidates, parseJavaMajorVersion } from "../src/javaRuntime";

/** Describes a machine: which files exist and what each java prints for -version. */
function machine(options: {
  javaHomeSetting?: string;
  variables?: Record<string, string>;
  versions: Record<string, string>;
  platform?: NodeJS.Platform;
}): JavaEnvironment & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    javaHomeSetting: options.javaHomeSetting,
    variables: options.variables ?? {},
    platform: options.platform ?? "linux",
    isFile: (filePath) => filePath in options.versions,
    runVersionCommand: async (executable) => {
      ran.push(executable);
      const output = options.versions[executable];
      if (output === "cannot run") {
        throw new Error("EACCES");
      }
      return output;
    },
  };
}

const OPENJDK_17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)';
const OPENJDK_21 = 'openjdk version "21.0.2" 2024-01-16';
const ORACLE_8 = 'java version "1.8.0_381"\nJava(TM) SE Runtime Environment (build 1.8.0_381-b09)';
const OPENJDK_11 = 'openjdk version "11.0.22" 2024-01-16';

describe("parseJavaMajorVersion", () => {
  test("reads the feature release of modern and legacy version strings", () => {
    assert.equal(parseJavaMajorVersion(OPENJDK_17), 17);
    assert.equal(parseJavaMajorVersion(ORACLE_8), 8);
    assert.equal(parseJavaMajorVersion('openjdk version "21" 2023-09-19'), 21);
    assert.equal(parseJavaMajorVersion('openjdk version "24-ea" 2025-03-18'), 24);
    assert.equal(parseJavaMajorVersion('java version "1.7.0_80"'), 7);
    assert.equal(parseJavaMajorVersion('Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "22.0.1" 2024-04-16'), 22);
  });

  test("returns undefined when the output names no version", () => {
    assert.equal(parseJavaMajorVersion("bash: java: command not found"), undefined);
    assert.equal(parseJavaMajorVersion('java version "unknown"'), undefined);
    assert.equal(parseJavaMajorVersion(""), undefined);
  });
});

describe("javaCandidates", () => {
  test("orders the setting, JAVA_HOME, JDK_HOME, then PATH, skipping duplicates and missing files", () => {
    const environment = machine({
      javaHomeSetting: "/opt/jdk-21",
      variables: { JAVA_HOME: "/usr/lib/jvm/java-17", JDK_HOME: "/usr/lib/jvm/java-17", PATH: "/usr/local/bin:/usr/bin:/usr/lib/jvm/java-17/bin" },
      versions: { "/opt/jdk-21/bin/java": OPENJDK_21, "/usr/lib/jvm/java-17/bin/java": OPENJDK_17, "/usr/bin/java": OPENJDK_11 },
    });
    assert.deepEqual(javaCandidates(environment), [
      { source: "setting promptwise.java.home", executable: "/opt/jdk-21/bin/java" },
      { source: "JAVA_HOME", executable: "/usr/lib/jvm/java-17/bin/java" },
      { source: "PATH", executable: "/usr/bin/java" },
    ]);
  });

  test("uses java.exe and the Windows path separator on Windows", () => {
    const environment = machine({
      platform: "win32",
      variables: { Path: "C:\\Windows;C:\\Program Files\\Java\\jdk-17\\bin" },
      versions: { "C:\\Program Files\\Java\\jdk-17\\bin\\java.exe": OPENJDK_17 },
    });
    assert.deepEqual(javaCandidates(environment), [{ source: "PATH", executable: "C:\\Program Files\\Java\\jdk-17\\bin\\java.exe" }]);
  });

  test("returns an empty list on a machine without Java", () => {
    assert.deepEqual(javaCandidates(machine({ variables: { PATH: "/usr/bin" }, versions: {} })), []);
  });
});

describe("findJava", () => {
  test("prefers the setting over JAVA_HOME and PATH", async () => {
    const environment = machine({
      javaHomeSetting: "/opt/jdk-21",
      variables: { JAVA_HOME: "/usr/lib/jvm/java-17", PATH: "/usr/bin" },
      versions: { "/opt/jdk-21/bin/java": OPENJDK_21, "/usr/lib/jvm/java-17/bin/java": OPENJDK_17, "/usr/bin/java": OPENJDK_17 },
    });
    const result = await findJava(environment);
    assert.deepEqual(result.found, {
      candidate: { source: "setting promptwise.java.home", executable: "/opt/jdk-21/bin/java" },
      majorVersion: 21,
      versionOutput: OPENJDK_21,
    });
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(environment.ran, ["/opt/jdk-21/bin/java"]);
  });

  test("skips a too old JAVA_HOME and one that cannot run, then takes Java 17 from PATH", async () => {
    const environment = machine({
      variables: { JAVA_HOME: "/usr/lib/jvm/java-8", JDK_HOME: "/opt/broken", PATH: "/usr/bin" },
      versions: { "/usr/lib/jvm/java-8/bin/java": ORACLE_8, "/opt/broken/bin/java": "cannot run", "/usr/bin/java": OPENJDK_17 },
    });
    const result = await findJava(environment);
    assert.equal(result.found?.candidate.executable, "/usr/bin/java");
    assert.equal(result.found?.majorVersion, 17);
    assert.deepEqual(result.rejected.map((rejected) => [rejected.candidate.source, rejected.reason]), [
      ["JAVA_HOME", "it is Java 8, older than 17"],
      ["JDK_HOME", "it could not be run (EACCES)"],
    ]);
  });

  test("reports a setting that points at a folder without bin/java, and still finds Java elsewhere", async () => {
    const environment = machine({ javaHomeSetting: "/home/me/no-jdk", variables: { PATH: "/usr/bin" }, versions: { "/usr/bin/java": OPENJDK_21 } });
    const result = await findJava(environment);
    assert.equal(result.found?.majorVersion, 21);
    assert.deepEqual(result.rejected, [
      { candidate: { source: "setting promptwise.java.home", executable: "/home/me/no-jdk" }, reason: "it has no bin/java" },
    ]);
  });

  test("finds nothing when every Java is older than 17, and says which ones in plain words", async () => {
    const environment = machine({ variables: { JAVA_HOME: "/usr/lib/jvm/java-11" }, versions: { "/usr/lib/jvm/java-11/bin/java": OPENJDK_11 } });
    const result = await findJava(environment);
    assert.equal(result.found, undefined);
    const message = describeMissingJava(result);
    assert.match(message, /needs Java 17 or newer/);
    assert.match(message, /\/usr\/lib\/jvm\/java-11\/bin\/java \(from JAVA_HOME\): it is Java 11, older than 17/);
    assert.match(message, /promptwise\.java\.home/);
  });

  test("says where it looked when there is no Java at all", async () => {
    const result = await findJava(machine({ variables: { PATH: "/usr/bin" }, versions: {} }));
    assert.equal(result.found, undefined);
    assert.match(describeMissingJava(result), /No Java was found in the setting promptwise\.java\.home, in JAVA_HOME or JDK_HOME, or on PATH/);
  });
});
