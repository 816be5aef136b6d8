import { promises as fsp } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { docsUrl, lint, LintSession, recommended, type LintResult, type ResolvedConfig, type Rule } from '../engine/index.js';
import { CONFIG_NAMES, ConfigLoader, type ConfigError } from '../config/loader.js';
import { isIgnoredByConfig, selectFiles } from '../cli/files.js';
import { lintAndFix } from '../cli/main.js';
import { nodeFileSystem } from '../cli/node.js';
import { editConfigText, newConfigText, type ConfigChange } from './configEdits.js';
import {
  allowsPhrase,
  checklistReport,
  findingFor,
  FIX_ALL_KIND,
  hoverOf,
  lensTitle,
  minimalEdit,
  quickFixes,
  rangeOf,
  textEdit,
  toDiagnostic,
  type ChecklistReport,
} from './convert.js';
import { CHECKLIST_REQUEST, COMMANDS } from './protocol.js';
import { DEFAULT_SETTINGS, toSettings, type Settings } from './settings.js';
import { say } from './strings.js';

export interface ServerOptions {
  /** The rules to run; tests pass their own, the bin leaves the catalogue. */
  rules?: readonly Rule[];
  /** How long typing must pause before a re-lint, in milliseconds. */
  debounceMs?: number;
  /** The folder of the rule documentation shipped beside the bundle, for offline reading. */
  docsFolder?: string;
}

/** Everything known about one lint of one version of a document. */
interface Linted {
  /** The text that was linted, to turn offsets into positions. */
  snapshot: TextDocument;
  generation: number;
  settings: Settings;
  config: ResolvedConfig;
  /** Configuration files that apply, nearest last. */
  files: string[];
  /** Null when needfirst is disabled for the document, it is ignored, or the lint failed. */
  result: LintResult | null;
}

const CONFIG_FILE = new RegExp(`(^|[\\\\/])(${CONFIG_NAMES.map((n) => n.replace(/\./g, '\\.')).join('|')})$`);
const CONFIG_GLOB = '**/.needfirst.{json,jsonc,yaml,yml}';
/**
 * A lint of an open document re-parses only what an edit touched (LintSession), so on most
 * documents it takes a few milliseconds: then there is nothing to gain from waiting for a pause in
 * typing, and the findings follow each keystroke. Documents whose recent lints took longer wait.
 */
const FAST_LINT_MS = 50;
/**
 * Documents this long (UTF-16 code units) get their session primed after opening. Past the upper
 * bound a lint takes long enough that compiling its code is a small part of it.
 */
const PRIME_FROM = 20_000;
const PRIME_UP_TO = 2_000_000;
/** How many keystrokes priming types into a long document (see prime). */
const PRIME_KEYSTROKES = 10;


async function readDisk(path: string): Promise<string | null> {
  try {
    return await fsp.readFile(path, 'utf8');
  } catch {
    return null;
  }
}

const fsPathOf = (uri: string): string | null => {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : null;
};

/**
 * The end of the first line at or after `from` that reads as prose (not a fence, table, rule,
 * HTML or front matter line), or -1. Priming types there, so it exercises the common keystroke.
 */
