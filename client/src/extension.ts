import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
// The server's command names; the client only fills in what a palette invocation lacks.
import { CHECKLIST_REQUEST, COMMANDS } from '../../server/src/lsp/protocol.js';

interface ChecklistReport {
  title: string;
  items: Array<{ id: string; addressed: boolean; line: number | null; label: string; hint: string }>;
}

let client: LanguageClient | undefined;

const activeMarkdownUri = (): string | undefined => {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc.uri.toString() : undefined;
};

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel('needfirst');
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };

  /** Opens a rule's page from the documentation shipped in the extension, so it works offline. */
  const openRuleDocs = async (ruleId: unknown): Promise<void> => {
    const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    // The shipped pages are the catalogue: one page per rule.
    const ids = async (): Promise<string[]> =>
      (await vscode.workspace.fs.readDirectory(docs)).map(([name]) => name).filter((n) => n.endsWith('.md') && n !== 'README.md').map((n) => n.slice(0, -3));
    const id = typeof ruleId === 'string' ? ruleId : await vscode.window.showQuickPick(ids(), { placeHolder: vscode.l10n.t('Which rule?') });
    if (!id) return;
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(docs, `${id}.md`));
  };

  /** Shows the value checklist in a quick pick; picking an addressed item goes to its line. */
  const showChecklist = async (uri: unknown): Promise<void> => {
    const target = typeof uri === 'string' ? uri : activeMarkdownUri();
    if (!target || !client) return;
    const report = await client.sendRequest<ChecklistReport | null>(CHECKLIST_REQUEST, { uri: target });
    if (!report) return;
    const picked = await vscode.window.showQuickPick(
      report.items.map((item) => ({ label: item.label, item })),
      { title: report.title, placeHolder: report.title },
    );
    if (picked?.item.line) {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target));
      const position = new vscode.Position(picked.item.line - 1, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position));
    }
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Configuration files are synced too, so unsaved edits re-lint and get checked as they are typed.
      { scheme: 'file', pattern: '**/.needfirst.{json,jsonc,yaml,yml}' },
    ],
    outputChannel: output,
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      executeCommand: async (command, args, next) => {
        if (command === COMMANDS.openRuleDocs) return openRuleDocs(args[0]);
        if (command === COMMANDS.showChecklist) return showChecklist(args[0]);
        if (command === COMMANDS.fixAll && args.length === 0) {
          const uri = activeMarkdownUri();
          return uri ? next(command, [uri]) : undefined;
        }
        return next(command, args);
      },
    },
  };

  client = new LanguageClient('needfirst', 'needfirst', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('needfirst.findings', vscode.StatusBarAlignment.Right, 100);
  status.name = 'needfirst';
  status.command = 'workbench.actions.view.problems';
  const updateStatus = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      status.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'needfirst').length;
    status.text = `$(checklist) needfirst: ${count}`;
    status.tooltip = vscode.l10n.t('needfirst findings in this document: {0}. Click to open Problems.', count);
    status.show();
  };
  context.subscriptions.push(
    output,
    status,
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
  );

  await client.start();
  updateStatus();
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
