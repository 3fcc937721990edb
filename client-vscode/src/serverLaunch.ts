// Builds the java command line that starts the server: the shipped JVM options, a class data sharing archive kept in the extension's storage, and the user's promptwise.server.vmargs last, so that theirs win.

import * as childProcess from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import shippedOptionsFile from "./serverJvmOptions.json";

/**
 * The JVM options every launch gets before the user's own: a small serial-collected heap that gives memory back,
 * exit on out-of-memory (the client restarts the server), and JVM warnings on stderr, never on the protocol's stdout.
 * The same list is what bench/ measures and what docs/editors.md gives other editors.
 */
export const SHIPPED_JVM_OPTIONS: readonly string[] = Object.freeze([...shippedOptionsFile.options]);

/** An option that chooses the garbage collector; the JVM refuses to start with two. */
const COLLECTOR_CHOICE = /^-XX:\+Use\w*GC$/;

/** The prefix of every file the extension keeps in its storage for class data sharing. */
export const ARCHIVE_FILE_PREFIX = "promptwise-cds-";

/** What an archive depends on: the JVM refuses an archive made by another Java build or for another jar. */
export interface ArchiveIdentity {
  readonly javaExecutable: string;
  /** What `java -version` printed, which names the exact build. */
  readonly javaVersionOutput: string;
  readonly jarPath: string;
  /** The jar's size and modification time: what the JVM itself checks before it uses an archive. */
  readonly jarSize: number;
  readonly jarModifiedMs: number;
}

/** The class data sharing files of one launch, found among the names in the storage folder. */
export interface ArchiveFiles {
  /** The verified archive for this Java and jar; `archiveExists` says whether it is there yet. */
  readonly archive: string;
  readonly archiveExists: boolean;
  /** Archives written by earlier first launches of this Java and jar, not yet tried: the newest first. */
  readonly unverified: readonly string[];
  /** Files of other Java builds or jars (an update replaced them): to delete. */
  readonly stale: readonly string[];
}

/** The file operations and the Java runs that preparing an archive needs; tests pass fakes. */
export interface ArchiveStorage {
  readonly makeFolder: (folder: string) => Promise<void>;
  readonly listNames: (folder: string) => Promise<readonly string[]>;
  readonly remove: (file: string) => Promise<void>;
  readonly rename: (from: string, to: string) => Promise<void>;
  /** Runs Java with these arguments; resolves true when it exited with 0, false otherwise (never rejects). */
  readonly runJava: (javaArguments: readonly string[]) => Promise<boolean>;
  /** A string that differs between launches (a time and a random part), for the name of a new archive. */
  readonly uniqueSuffix: () => string;
}

/** Returns the archive's file name for a Java build and a jar: the prefix, 16 hex digits of their hash, `.jsa`. */
export function archiveFileName(identity: ArchiveIdentity): string {
  const hash = crypto.createHash("sha256").update(JSON.stringify([
    identity.javaExecutable, identity.javaVersionOutput, identity.jarPath, identity.jarSize, identity.jarModifiedMs,
  ])).digest("hex");
  return `${ARCHIVE_FILE_PREFIX}${hash.slice(0, 16)}.jsa`;
}

/**
 * Sorts the names found in the storage folder into this launch's archive, its unverified predecessors (named
 * `<archive>.new-<suffix>`, newest suffix first) and stale files of other identities. Names without the prefix are
 * not the extension's and are left alone.
 */
export function findArchiveFiles(folder: string, identity: ArchiveIdentity, names: readonly string[]): ArchiveFiles {
  const archiveName = archiveFileName(identity);
  const unverified = names.filter((name) => name.startsWith(`${archiveName}.new-`)).sort().reverse();
  const stale = names.filter((name) => name.startsWith(ARCHIVE_FILE_PREFIX) && name !== archiveName && !name.startsWith(`${archiveName}.`));
  return {
    archive: path.join(folder, archiveName),
    archiveExists: names.includes(archiveName),
    unverified: unverified.map((name) => path.join(folder, name)),
    stale: stale.map((name) => path.join(folder, name)),
  };
}

