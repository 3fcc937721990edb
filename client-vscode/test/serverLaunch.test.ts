// Tests the server's command line: the shipped JVM options, the class data sharing archive's life in the storage folder, and the user's vmargs winning.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import {
  ARCHIVE_FILE_PREFIX,
  type ArchiveIdentity,
  type ArchiveStorage,
  archiveFileName,
  findArchiveFiles,
  prepareClassDataSharing,
  serverArguments,
  SHIPPED_JVM_OPTIONS,
} from "../src/serverLaunch";

const repositoryRoot = path.join(__dirname, "..", "..", "..");
const FOLDER = path.join("/storage", "promptwise");
const JAR = "/ext/server/promptwise.jar";
const IDENTITY: ArchiveIdentity = {
  javaExecutable: "/usr/lib/jvm/java-17/bin/java",
  javaVersionOutput: 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)',
  jarPath: JAR,
  jarSize: 8_778_185,
  jarModifiedMs: 1_764_340_000_000,
};
const ARCHIVE_NAME = archiveFileName(IDENTITY);

/** A storage folder in memory whose Java runs succeed only for the archives listed in `working`. */
class FakeStorage implements ArchiveStorage {
  readonly names = new Set<string>();
  readonly javaRuns: string[][] = [];
  failFolder = false;

  constructor(names: string[], readonly working: string[] = []) {
    names.forEach((name) => this.names.add(name));
  }

  makeFolder = async (folder: string) => {
    if (this.failFolder) {
      throw new Error(`EACCES: permission denied, mkdir '${folder}'`);
    }
  };
  listNames = async () => [...this.names];
  remove = async (file: string) => {
    this.names.delete(path.basename(file));
  };
  rename = async (from: string, to: string) => {
    this.names.delete(path.basename(from));
    this.names.add(path.basename(to));
  };
  runJava = async (javaArguments: readonly string[]) => {
    this.javaRuns.push([...javaArguments]);
    const archive = javaArguments.find((argument) => argument.startsWith("-XX:SharedArchiveFile="))?.split("=")[1] ?? "";
    return this.working.includes(path.basename(archive));
  };
  uniqueSuffix = () => "m0abc-1234";
}

function prepare(storage: FakeStorage, identity: ArchiveIdentity = IDENTITY) {
  return prepareClassDataSharing(FOLDER, identity, storage, (sharing) => serverArguments(JAR, sharing, []));
}

