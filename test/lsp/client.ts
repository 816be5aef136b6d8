/**
 * A small LSP client for the protocol tests: a real JSON-RPC connection (vscode-jsonrpc) to the
 * server over a child process's stdio or over in-memory streams. It answers the server's requests
 * the way an editor would and records what the server sends, so tests can wait on events.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  window: { showDocument: { support: true } },
};

/** Like Neovim 0.7: published diagnostics only, no dynamic registration, no refresh requests. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, codeAction: { isPreferredSupport: true } },
  workspace: { configuration: true, applyEdit: true },
};

export interface Event {
  kind: string;
  params: unknown;
}

export class TestClient {
  readonly events: Event[] = [];
  readonly docs = new Map<string, TextDocument>();
  /** Settings answered to workspace/configuration, per section "needfirst". */
  settings: Record<string, unknown> = {};
  private readonly emitter = new EventEmitter();

  constructor(
    readonly connection: MessageConnection,
    private readonly child?: ChildProcess,
  ) {
    const record = (kind: string) => (params: unknown) => {
      this.events.push({ kind, params });
      this.emitter.emit('event');
    };
    connection.onNotification('textDocument/publishDiagnostics', record('publishDiagnostics'));
    connection.onNotification('window/logMessage', record('logMessage'));
    connection.onNotification('window/showMessage', record('showMessage'));
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      record('configuration')(params);
      return params.items.map(() => this.settings);
    });
    connection.onRequest('client/registerCapability', (params) => void record('registerCapability')(params));
    connection.onRequest('workspace/diagnostic/refresh', (params) => void record('diagnosticRefresh')(params));
    connection.onRequest('workspace/codeLens/refresh', (params) => void record('codeLensRefresh')(params));
    connection.onRequest('window/showDocument', (params) => {
      record('showDocument')(params);
      return { success: true };
    });
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      record('applyEdit')(params);
      this.applyEdit(params.edit);
      return { applied: true };
    });
    connection.listen();
  }

  /** Resolves when `test` returns a value for the events so far, or fails after the deadline. */
  waitFor<T>(what: string, test: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = test();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for ${what}; events: ${this.events.map((e) => e.kind).join(', ')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.emitter.off('event', check);
      };
      this.emitter.on('event', check);
      check();
    });
  }

  /** The latest diagnostics published for a document, once a publication satisfies `test`. */
  published(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const last = this.events.filter((e) => e.kind === 'publishDiagnostics' && (e.params as PublishDiagnosticsParams).uri === uri).at(-1);
      return last && test(last.params as PublishDiagnosticsParams) ? (last.params as PublishDiagnosticsParams) : undefined;
    });
  }

  count(kind: string): number {
    return this.events.filter((e) => e.kind === kind).length;
  }

  async initialize(capabilities: ClientCapabilities, rootPath: string | null): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = rootPath ? URI.file(rootPath).toString() : null;
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      capabilities,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'test' }] : null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Sends incremental changes and applies them to the client's copy. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const doc = this.docs.get(uri)!;
    TextDocument.update(doc, changes, doc.version + 1);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
    return doc;
  }

  /** Applies text edits to an open document the way an editor would: as one incremental change each, bottom-up. */
  async applyTextEdits(uri: string, edits: TextEdit[]): Promise<TextDocument> {
    const doc = this.docs.get(uri)!;
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    return this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
  }

  /** Applies a workspace edit to open documents; created files are recorded for the test to write. */
  readonly created = new Map<string, string>();
  applyEdit(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      if (this.docs.has(uri)) void this.applyTextEdits(uri, edits);
      else this.created.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, this.created.get(uri) ?? ''), edits));
    }
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') this.created.set(change.uri, '');
        continue;
      }
      const uri = change.textDocument.uri;
      const edits = change.edits as TextEdit[];
      if (this.docs.has(uri)) void this.applyTextEdits(uri, edits);
      else this.created.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, this.created.get(uri) ?? ''), edits));
    }
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<{ kind: string; resultId?: string; items?: Diagnostic[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  async shutdown(): Promise<void> {
    if (this.child && this.child.exitCode !== null) throw new Error(`The server exited early with code ${this.child.exitCode}.`);
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    if (this.child && this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child!.kill();
          resolve();
        }, 5000);
        this.child!.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Starts the bin over stdio, exactly as an editor would. */
export function spawnServer(bin: string, args: string[] = ['--stdio']): TestClient {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return new TestClient(connection, child);
}

/** Two pipes for a server run in this process, for tests that pass the server their own rules. */
export function memoryPipes(): { client: TestClient; serverIn: PassThrough; serverOut: PassThrough } {
  const serverIn = new PassThrough();
  const serverOut = new PassThrough();
  const connection = createMessageConnection(new StreamMessageReader(serverOut), new StreamMessageWriter(serverIn));
  return { client: new TestClient(connection), serverIn, serverOut };
}
