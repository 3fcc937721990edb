// The VS Code side of Promptwise: finds Java (its own runtime in a platform VSIX), launches the server jar over stdio, and adds the status bar and commands.

import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as vscode from "vscode";
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  ResponseError,
  type ServerOptions,
  State,
} from "vscode-languageclient/node";
import {
  type BundleEnvironment,
  type BundledRuntime,
  bundledServerArguments,
  chooseRuntime,
  findBundledRuntime,
  prepareBundledFiles,
  spawnBundledServer,
} from "./bundledRuntime";
import { PROMPT_DOCUMENT_SELECTOR } from "./documentSelectors";
import { describeMissingJava, findJava, machineJavaEnvironment } from "./javaRuntime";
import { COST_REPORT_HTML_COMMAND, DOCUMENT_COST_METHOD, type DocumentCost, type DocumentCostParams } from "./protocol";
import { confirmationText, IMPORT_PREVIEW_COMMAND, IMPORT_SOURCES, readImportAnswer, unchangedSincePreview } from "./importPreview";
import { COST_REPORT_TITLE, pageFromAnswer, renderMessageHtml } from "./reportPage";
import { RestartPolicy } from "./restartPolicy";
import { diskArchiveStorage, prepareClassDataSharing, serverArguments, userHandlesClassDataSharing } from "./serverLaunch";
import { splitVmArguments, toServerSettings, withRuleTurnedOff } from "./settings";
import { statusBarContent } from "./statusBarText";

/** The environment variable that points the extension at a development jar in place of the bundled one. */
export const SERVER_JAR_VARIABLE = "PROMPTWISE_SERVER_JAR";

const STATUS_BAR_DELAY_MS = 400;
const JSON_RPC_METHOD_NOT_FOUND = -32601;

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;
let statusBarItem: vscode.StatusBarItem;
let statusBarTimer: NodeJS.Timeout | undefined;
let costReportPanel: vscode.WebviewPanel | undefined;
const restartPolicy = new RestartPolicy();

/** Starts the server and registers the commands; VS Code calls it on the first prompt file or command. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel("Promptwise");
  statusBarItem = vscode.window.createStatusBarItem("promptwise.cost", vscode.StatusBarAlignment.Right, 100);
  statusBarItem.name = "Promptwise cost";
  statusBarItem.command = "promptwise.showCostReport";
  context.subscriptions.push(
    outputChannel,
    statusBarItem,
    vscode.commands.registerCommand("promptwise.showOutput", () => outputChannel.show(true)),
    vscode.commands.registerCommand("promptwise.restartServer", () => restartServer(context)),
    vscode.commands.registerCommand("promptwise.showCostReport", () => showCostReport()),
    vscode.commands.registerCommand("promptwise.disableRule", (ruleId: unknown) => disableRule(ruleId)),
    vscode.commands.registerCommand("promptwise.importMeasurements", () => importMeasurements()),
    vscode.workspace.registerTextDocumentContentProvider(IMPORT_SCHEME, importPreviews),
    vscode.window.onDidChangeActiveTextEditor(() => scheduleStatusBarUpdate(0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) {
        scheduleStatusBarUpdate(STATUS_BAR_DELAY_MS);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => onConfigurationChanged(event, context)),
  );
  await startServer(context);
}

/** Stops the server when VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  if (statusBarTimer) {
    clearTimeout(statusBarTimer);
  }
  const stopping = client;
  client = undefined;
  if (stopping && stopping.state !== State.Stopped) {
    try {
      await stopping.stop();
    } catch (error) {
      outputChannel.appendLine(`The Promptwise server did not stop cleanly: ${errorMessage(error)}`);
    }
  }
}

/** Finds Java and the jar, then starts the language client; tells the user in plain words when either is missing. */
async function startServer(context: vscode.ExtensionContext): Promise<void> {
  const launch = await serverLaunch(context);
  if (!launch) {
    return;
  }
  const { serverOptions, usesArchive, classDataSharing } = launch;
  const clientOptions: LanguageClientOptions = {
    documentSelector: PROMPT_DOCUMENT_SELECTOR.map((filter) => ({ ...filter })) as LanguageClientOptions["documentSelector"],
    outputChannel,
    // A function, so that a restart after a crash sends the settings of that moment.
    initializationOptions: () => currentServerSettings(),
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (usesArchive) {
          // The archive passed its trial, but should it ever be the cause, the next launch writes a new one.
          const archive = classDataSharing[0].slice("-XX:SharedArchiveFile=".length);
          fs.rm(archive, { force: true }, () => undefined);
        }
        const decision = restartPolicy.recordCrash(Date.now());
        if (decision.restart) {
          outputChannel.appendLine(`The Promptwise server stopped unexpectedly (${decision.crashesInWindow} time(s) recently); restarting it.`);
          return { action: CloseAction.Restart };
        }
        return {
          action: CloseAction.DoNotRestart,
          message: `The Promptwise server stopped ${decision.crashesInWindow} times in a few minutes and will not be restarted. ` +
            `See "Promptwise: Show Output", then run "Promptwise: Restart Server".`,
        };
      },
    },
    middleware: {
      workspace: {
        // The server may also pull its settings; it then gets the same mapped object as at initialize.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) => (item.section === "promptwise" ? currentServerSettings() : answers[index]));
        },
      },
    },
  };
  client = new LanguageClient("promptwise", "Promptwise", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    outputChannel.appendLine(`The Promptwise server failed to start: ${errorMessage(error)}`);
    void vscode.window.showErrorMessage(`The Promptwise server failed to start: ${errorMessage(error)}`, "Show Output").then((choice) => {
      if (choice) {
        outputChannel.show(true);
      }
    });
    return;
  }
  scheduleStatusBarUpdate(0);
}