/**
 * Returns the JVM arguments and program arguments that launch the server: the shipped options, then the class data
 * sharing ones, then the user's, then `-jar`. A shipped option the user's arguments replace is left out: the garbage
 * collector when they choose one (two collectors stop the JVM), and class data sharing when they set any of its
 * options themselves.
 */
export function serverArguments(jarPath: string, classDataSharing: readonly string[], userArguments: readonly string[]): string[] {
  const userChoosesCollector = userArguments.some((argument) => COLLECTOR_CHOICE.test(argument));
  const shipped = SHIPPED_JVM_OPTIONS.filter((option) => !(userChoosesCollector && COLLECTOR_CHOICE.test(option)));
  const sharing = userHandlesClassDataSharing(userArguments) ? [] : classDataSharing;
  return [...shipped, ...sharing, ...userArguments, "-jar", jarPath];
}

/** Returns whether the user's arguments set class data sharing themselves (then the extension keeps out of it). */
export function userHandlesClassDataSharing(userArguments: readonly string[]): boolean {
  return userArguments.some((argument) =>
    /^-Xshare:|^-XX:(SharedArchiveFile|ArchiveClassesAtExit)=|^-XX:[+-]AutoCreateSharedArchive$/.test(argument));
}

/** Returns the arguments that use an archive and let the JVM go on without it when it does not fit. */
export function useArchiveArguments(archive: string): string[] {
  return [`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto"];
}

/** Returns the argument that makes the JVM write the classes it loaded to `newArchive` when it exits. */
export function createArchiveArguments(newArchive: string): string[] {
  return [`-XX:ArchiveClassesAtExit=${newArchive}`];
}

/**
 * Returns the class data sharing arguments for this launch, preparing the storage folder first: deletes stale
 * archives, tries each unverified one with `-Xshare:on` (which fails on an archive the JVM cannot use, where
 * `-Xshare:auto` would only warn, and crashes harmlessly on a truncated one) and keeps the first that works as the
 * archive. With an archive: the arguments that use it; without: those that create a new one at exit. Any failure of
 * the storage gives no argument at all: class data sharing only ever makes start-up faster, never stops it.
 *
 * @param launchArguments builds the whole command line around class data sharing arguments (see serverArguments)
 */
export async function prepareClassDataSharing(
  folder: string,
  identity: ArchiveIdentity,
  storage: ArchiveStorage,
  launchArguments: (classDataSharing: readonly string[]) => string[],
): Promise<string[]> {
  try {
    await storage.makeFolder(folder);
    const files = findArchiveFiles(folder, identity, await storage.listNames(folder));
    await Promise.all(files.stale.map((file) => storage.remove(file).catch(() => undefined)));
    let archiveExists = files.archiveExists;
    for (const candidate of files.unverified) {
      // A crash report of the trial goes to the folder, under a name the next launch deletes as stale.
      const trial = [`-XX:SharedArchiveFile=${candidate}`, "-Xshare:on", `-XX:ErrorFile=${path.join(folder, `${ARCHIVE_FILE_PREFIX}trial-crash-%p.log`)}`];
      if (!archiveExists && await storage.runJava([...launchArguments(trial), "--version"])) {
        await storage.rename(candidate, files.archive);
        archiveExists = true;
      } else {
        await storage.remove(candidate).catch(() => undefined);
      }
    }
    if (archiveExists) {
      return useArchiveArguments(files.archive);
    }
    return createArchiveArguments(`${files.archive}.new-${storage.uniqueSuffix()}`);
  } catch {
    return [];
  }
}

/** Returns the storage on disk, whose Java runs use `javaExecutable` in the storage folder and time out after 30 s. */
export function diskArchiveStorage(javaExecutable: string): ArchiveStorage {
  return {
    makeFolder: async (folder) => {
      await fs.promises.mkdir(folder, { recursive: true });
    },
    listNames: (folder) => fs.promises.readdir(folder),
    remove: (file) => fs.promises.rm(file, { force: true }),
    rename: (from, to) => fs.promises.rename(from, to),
    runJava: (javaArguments) => new Promise((resolve) => {
      childProcess.execFile(javaExecutable, [...javaArguments], { timeout: 30000 }, (error) => resolve(!error));
    }),
    uniqueSuffix: () => `${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`,
  };
}