function proseLineEnd(text: string, from: number): number {
  let start = text.lastIndexOf('\n', from - 1) + 1;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) return -1;
    const line = text.slice(start, end).trim();
    if (line.length > 0 && !/^(?:```|~~~|\||<|---|\+\+\+|\*\*\*|___)/.test(line)) return end;
    start = end + 1;
  }
  return -1;
}

/** Wires the needfirst language server onto a connection and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let pull = false;
  let workspaceFolders: string[] = [];
  /** Settings for clients that push them (didChangeConfiguration) instead of answering workspace/configuration. */
  let pushedSettings: Settings = DEFAULT_SETTINGS;
  /** Bumped whenever settings or configuration files change, so every cached lint goes stale. */
  let generation = 0;
  const settingsCache = new Map<string, Promise<Settings>>();
  const linted = new Map<string, Linted>();
  const savedLints = new Map<string, Linted>();
  const lastChange = new Map<string, number>();
  const justOpened = new Set<string>();
  /** Pending work per document, as the function that cancels it. */
  const timers = new Map<string, () => void>();
  const cancelPending = (uri: string): void => {
    timers.get(uri)?.();
    timers.delete(uri);
  };
  /** Per open document: the incremental parser and cached block work, and how long its last lint took. */
  const sessions = new Map<string, LintSession>();
  /**
   * The last few lint times of each open document. The first lint parses the whole document on
   * opening and says nothing about a keystroke, so it is left out; so is a rare slow one, by taking
   * the median of at least three. Priming's lints count, since they are keystrokes too.
   */
  const lintCosts = new Map<string, number[]>();
  const delayFor = (uri: string): number => {
    const costs = [...(lintCosts.get(uri) ?? [])].sort((a, b) => a - b);
    return costs.length < 3 || costs[costs.length >> 1]! <= FAST_LINT_MS ? 0 : debounceMs;
  };
  const recordCost = (uri: string, ms: number): void => {
    const costs = lintCosts.get(uri);
    if (!costs) {
      lintCosts.set(uri, []);
      return;
    }
    costs.push(ms);
    if (costs.length > 5) costs.shift();
  };
  /** Published configuration diagnostics, by file, to publish only what changed. */
  const configPublished = new Map<string, string>();
  /** Closed files that "lint the workspace" published diagnostics for. */
  const workspacePublished = new Set<string>();

  /** A plain message: window/showMessage needs no answer, unlike the request showInformationMessage sends. */
  const notify = (message: string): void => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  const openDocumentAt = (path: string): TextDocument | undefined => documents.all().find((d) => fsPathOf(d.uri) === path);
  const loader = new ConfigLoader({ readText: async (path) => openDocumentAt(path)?.getText() ?? readDisk(path) });
  const isConfig = (uri: string): boolean => CONFIG_FILE.test(fsPathOf(uri) ?? '');

  // --- settings -----------------------------------------------------------------------------

  function settingsFor(uri: string): Promise<Settings> {
    if (!capabilities.workspace?.configuration) return Promise.resolve(pushedSettings);
    let found = settingsCache.get(uri);
    if (!found) {
      found = connection.workspace.getConfiguration({ scopeUri: uri, section: 'needfirst' }).then(toSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, found);
    }
    return found;
  }

  // --- linting ------------------------------------------------------------------------------

  function safeLint(uri: string, text: string, config: ResolvedConfig, session?: LintSession): LintResult | null {
    try {
      const started = performance.now();
      const result = lint(text, { config, ...(options.rules ? { rules: options.rules } : {}), ...(session ? { session } : {}) });
      if (session) recordCost(uri, performance.now() - started);
      for (const failure of result.ruleFailures) {
        connection.console.error(`needfirst: the rule ${failure.ruleId} failed on ${uri} and was skipped; the other rules still ran. ${failure.error}`);
      }
      return result;
    } catch (error) {
      connection.console.error(`needfirst: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  }

  /** Lints the document's current version; null when the document changed meanwhile. */
  async function lintDocument(doc: TextDocument): Promise<Linted | null> {
    const cached = linted.get(doc.uri);
    if (cached && cached.snapshot.version === doc.version && cached.generation === generation) return cached;
    const { version, uri } = doc;
    const started = generation;
    const settings = await settingsFor(uri);
    const path = fsPathOf(uri);
    // The text goes along so that a front-matter profile (needfirst: strict, stage: tender) applies.
    const loaded = path ? await loader.forDocument(path, undefined, doc.getText()) : { config: recommended(), files: [], errors: [] };
    const current = documents.get(uri);
    if (!current || current.version !== version || started !== generation) return null;
    publishConfigErrors(loaded.errors, loaded.files);
    const config: ResolvedConfig = settings.messages === 'auto' ? loaded.config : { ...loaded.config, messages: settings.messages };
    const text = current.getText();
    const enabled = settings.enable && !(path && isIgnoredByConfig(path, loaded.config.ignores));
    const entry: Linted = {
      snapshot: TextDocument.create(uri, current.languageId, version, text),
      generation: started,
      settings,
      config,
      files: loaded.files,
      result: enabled ? safeLint(uri, text, config, sessionFor(uri)) : null,
    };
    linted.set(uri, entry);
    if (enabled && !primed.has(uri) && text.length >= PRIME_FROM && text.length <= PRIME_UP_TO) prime(uri, text, config);
    return entry;
  }

  /** Documents whose session has been primed. */
  const primed = new Set<string>();

  /**
   * After the first lint of a long document, lint it a few more times through its session: with a
   * paragraph added at the end, with one character typed at the end of lines spread through it,
   * and as it is. The code a keystroke runs (re-parsing a stretch, a new block's memo) is then
   * compiled and optimised before the first keystroke rather than during the first dozen. Each
   * lint is its own step, so a real edit never waits for more than one, and priming stops as soon
   * as the document changes. The results are thrown away; a session's results never depend on its
   * history.
   */
  function prime(uri: string, text: string, config: ResolvedConfig): void {
    primed.add(uri);
    // Each variant differs from the one before by one small edit, as keystrokes do; each is made
    // only when its turn comes, so priming holds one extra copy of the text at a time.
    const typedAt: number[] = [];
    for (let k = 1; k <= PRIME_KEYSTROKES; k++) {
      const at = proseLineEnd(text, Math.floor((k * text.length) / (PRIME_KEYSTROKES + 1)));
      if (at > 0) typedAt.push(at);
    }
    const variant = (i: number): string => {
      if (i === 0) return `${text}\n\nx\n`;
      const at = typedAt[(i - 2) >> 1];
      return i % 2 === 1 || at === undefined ? text : `${text.slice(0, at)}x${text.slice(at)}`;
    };
    const steps = 2 + 2 * typedAt.length;
    const step = (i: number): void => {
      const session = sessions.get(uri);
      if (i >= steps || !session || documents.get(uri)?.getText() !== text) return;
      try {
        const started = performance.now();
        lint(variant(i), { config, session });
        recordCost(uri, performance.now() - started);
      } catch {
        // A failure shows in the real lint, which reports it.
        return;
      }
      setImmediate(step, i + 1);
    };
    setImmediate(step, 0);
  }

  function sessionFor(uri: string): LintSession {
    let session = sessions.get(uri);
    if (!session) {
      session = new LintSession();
      sessions.set(uri, session);
    }
    return session;
  }

  const diagnosticsOf = (entry: Linted): Diagnostic[] =>
    (entry.result?.findings ?? []).map((f) => toDiagnostic(entry.snapshot, f, capabilities.textDocument?.publishDiagnostics?.relatedInformation ?? pull));

  /** Waits until typing has paused for the debounce time, or the request is cancelled. */
  async function settle(uri: string, token: CancellationToken): Promise<void> {
    for (;;) {
      const wait = (lastChange.get(uri) ?? 0) + delayFor(uri) - Date.now();
      if (wait <= 0 || token.isCancellationRequested) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Push model: lint after the debounce and publish, unless a newer version arrived meanwhile. */
  function schedule(uri: string, delay: number): void {
    cancelPending(uri);
    const run = (): void => {
      timers.delete(uri);
      void publish(uri);
    };
    // Without a delay, setImmediate: a zero setTimeout still waits about a millisecond.
    if (delay <= 0) {
      const handle = setImmediate(run);
      timers.set(uri, () => clearImmediate(handle));
    } else {
      const handle = setTimeout(run, delay);
      timers.set(uri, () => clearTimeout(handle));
    }
  }

  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || isConfig(uri)) return;
    const entry = await lintDocument(doc);
    if (!entry || documents.get(uri)?.version !== entry.snapshot.version) return;
    await connection.sendDiagnostics({ uri, version: entry.snapshot.version, diagnostics: diagnosticsOf(entry) });
  }

  /** After settings or configuration changed: lint open documents again, whichever way the client gets results. */
  function refreshAll(): void {
    if (pull) {
      // An onSave document shows its last saved state: lint that again under the new settings first.
      void Promise.all([...savedLints.keys()].map(remember)).then(() => {
        if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      });
    } else {
      for (const doc of documents.all()) schedule(doc.uri, 0);
    }
    if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  /** onSave with pull diagnostics: keep the lint of the version on disk to report until the next save. */
  async function remember(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const settings = await settingsFor(uri);
    if (settings.run !== 'onSave') {
      savedLints.delete(uri);
      return;
    }
    const entry = await lintDocument(doc);
    if (entry) savedLints.set(uri, entry);
  }

  // --- configuration files --------------------------------------------------------------------

  function configUri(path: string): string {
    return openDocumentAt(path)?.uri ?? URI.file(path).toString();
  }

  async function sendConfigDiagnostics(path: string, errors: ConfigError[]): Promise<void> {
    const text = openDocumentAt(path)?.getText() ?? (await readDisk(path)) ?? '';
    const snapshot = TextDocument.create(configUri(path), 'json', 0, text);
    const diagnostics: Diagnostic[] = errors.map((e) => ({
      range: rangeOf(snapshot, e.offset, e.offset + e.length),
      severity: 1,
      source: 'needfirst',
      code: 'config',
      message: e.message,
    }));
    const key = JSON.stringify(diagnostics);
    if ((configPublished.get(path) ?? '[]') === key) return;
    configPublished.set(path, key);
    await connection.sendDiagnostics({ uri: snapshot.uri, diagnostics });
  }

  function publishConfigErrors(errors: ConfigError[], files: string[]): void {
    const byFile = new Map<string, ConfigError[]>(files.map((f) => [f, []]));
    for (const e of errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, list] of byFile) void sendConfigDiagnostics(file, list);
  }

  /** A configuration file changed on disk or in the editor: forget cached configuration, check the files again, re-lint. */
  async function configChanged(): Promise<void> {
    loader.clear();
    generation++;
    const paths = new Set([...configPublished.keys(), ...documents.all().filter((d) => isConfig(d.uri)).map((d) => fsPathOf(d.uri)!)]);
    for (const path of paths) await sendConfigDiagnostics(path, await loader.validateFile(path));
    refreshAll();
  }

  // --- edits --------------------------------------------------------------------------------

  function fixAllEdit(entry: Linted): WorkspaceEdit | null {
    const before = entry.snapshot.getText();
    const edit = minimalEdit(before, lintAndFix(before, entry.config).output);
    return edit ? { changes: { [entry.snapshot.uri]: [textEdit(entry.snapshot, edit)] } } : null;
  }

  /** The configuration file a change goes to: the nearest that applies, or a new .needfirst.json at the workspace folder. */
  async function configEdit(entry: Linted, change: ConfigChange): Promise<{ file: string; edit: WorkspaceEdit } | null> {
    const nearest = entry.files[entry.files.length - 1];
    if (nearest) {
      const text = openDocumentAt(nearest)?.getText() ?? (await readDisk(nearest));
      if (text === null) return null;
      const edits = editConfigText(text, nearest, change);
      if (!edits || edits.length === 0) return null;
      const target = TextDocument.create(configUri(nearest), 'json', 0, text);
      return { file: nearest, edit: { changes: { [target.uri]: edits.map((e) => textEdit(target, e)) } } };
    }
    const docPath = fsPathOf(entry.snapshot.uri);
    const canCreate = capabilities.workspace?.workspaceEdit?.documentChanges && capabilities.workspace.workspaceEdit.resourceOperations?.includes('create');
    if (!docPath || !canCreate) return null;
    const inside = (folder: string): boolean => {
      const rel = relative(folder, docPath);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    };
    const folder = workspaceFolders.filter(inside).sort((a, b) => b.length - a.length)[0] ?? dirname(docPath);
    const file = join(folder, '.needfirst.json');
    const uri = URI.file(file).toString();
    return {
      file,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(change) }] },
        ],
      },
    };
  }

  // --- commands -----------------------------------------------------------------------------

  async function currentLint(uri: unknown): Promise<Linted | null> {
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    return doc ? lintDocument(doc) : null;
  }

  async function checklistOf(uri: unknown): Promise<ChecklistReport | null> {
    const entry = await currentLint(uri);
    return entry?.result ? checklistReport(entry.result) : null;
  }

  async function openRuleDocs(ruleId: unknown): Promise<void> {
    if (typeof ruleId !== 'string' || !/^[a-z-]+$/.test(ruleId)) return;
    const local = options.docsFolder ? join(options.docsFolder, `${ruleId}.md`) : null;
    const uri = local && (await readDisk(local)) !== null ? URI.file(local).toString() : docsUrl(ruleId);
    if (capabilities.window?.showDocument?.support) {
      await connection.window.showDocument({ uri, external: uri.startsWith('http'), takeFocus: true });
    } else {
      notify(`${ruleId}: ${uri}`);
    }
  }

  async function lintWorkspace(): Promise<{ files: number; findings: number }> {
    let files = 0;
    let findings = 0;
    let language: LintResult['messageLanguage'] = 'en';
    for (const root of workspaceFolders) {
      const selection = await selectFiles(nodeFileSystem, root, []);
      for (const path of selection.files) {
        const uri = URI.file(path).toString();
        const open = documents.get(uri);
        let result: LintResult | null;
        if (open) {
          result = (await lintDocument(open))?.result ?? null;
        } else {
          const text = await readDisk(path);
          const settings = await settingsFor(uri);
          if (text === null || !settings.enable) continue;
          const loaded = await loader.forDocument(path, undefined, text);
          publishConfigErrors(loaded.errors, loaded.files);
          if (isIgnoredByConfig(path, loaded.config.ignores)) continue;
          const config = settings.messages === 'auto' ? loaded.config : { ...loaded.config, messages: settings.messages };
          result = safeLint(uri, text, config);
          const snapshot = TextDocument.create(uri, 'markdown', 0, text);
          await connection.sendDiagnostics({ uri, diagnostics: (result?.findings ?? []).map((f) => toDiagnostic(snapshot, f, true)) });
          workspacePublished.add(uri);
        }
        if (!result) continue;
        files++;
        findings += result.findings.length;
        language = result.messageLanguage;
      }
    }
    notify(say('workspaceLinted', language, { files, findings }));
    return { files, findings };
  }

  // --- protocol -----------------------------------------------------------------------------

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    pull = Boolean(capabilities.textDocument?.diagnostic);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map(fsPathOf).filter((p): p is string => p !== null);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: 'needfirst', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'needfirst-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'needfirst' });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { needfirst?: unknown } | null)?.needfirst;
    if (settings !== undefined) pushedSettings = toSettings(settings);
    settingsCache.clear();
    generation++;
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(() => void configChanged());

  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    if (workspacePublished.delete(document.uri) && pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (isConfig(document.uri)) return;
    if (pull) void remember(document.uri);
    else schedule(document.uri, 0);
  });

  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    lastChange.set(document.uri, Date.now());
    if (isConfig(document.uri)) {
      cancelPending(document.uri);
      const handle = setTimeout(() => void configChanged(), debounceMs);
      timers.set(document.uri, () => clearTimeout(handle));
      return;
    }
    if (pull) return;
    void settingsFor(document.uri).then((s) => s.run === 'onType' && schedule(document.uri, delayFor(document.uri)));
  });

  documents.onDidSave(({ document }) => {
    if (isConfig(document.uri)) return;
    if (pull) {
      void remember(document.uri).then(() => {
        if (savedLints.has(document.uri) && capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      });
    } else schedule(document.uri, 0);
  });

  documents.onDidClose(({ document }) => {
    const { uri } = document;
    cancelPending(uri);
    for (const map of [linted, savedLints, lastChange, sessions, lintCosts]) map.delete(uri);
    primed.delete(uri);
    justOpened.delete(uri);
    if (isConfig(uri)) void configChanged();
    else if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isConfig(doc.uri)) return { kind: 'full', items: [] };
    const settings = await settingsFor(doc.uri);
    let entry: Linted | null | undefined = settings.run === 'onSave' ? savedLints.get(doc.uri) : undefined;
    if (!entry) {
      await settle(doc.uri, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      const current = documents.get(doc.uri);
      entry = current ? await lintDocument(current) : null;
      if (!entry) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was linted.', { retriggerRequest: true });
    }
    const resultId = `${entry.snapshot.version}.${entry.generation}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: diagnosticsOf(entry) };
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isConfig(doc.uri)) return [];
    const entry = await lintDocument(doc);
    // Code actions are computed for the current version only.
    if (!entry?.result || documents.get(doc.uri)?.version !== entry.snapshot.version) return [];
    const result = entry.result;
    const language = result.messageLanguage;
    const only = params.context.only;
    const wants = (kind: string): boolean => (only ? only.some((o) => kind === o || kind.startsWith(`${o}.`)) : kind === CodeActionKind.QuickFix);
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'needfirst') continue;
        const finding = findingFor(entry.snapshot, result, diagnostic);
        if (!finding) continue;
        actions.push(...quickFixes(entry.snapshot, finding, diagnostic, language));
        const changes: Array<[ConfigChange, 'allowPhrase' | 'turnOff']> = [[{ kind: 'off', ruleId: finding.ruleId }, 'turnOff']];
        if (allowsPhrase(finding.ruleId)) changes.unshift([{ kind: 'allow', ruleId: finding.ruleId, phrase: finding.text }, 'allowPhrase']);
        for (const [change, title] of changes) {
          const made = await configEdit(entry, change);
          if (!made) continue;
          actions.push({ title: say(title, language, { rule: finding.ruleId, text: finding.text, file: basename(made.file) }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: made.edit });
        }
        const docsTitle = say('openDocs', language, { rule: finding.ruleId });
        actions.push({ title: docsTitle, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: docsTitle, command: COMMANDS.openRuleDocs, arguments: [finding.ruleId] } });
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const edit = fixAllEdit(entry);
      if (edit) actions.push({ title: say('fixAll', language), kind: FIX_ALL_KIND, edit });
    }
    return actions;
  });

  connection.onHover(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || isConfig(doc.uri)) return null;
    const entry = await lintDocument(doc);
    if (!entry?.result) return null;
    const offset = entry.snapshot.offsetAt(position);
    const here = entry.result.findings.filter((f) => f.range.start <= offset && offset <= f.range.end);
    if (here.length > 0) return hoverOf(entry.snapshot, here, entry.result.messageLanguage);
    if (position.line === 0 && entry.settings.codeLens.enable) {
      const report = checklistReport(entry.result);
      return { contents: { kind: 'markdown', value: [`**${report.title}**`, '', ...report.items.map((i) => `- ${i.label}`)].join('\n') } };
    }
    return null;
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || isConfig(doc.uri)) return [];
    const entry = await lintDocument(doc);
    if (!entry?.result || !entry.settings.codeLens.enable) return [];
    const start = { line: 0, character: 0 };
    return [{ range: { start, end: start }, command: { title: lensTitle(entry.result), command: COMMANDS.showChecklist, arguments: [doc.uri] } }];
  });

  connection.onRequest(CHECKLIST_REQUEST, (params: { uri: string }) => checklistOf(params.uri));

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    switch (command) {
      case COMMANDS.fixAll: {
        const entry = await currentLint(args[0]);
        const edit = entry && fixAllEdit(entry);
        if (!edit) return { applied: false };
        return { applied: (await connection.workspace.applyEdit({ label: say('fixAll', entry.result?.messageLanguage ?? 'en'), edit })).applied };
      }
      case COMMANDS.showChecklist: {
        const report = await checklistOf(args[0]);
        if (report) notify([report.title, ...report.items.map((i) => i.label)].join('\n'));
        return report;
      }
      case COMMANDS.openRuleDocs:
        return openRuleDocs(args[0]);
      case COMMANDS.lintWorkspace:
        return lintWorkspace();
      default:
        throw new ResponseError(-32601, `needfirst has no command ${command}.`);
    }
  });

  documents.listen(connection);
  connection.listen();
}