/** How the server is started: its process, and whether it uses an archive the extension made (deleted after a crash). */
interface ServerLaunch {
  readonly serverOptions: ServerOptions;
  readonly usesArchive: boolean;
  readonly classDataSharing: readonly string[];
}

/**
 * Chooses the Java that runs the server (see chooseRuntime: the setting, then the runtime a platform VSIX carries,
 * then Java on the machine) and returns how to start it; undefined, after telling the user, when nothing fits.
 */
async function serverLaunch(context: vscode.ExtensionContext): Promise<ServerLaunch | undefined> {
  const configuration = vscode.workspace.getConfiguration("promptwise");
  const javaHomeSetting = configuration.get<string>("java.home");
  const userArguments = splitVmArguments(configuration.get<string>("server.vmargs"));
  // A development jar (PROMPTWISE_SERVER_JAR) runs on Java from the machine: the bundled archive fits only its own jar.
  const bundled = process.env[SERVER_JAR_VARIABLE] ? undefined : findBundledRuntime(context.extensionPath, machineBundleEnvironment());
  if (chooseRuntime(javaHomeSetting, bundled) === "bundled" && bundled) {
    return bundledServerLaunch(bundled, userArguments);
  }
  const javaSearch = await findJava(machineJavaEnvironment(javaHomeSetting));
  for (const rejected of javaSearch.rejected) {
    outputChannel.appendLine(`Skipped Java ${rejected.candidate.executable} from ${rejected.candidate.source}: ${rejected.reason}.`);
  }
  if (!javaSearch.found) {
    const message = describeMissingJava(javaSearch);
    outputChannel.appendLine(message);
    const choice = await vscode.window.showErrorMessage(message, "Open Setting", "Show Output");
    if (choice === "Open Setting") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "promptwise.java.home");
    } else if (choice === "Show Output") {
      outputChannel.show(true);
    }
    return undefined;
  }
  const jarPath = process.env[SERVER_JAR_VARIABLE] || context.asAbsolutePath("server/promptwise.jar");
  if (!fs.existsSync(jarPath)) {
    const message = `Promptwise cannot find its server at ${jarPath}. Reinstall the extension, or point ${SERVER_JAR_VARIABLE} at a built promptwise.jar.`;
    outputChannel.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  const java = javaSearch.found;
  const classDataSharing = userHandlesClassDataSharing(userArguments)
    ? []
    : await classDataSharingArguments(context, java.candidate.executable, java.versionOutput, jarPath, userArguments);
  const launchArguments = serverArguments(jarPath, classDataSharing, userArguments);
  outputChannel.appendLine(`Starting ${jarPath} with Java ${java.majorVersion} at ${java.candidate.executable} (from ${java.candidate.source}).`);
  outputChannel.appendLine(`Java arguments: ${launchArguments.join(" ")}`);
  return {
    // No transport: the client then talks over stdio without adding a --stdio argument the contract does not have.
    serverOptions: { command: java.candidate.executable, args: launchArguments },
    usesArchive: classDataSharing.some((argument) => argument.startsWith("-XX:SharedArchiveFile=")),
    classDataSharing,
  };
}

