// Finds a Java 17+ runtime to launch the server with: the setting, then JAVA_HOME / JDK_HOME, then PATH.

import * as childProcess from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The oldest Java feature release the server runs on. */
export const MINIMUM_JAVA_VERSION = 17;

/** Where a candidate Java executable came from, in the order they are tried. */
export type JavaSource = "setting promptwise.java.home" | "JAVA_HOME" | "JDK_HOME" | "PATH";

/** One Java executable that may launch the server. */
export interface JavaCandidate {
  readonly source: JavaSource;
  readonly executable: string;
}

/** A candidate that was tried and turned down, with the reason in plain words. */
export interface RejectedJava {
  readonly candidate: JavaCandidate;
  readonly reason: string;
}

/** The outcome of a search: the runtime chosen (undefined when none fits) and every candidate turned down before it. */
export interface JavaSearchResult {
  /** The chosen runtime, with what its `java -version` printed, which names its exact build. */
  readonly found?: { readonly candidate: JavaCandidate; readonly majorVersion: number; readonly versionOutput: string };
  readonly rejected: readonly RejectedJava[];
}

/** What the search reads from the machine, passed in so that tests can describe any machine. */
export interface JavaEnvironment {
  readonly javaHomeSetting?: string | null;
  readonly variables: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly isFile: (filePath: string) => boolean;
  /** Runs `<executable> -version` and returns what it printed (Java prints it on stderr); rejects when it cannot run. */
  readonly runVersionCommand: (executable: string) => Promise<string>;
}

/**
 * Lists the Java executables to try, in order and without duplicates: `bin/java` below the setting, below JAVA_HOME,
 * below JDK_HOME, then every `java` on PATH. Returns an empty list when none exists.
 */
export function javaCandidates(environment: JavaEnvironment): JavaCandidate[] {
  const executableName = environment.platform === "win32" ? "java.exe" : "java";
  const pathApi = environment.platform === "win32" ? path.win32 : path.posix;
  const candidates: JavaCandidate[] = [];
  const seen = new Set<string>();
  const add = (source: JavaSource, executable: string) => {
    if (!seen.has(executable) && environment.isFile(executable)) {
      seen.add(executable);
      candidates.push({ source, executable });
    }
  };
  const homes: [JavaSource, string | null | undefined][] = [
    ["setting promptwise.java.home", environment.javaHomeSetting],
    ["JAVA_HOME", environment.variables["JAVA_HOME"]],
    ["JDK_HOME", environment.variables["JDK_HOME"]],
  ];
  for (const [source, home] of homes) {
    if (home && home.trim() !== "") {
      add(source, pathApi.join(home.trim(), "bin", executableName));
    }
  }
  const searchPath = environment.variables["PATH"] ?? environment.variables["Path"] ?? "";
  for (const directory of searchPath.split(pathApi.delimiter)) {
    if (directory !== "") {
      add("PATH", pathApi.join(directory, executableName));
    }
  }
  return candidates;
}

/**
 * Reads the feature release from the output of `java -version`: 17 for `openjdk version "17.0.15"`, 8 for
 * `java version "1.8.0_381"`, 21 for `openjdk version "21" 2023-09-19`, 24 for `"24-ea"`.
 * Returns undefined when the output names no version.
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version\s+"([^"]+)"/.exec(versionOutput);
  if (!match) {
    return undefined;
  }
  const numbers = /^(\d+)(?:\.(\d+))?/.exec(match[1]);
  if (!numbers) {
    return undefined;
  }
  const first = Number(numbers[1]);
  if (first === 1 && numbers[2] !== undefined) {
    return Number(numbers[2]);
  }
  return first;
}

/**
 * Tries the candidates in order and returns the first whose version is at least 17, with the reasons the earlier
 * ones were turned down; `found` is undefined when none fits.
 */
export async function findJava(environment: JavaEnvironment): Promise<JavaSearchResult> {
  const rejected: RejectedJava[] = [];
  if (environment.javaHomeSetting && environment.javaHomeSetting.trim() !== "") {
    const settingExecutables = javaCandidates({ ...environment, variables: {} });
    if (settingExecutables.length === 0) {
      rejected.push({
        candidate: { source: "setting promptwise.java.home", executable: environment.javaHomeSetting },
        reason: "it has no bin/java",
      });
    }
  }
  for (const candidate of javaCandidates(environment)) {
    let output: string;
    try {
      output = await environment.runVersionCommand(candidate.executable);
    } catch (error) {
      rejected.push({ candidate, reason: `it could not be run (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const majorVersion = parseJavaMajorVersion(output);
    if (majorVersion === undefined) {
      rejected.push({ candidate, reason: "it did not say which version it is" });
    } else if (majorVersion < MINIMUM_JAVA_VERSION) {
      rejected.push({ candidate, reason: `it is Java ${majorVersion}, older than ${MINIMUM_JAVA_VERSION}` });
    } else {
      return { found: { candidate, majorVersion, versionOutput: output }, rejected };
    }
  }
  return { rejected };
}

/** Explains in plain words why no Java was found, naming what was tried; meant for a notification. */
export function describeMissingJava(result: JavaSearchResult): string {
  const intro = `Promptwise needs Java ${MINIMUM_JAVA_VERSION} or newer to run its language server.`;
  if (result.rejected.length === 0) {
    return `${intro} No Java was found in the setting promptwise.java.home, in JAVA_HOME or JDK_HOME, or on PATH. ` +
      `Install a JDK ${MINIMUM_JAVA_VERSION}+ or set promptwise.java.home to its folder.`;
  }
  const tried = result.rejected.map((rejected) => `${rejected.candidate.executable} (from ${rejected.candidate.source}): ${rejected.reason}`);
  return `${intro} None of these fits: ${tried.join("; ")}. Set promptwise.java.home to the folder of a JDK ${MINIMUM_JAVA_VERSION}+.`;
}

/** The machine the extension runs on, as a JavaEnvironment. */
export function machineJavaEnvironment(javaHomeSetting: string | null | undefined): JavaEnvironment {
  return {
    javaHomeSetting,
    variables: process.env,
    platform: process.platform,
    isFile: (filePath) => {
      try {
        return fs.statSync(filePath).isFile();
      } catch {
        return false;
      }
    },
    runVersionCommand: (executable) =>
      new Promise((resolve, reject) => {
        childProcess.execFile(executable, ["-version"], { timeout: 15000 }, (error, stdout, stderr) => {
          if (error) {
            reject(error);
          } else {
            resolve(`${stderr}\n${stdout}`);
          }
        });
      }),
  };
}