describe("serverArguments", () => {
  test("puts the shipped options first, class data sharing next, the user's vmargs last, then the jar", () => {
    const sharing = [`-XX:SharedArchiveFile=${FOLDER}/${ARCHIVE_NAME}`, "-Xshare:auto"];
    assert.deepEqual(serverArguments(JAR, sharing, ["-Xmx2g", "-Dtrace=1"]),
      [...SHIPPED_JVM_OPTIONS, ...sharing, "-Xmx2g", "-Dtrace=1", "-jar", JAR]);
  });

  test("ships a serial collector, a heap that gives memory back, exit on out-of-memory and JVM warnings on stderr", () => {
    for (const option of ["-XX:+UseSerialGC", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError", "-Xlog:all=warning:stderr"]) {
      assert.ok(SHIPPED_JVM_OPTIONS.includes(option), option);
    }
    const maximumHeap = SHIPPED_JVM_OPTIONS.find((option) => option.startsWith("-Xmx"));
    assert.ok(maximumHeap && /^-Xmx\d+[gG]$/.test(maximumHeap), `a cap of gigabytes, not the 96 MB that risks an out-of-memory loop: ${maximumHeap}`);
    // Warnings on stdout would be read by the client as protocol messages.
    assert.ok(SHIPPED_JVM_OPTIONS.indexOf("-Xlog:disable") < SHIPPED_JVM_OPTIONS.indexOf("-Xlog:all=warning:stderr"));
  });

  test("leaves out the shipped collector when the user chooses one, since the JVM refuses two", () => {
    const launch = serverArguments(JAR, [], ["-XX:+UseG1GC"]);
    assert.equal(launch.filter((argument) => /^-XX:\+Use\w*GC$/.test(argument)).join(" "), "-XX:+UseG1GC");
    assert.ok(launch.includes("-XX:MaxHeapFreeRatio=30"), "the other shipped options stay");
  });

  test("leaves class data sharing to the user who sets any of its options", () => {
    const sharing = [`-XX:SharedArchiveFile=${FOLDER}/${ARCHIVE_NAME}`, "-Xshare:auto"];
    for (const userOption of ["-Xshare:off", "-XX:SharedArchiveFile=/mine.jsa", "-XX:ArchiveClassesAtExit=/mine.jsa", "-XX:+AutoCreateSharedArchive"]) {
      const launch = serverArguments(JAR, sharing, [userOption]);
      assert.ok(!launch.includes(sharing[0]), userOption);
      assert.ok(launch.includes(userOption), userOption);
    }
  });
});

describe("archive files", () => {
  test("name the Java build and the jar, so that an update of either gives a new archive", () => {
    assert.match(ARCHIVE_NAME, new RegExp(`^${ARCHIVE_FILE_PREFIX}[0-9a-f]{16}\\.jsa$`));
    assert.equal(archiveFileName({ ...IDENTITY }), ARCHIVE_NAME);
    assert.notEqual(archiveFileName({ ...IDENTITY, javaVersionOutput: IDENTITY.javaVersionOutput.replace("17.0.15+6", "17.0.16+8") }), ARCHIVE_NAME);
    assert.notEqual(archiveFileName({ ...IDENTITY, jarModifiedMs: IDENTITY.jarModifiedMs + 1 }), ARCHIVE_NAME);
    assert.notEqual(archiveFileName({ ...IDENTITY, javaExecutable: "/opt/jdk-17/bin/java" }), ARCHIVE_NAME);
  });

  test("are sorted into this launch's archive, its unverified predecessors newest first, stale ones and others", () => {
    const files = findArchiveFiles(FOLDER, IDENTITY, [
      `${ARCHIVE_NAME}.new-m0aaa-1`, `${ARCHIVE_NAME}.new-m0bbb-2`, `${ARCHIVE_FILE_PREFIX}0123456789abcdef.jsa`,
      `${ARCHIVE_FILE_PREFIX}0123456789abcdef.jsa.new-m0ccc-3`, "settings-cache.json",
    ]);
    assert.equal(files.archive, path.join(FOLDER, ARCHIVE_NAME));
    assert.equal(files.archiveExists, false);
    assert.deepEqual(files.unverified, [`${ARCHIVE_NAME}.new-m0bbb-2`, `${ARCHIVE_NAME}.new-m0aaa-1`].map((name) => path.join(FOLDER, name)));
    assert.deepEqual(files.stale, [`${ARCHIVE_FILE_PREFIX}0123456789abcdef.jsa`, `${ARCHIVE_FILE_PREFIX}0123456789abcdef.jsa.new-m0ccc-3`]
      .map((name) => path.join(FOLDER, name)));
  });
});

describe("prepareClassDataSharing", () => {
  test("asks the first launch to write a new archive at exit, under a name of its own", async () => {
    const storage = new FakeStorage([]);
    assert.deepEqual(await prepare(storage), [`-XX:ArchiveClassesAtExit=${path.join(FOLDER, ARCHIVE_NAME)}.new-m0abc-1234`]);
    assert.deepEqual(storage.javaRuns, []);
  });

  test("tries a new archive with -Xshare:on and the whole command line, then uses it under its final name", async () => {
    const written = `${ARCHIVE_NAME}.new-m0aaa-1`;
    const storage = new FakeStorage([written], [written]);
    const archive = path.join(FOLDER, ARCHIVE_NAME);
    assert.deepEqual(await prepare(storage), [`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto"]);
    assert.deepEqual(storage.javaRuns, [
      [...SHIPPED_JVM_OPTIONS, `-XX:SharedArchiveFile=${path.join(FOLDER, written)}`, "-Xshare:on",
        `-XX:ErrorFile=${path.join(FOLDER, `${ARCHIVE_FILE_PREFIX}trial-crash-%p.log`)}`, "-jar", JAR, "--version"],
    ]);
    assert.deepEqual([...storage.names], [ARCHIVE_NAME]);
  });

  test("deletes a new archive the JVM cannot use (truncated, or from a run that was killed) and writes another", async () => {
    const broken = `${ARCHIVE_NAME}.new-m0aaa-1`;
    const storage = new FakeStorage([broken], []);
    assert.deepEqual(await prepare(storage), [`-XX:ArchiveClassesAtExit=${path.join(FOLDER, ARCHIVE_NAME)}.new-m0abc-1234`]);
    assert.deepEqual([...storage.names], []);
  });

  test("uses a verified archive without starting Java, and deletes the archives of an earlier Java or jar", async () => {
    const old = archiveFileName({ ...IDENTITY, jarSize: 1 });
    const storage = new FakeStorage([ARCHIVE_NAME, old, `${ARCHIVE_NAME}.new-m0zzz-9`, "unrelated.txt"]);
    assert.deepEqual(await prepare(storage), [`-XX:SharedArchiveFile=${path.join(FOLDER, ARCHIVE_NAME)}`, "-Xshare:auto"]);
    assert.deepEqual(storage.javaRuns, [], "the archive in place needs no trial");
    assert.deepEqual([...storage.names].sort(), [ARCHIVE_NAME, "unrelated.txt"]);
  });

  test("gives no argument at all when the storage folder cannot be made: start-up goes on without sharing", async () => {
    const storage = new FakeStorage([]);
    storage.failFolder = true;
    assert.deepEqual(await prepare(storage), []);
  });
});

describe("the one list of shipped options", () => {
  test("is what docs/editors.md tells other editors to pass", () => {
    const editors = fs.readFileSync(path.join(repositoryRoot, "docs", "editors.md"), "utf8");
    assert.ok(editors.includes(`java ${SHIPPED_JVM_OPTIONS.join(" ")} -jar`), `docs/editors.md gives: java ${SHIPPED_JVM_OPTIONS.join(" ")} -jar …`);
  });

  test("is what the benchmark measures as the recommended flags", () => {
    const benchmark = fs.readFileSync(path.join(repositoryRoot, "bench", "src", "main", "java", "dev", "promptwise", "bench", "PeerBenchmarks.java"), "utf8");
    assert.ok(benchmark.includes('SHIPPED_VM_OPTIONS_FILE = "client-vscode/src/serverJvmOptions.json"'));
  });
});