/**
 * Starts the server on the runtime the platform VSIX carries, with its build-time class data archive: the jar is
 * handed to the JVM on file descriptor 3 (the class path the archive records), and its modification time, which the
 * JVM also checks, is set back to the build's when the installer did not keep it.
 */
function bundledServerLaunch(bundled: BundledRuntime, userArguments: readonly string[]): ServerLaunch {
  const problem = prepareBundledFiles(bundled);
  if (problem) {
    outputChannel.appendLine(`Could not prepare the bundled runtime's files (${problem}); the server may start more slowly.`);
  }
  const { args, jarOnDescriptor } = bundledServerArguments(bundled, userArguments);
  outputChannel.appendLine(`Starting ${bundled.jar} with the Java runtime the extension carries, ${bundled.java}.`);
  outputChannel.appendLine(`Java arguments (after the runtime's built-in ones): ${args.join(" ")}`);
  const serverOptions: ServerOptions = async () => spawnBundledServer(bundled, args, jarOnDescriptor);
  return { serverOptions, usesArchive: false, classDataSharing: [] };
}

/** The machine the extension runs on, as a BundleEnvironment. */
function machineBundleEnvironment(): BundleEnvironment {
  return {
    platform: process.platform,
    arch: process.arch,
    readText: (file) => {
      try {
        return fs.readFileSync(file, "utf8");
      } catch {
        return undefined;
      }
    },
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };
}

/**
 * Returns the class data sharing arguments for this Java and jar, with the archive kept in the extension's global
 * storage (see serverLaunch.ts); none when anything about it fails, so that it never stops the server from starting.
 */
async function classDataSharingArguments(context: vscode.ExtensionContext, javaExecutable: string, javaVersionOutput: string,
  jarPath: string, userArguments: readonly string[]): Promise<string[]> {
  try {
    const jar = await fs.promises.stat(jarPath);
    const sharing = await prepareClassDataSharing(context.globalStorageUri.fsPath,
      { javaExecutable, javaVersionOutput, jarPath, jarSize: jar.size, jarModifiedMs: jar.mtimeMs },
      diskArchiveStorage(javaExecutable), (sharingArguments) => serverArguments(jarPath, sharingArguments, userArguments));
    if (sharing.some((argument) => argument.startsWith("-XX:ArchiveClassesAtExit="))) {
      outputChannel.appendLine("This first start with this Java and jar writes a class data archive when the server exits; later starts are faster.");
    }
    return sharing;
  } catch (error) {
    outputChannel.appendLine(`Starting without class data sharing: ${errorMessage(error)}`);
    return [];
  }
}

/** Restarts the server at the user's request, with a fresh crash count and a fresh look for Java. */
async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  restartPolicy.reset();
  await deactivate();
  await startServer(context);
}

/** Sends the whole settings object on every change, and offers a restart when the Java launch settings change. */
function onConfigurationChanged(event: vscode.ConfigurationChangeEvent, context: vscode.ExtensionContext): void {
  if (!event.affectsConfiguration("promptwise")) {
    return;
  }
  if (event.affectsConfiguration("promptwise.java.home") || event.affectsConfiguration("promptwise.server.vmargs")) {
    void vscode.window
      .showInformationMessage("Promptwise must restart its server to use the new Java settings.", "Restart Server")
      .then((choice) => (choice ? restartServer(context) : undefined));
  }
  if (client && client.state === State.Running) {
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { promptwise: currentServerSettings() } });
  }
}

