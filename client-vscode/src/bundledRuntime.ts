// The Java runtime that a platform VSIX carries (server/runtime, made by jlink with the shipped JVM options built in),
// with its class data archive; the universal VSIX has none and finds Java on the machine (javaRuntime.ts).

import * as childProcess from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** What `server/bundle.json` in a platform VSIX says: written by dist/src/build/BuildBundle.java. */
export interface BundleDescription {
  /** The VS Code target the runtime was built for: linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64. */
  readonly platform: string;
  /** The modification time (whole seconds) the jar had when the archive was made; the JVM checks it. */
  readonly jarModifiedSeconds: number;
  /** Whether the bundle has a class data archive, server/promptwise.jsa. */
  readonly archive: boolean;
}

/** A bundled runtime that fits this machine. */
export interface BundledRuntime {
  readonly java: string;
  readonly jar: string;
  /** The class data archive, when there is one and this platform can name the jar as the archive expects. */
  readonly archive?: string;
  readonly jarModifiedSeconds: number;
}

/** What finding the bundled runtime reads from the machine; tests pass fakes. */
export interface BundleEnvironment {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly readText: (file: string) => string | undefined;
  readonly isFile: (file: string) => boolean;
}

/** The name of the file descriptor on which the launch hands the jar to the JVM: the class path the archive records. */
export const JAR_FILE_DESCRIPTOR = 3;
export const JAR_ON_DESCRIPTOR = `/dev/fd/${JAR_FILE_DESCRIPTOR}`;

/** Returns the VS Code target name of a platform and architecture, such as linux-x64 or darwin-arm64. */
export function targetName(platform: NodeJS.Platform, arch: string): string {
  return `${platform}-${arch}`;
}

/**
 * Returns the runtime in `<extension>/server/runtime` when the extension is a platform VSIX built for this machine,
 * else undefined (the universal VSIX, or a VSIX of another platform installed by hand).
 */
export function findBundledRuntime(extensionFolder: string, environment: BundleEnvironment): BundledRuntime | undefined {
  const server = path.join(extensionFolder, "server");
  const text = environment.readText(path.join(server, "bundle.json"));
  if (text === undefined) {
    return undefined;
  }
  let description: BundleDescription;
  try {
    description = JSON.parse(text) as BundleDescription;
  } catch {
    return undefined;
  }
  if (description.platform !== targetName(environment.platform, environment.arch)) {
    return undefined;
  }
  const java = path.join(server, "runtime", "bin", environment.platform === "win32" ? "java.exe" : "java");
  const jar = path.join(server, "promptwise.jar");
  if (!environment.isFile(java) || !environment.isFile(jar)) {
    return undefined;
  }
  const archive = path.join(server, "promptwise.jsa");
  // The archive names the jar /dev/fd/3, which Windows does not have.
  const usable = description.archive && environment.platform !== "win32" && environment.isFile(archive);
  return { java, jar, archive: usable ? archive : undefined, jarModifiedSeconds: description.jarModifiedSeconds };
}

/** An option that chooses the garbage collector; the JVM refuses to start with two. */
const COLLECTOR_CHOICE = /^-XX:\+Use\w*GC$/;

/**
 * Returns the JVM arguments that start the server on the bundled runtime. The shipped options are built into the
 * runtime (jlink --add-options) and come first; then the archive, with the jar on file descriptor 3 (see
 * JAR_ON_DESCRIPTOR), then the user's vmargs. A user's collector replaces the built-in serial collector, and a user
 * who sets class data sharing options gets the jar by its path and no archive of ours.
 */
export function bundledServerArguments(runtime: BundledRuntime, userArguments: readonly string[]): { args: string[]; jarOnDescriptor: boolean } {
  const collector = userArguments.some((argument) => COLLECTOR_CHOICE.test(argument)) ? ["-XX:-UseSerialGC"] : [];
  const userSharing = userArguments.some((argument) =>
    /^-Xshare:|^-XX:(SharedArchiveFile|ArchiveClassesAtExit)=|^-XX:[+-]AutoCreateSharedArchive$/.test(argument));
  if (runtime.archive && !userSharing) {
    return {
      args: [`-XX:SharedArchiveFile=${runtime.archive}`, "-Xshare:auto", ...collector, ...userArguments, "-cp", JAR_ON_DESCRIPTOR, "dev.promptwise.Main"],
      jarOnDescriptor: true,
    };
  }
  return { args: [...collector, ...userArguments, "-cp", runtime.jar, "dev.promptwise.Main"], jarOnDescriptor: false };
}

/** Where the server's Java comes from, in the order the extension decides. */
export type RuntimeChoice = "setting" | "bundled" | "machine";

/**
 * Decides which Java starts the server: the folder in `promptwise.java.home` when the user set one (their explicit
 * choice), else the runtime the extension carries, else Java found on the machine (JAVA_HOME, JDK_HOME, PATH).
 */
export function chooseRuntime(javaHomeSetting: string | null | undefined, bundled: BundledRuntime | undefined): RuntimeChoice {
  if (javaHomeSetting && javaHomeSetting.trim() !== "") {
    return "setting";
  }
  return bundled ? "bundled" : "machine";
}

/**
 * Starts the bundled runtime with `args` (from bundledServerArguments), its stdio piped for the protocol, and, when
 * `jarOnDescriptor`, the jar open on file descriptor 3 in the new process.
 */
export function spawnBundledServer(runtime: BundledRuntime, args: readonly string[], jarOnDescriptor: boolean,
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): childProcess.ChildProcess {
  const jar = jarOnDescriptor ? fs.openSync(runtime.jar, "r") : undefined;
  try {
    return childProcess.spawn(runtime.java, [...args], { ...options, stdio: ["pipe", "pipe", "pipe", jar ?? "ignore"] });
  } finally {
    // The new process has its own copy of the descriptor.
    if (jar !== undefined) {
      fs.closeSync(jar);
    }
  }
}

/**
 * Sets the jar's modification time back to the one the archive records, when the installer did not keep it (the JVM
 * ignores an archive whose jar has another time), and makes the runtime's java executable if unpacking lost the mode.
 * Returns what went wrong, or undefined.
 */
export function prepareBundledFiles(runtime: BundledRuntime): string | undefined {
  try {
    if (Math.floor(fs.statSync(runtime.jar).mtimeMs / 1000) !== runtime.jarModifiedSeconds) {
      fs.utimesSync(runtime.jar, runtime.jarModifiedSeconds, runtime.jarModifiedSeconds);
    }
    if ((fs.statSync(runtime.java).mode & 0o111) === 0) {
      fs.chmodSync(runtime.java, 0o755);
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