function currentServerSettings() {
  const configuration = vscode.workspace.getConfiguration("promptwise");
  return toServerSettings((key) => configuration.get(key));
}

/** Writes `promptwise.rules.<ruleId>` = "off" in the workspace settings (user settings when no folder is open). */
async function disableRule(ruleId: unknown): Promise<void> {
  if (typeof ruleId !== "string" || ruleId === "") {
    void vscode.window.showErrorMessage("Promptwise: the Disable rule command needs a rule id.");
    return;
  }
  const configuration = vscode.workspace.getConfiguration("promptwise");
  const inspected = configuration.inspect<Record<string, string>>("rules");
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = hasWorkspace ? inspected?.workspaceValue : inspected?.globalValue;
  await configuration.update("rules", withRuleTurnedOff(current, ruleId), target);
  void vscode.window.showInformationMessage(
    `Promptwise rule ${ruleId} is off in the ${hasWorkspace ? "workspace" : "user"} settings (promptwise.rules).`,
  );
}

function scheduleStatusBarUpdate(delayMilliseconds: number): void {
  if (statusBarTimer) {
    clearTimeout(statusBarTimer);
  }
  statusBarTimer = setTimeout(() => void updateStatusBar(), delayMilliseconds);
}

/** Asks the server for the active prompt's cost; hides the item for other files or when the server cannot answer. */
async function updateStatusBar(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const runningClient = client;
  if (!document || !runningClient || runningClient.state !== State.Running ||
      vscode.languages.match(PROMPT_DOCUMENT_SELECTOR as vscode.DocumentFilter[], document) === 0) {
    statusBarItem.hide();
    return;
  }
  const params: DocumentCostParams = { uri: runningClient.code2ProtocolConverter.asUri(document.uri) };
  let content;
  try {
    content = statusBarContent(await runningClient.sendRequest<DocumentCost | null>(DOCUMENT_COST_METHOD, params));
  } catch (error) {
    outputChannel.appendLine(`${DOCUMENT_COST_METHOD} failed: ${errorMessage(error)}`);
    content = undefined;
  }
  if (document !== vscode.window.activeTextEditor?.document) {
    return;
  }
  if (content) {
    statusBarItem.text = content.text;
    statusBarItem.tooltip = content.tooltip;
    statusBarItem.show();
  } else {
    statusBarItem.hide();
  }
}

/**
 * Opens (or refreshes) the cost report webview with the page the server renders for `promptwise.costReportHtml`,
 * the same page as `promptwise report --html`. Scripts stay disabled: the page needs none, and its own policy
 * allows none.
 */
async function showCostReport(): Promise<void> {
  if (!costReportPanel) {
    costReportPanel = vscode.window.createWebviewPanel("promptwise.costReport", "Promptwise Cost Report", vscode.ViewColumn.Active, {
      enableScripts: false,
    });
    costReportPanel.onDidDispose(() => (costReportPanel = undefined));
  } else {
    costReportPanel.reveal();
  }
  const panel = costReportPanel;
  const nonce = crypto.randomBytes(16).toString("base64");
  const runningClient = client;
  if (!runningClient || runningClient.state !== State.Running) {
    panel.webview.html = renderMessageHtml(COST_REPORT_TITLE, "The Promptwise server is not running. Run \"Promptwise: Show Output\" to see why.", nonce);
    return;
  }
  const commands = runningClient.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  const unknownCommandMessage = "This Promptwise server has no cost report page. Update the extension, or the jar that PROMPTWISE_SERVER_JAR points at.";
  if (!commands.includes(COST_REPORT_HTML_COMMAND)) {
    panel.webview.html = renderMessageHtml(COST_REPORT_TITLE, unknownCommandMessage, nonce);
    return;
  }
  try {
    const answer = await runningClient.sendRequest(ExecuteCommandRequest.type, { command: COST_REPORT_HTML_COMMAND, arguments: [] });
    panel.webview.html = pageFromAnswer(answer, nonce);
  } catch (error) {
    const message = error instanceof ResponseError && error.code === JSON_RPC_METHOD_NOT_FOUND
      ? unknownCommandMessage
      : `The cost report failed: ${errorMessage(error)}`;
    panel.webview.html = renderMessageHtml(COST_REPORT_TITLE, message, nonce);
  }
}

/** The scheme of the read-only documents that show a strategy file as the import would leave it. */
const IMPORT_SCHEME = "promptwise-import";

/** The texts the import previews show, by the path of the preview's URI. */
class ImportPreviews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  show(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: IMPORT_SCHEME, path: `/${path}` });
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? "";
  }
}

const importPreviews = new ImportPreviews();

/**
 * "Promptwise: Import traffic or eval results…": asks for the source, the file and (where the source names no
 * prompt) the workload, has the server plan the edit as `promptwise import` would, shows each strategy file's diff,
 * and applies the edits only when the user accepts and the files have not changed since.
 */
async function importMeasurements(): Promise<void> {
  const runningClient = client;
  if (!runningClient || runningClient.state !== State.Running) {
    void vscode.window.showErrorMessage("The Promptwise server is not running. Run \"Promptwise: Show Output\" to see why.");
    return;
  }
  const commands = runningClient.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (!commands.includes(IMPORT_PREVIEW_COMMAND)) {
    void vscode.window.showErrorMessage("This Promptwise server cannot import. Update the extension, or the jar that PROMPTWISE_SERVER_JAR points at.");
    return;
  }
  const picked = await vscode.window.showQuickPick(
    IMPORT_SOURCES.map((source) => ({ label: source.label, detail: source.detail, source })),
    { title: "Import: which tool wrote the file?" });
  if (!picked) {
    return;
  }
  const files = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: "Import", title: picked.label,
    filters: { "Exports": ["json", "jsonl", "csv"], "All files": ["*"] } });
  if (!files || files.length === 0) {
    return;
  }
  const workload = await vscode.window.showInputBox({
    title: "Import: workload",
    prompt: picked.source.needsWorkload
      ? "The workload these figures are of (this source names no prompt)"
      : "The workload to fill, or leave empty to bind by prompt file or name",
    validateInput: (value) => (picked.source.needsWorkload && value.trim() === "" ? "This source needs a workload." : undefined),
  });
  if (workload === undefined) {
    return;
  }
  let answer: unknown;
  try {
    answer = await runningClient.sendRequest(ExecuteCommandRequest.type, { command: IMPORT_PREVIEW_COMMAND,
      arguments: [{ source: picked.source.source, file: files[0].toString(), workload: workload.trim() }] });
  } catch (error) {
    void vscode.window.showErrorMessage(`The import failed: ${errorMessage(error)}`);
    return;
  }
  const plan = readImportAnswer(answer);
  for (const warning of plan.warnings) {
    outputChannel.appendLine(`import: ${warning}`);
  }
  if (plan.kind === "refused") {
    void vscode.window.showErrorMessage(`Nothing imported: ${plan.message}`);
    return;
  }
  for (const edit of plan.edits) {
    const preview = importPreviews.show(edit.path, edit.after);
    await vscode.commands.executeCommand("vscode.diff", vscode.Uri.parse(edit.uri), preview,
      `${edit.path}: as the import would leave it`);
  }
  const detail = plan.warnings.length > 0 ? plan.warnings.join("\n") : undefined;
  const choice = await vscode.window.showInformationMessage(confirmationText(plan.edits), { modal: true, detail }, "Apply");
  if (choice !== "Apply") {
    return;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  const documents: vscode.TextDocument[] = [];
  for (const edit of plan.edits) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(edit.uri));
    if (!unchangedSincePreview(edit, document.getText())) {
      void vscode.window.showErrorMessage(`${edit.path} changed after the preview; nothing imported. Run the import again.`);
      return;
    }
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), edit.after);
    documents.push(document);
  }
  if (await vscode.workspace.applyEdit(workspaceEdit)) {
    await Promise.all(documents.map((document) => document.save()));
    void vscode.window.showInformationMessage(`Imported into ${plan.edits.map((edit) => edit.path).join(", ")}.`);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
