/**
 * Integration tests inside a real VS Code extension host (code-server through the e2e kit's
 * code-shim.sh, started by @vscode/test-electron's runTests). The workspace is a scratch copy of
 * test/e2e/workspace. Waits are on events with deadlines, never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const SOURCE = 'needfirst';

/** [rule, line, start character, end character], 0-based. */
const EXPECTED_ZH_HANS: Array<[string, number, number, number]> = [
  ['superlative-tech', 4, 4, 7],
  ['concept-race', 6, 2, 6],
  ['concept-race', 6, 6, 10],
  ['digital-only', 10, 2, 9],
];

const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const summary = (diagnostics: vscode.Diagnostic[]): Array<[string, number, number, number]> =>
  diagnostics.map((d) => [ruleOf(d), d.range.start.line, d.range.start.character, d.range.end.character]);

/** Resolves once the document's needfirst diagnostics satisfy `test`: checked now and on every change. */
function diagnosticsWhere(uri: vscode.Uri, what: string, test: (d: vscode.Diagnostic[]) => boolean, ms = 30000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const current = ours(uri);
      if (!test(current)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for ${what}; diagnostics now: ${JSON.stringify(summary(ours(uri)))} ${ours(uri).map((d) => d.message).join(' | ')}`));
    }, ms);
    done();
  });
}

/** Asks again until the answer satisfies `test`: the first code-action query right after activation can miss the server's actions. */
async function askUntil<T>(what: string, ask: () => Thenable<T>, test: (value: T) => boolean, ms = 20000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    last = await ask();
    if (test(last)) return last;
    await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)));
  }
  throw new Error(`Timed out waiting for ${what}; last answer: ${JSON.stringify(last)}`);
}

/** Resolves on the next change of the document's text that satisfies `test`. */
function textWhere(doc: vscode.TextDocument, what: string, test: (text: string) => boolean, ms = 20000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (!test(doc.getText())) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(doc.getText());
      return true;
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && check());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for ${what}; text now: ${doc.getText()}`));
    }, ms);
    check();
  });
}

async function open(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const settings = vscode.workspace.getConfiguration('needfirst');

const tests: Record<string, () => Promise<void>> = {
  async 'the extension activates on Markdown and its server answers'() {
    const extension = vscode.extensions.getExtension('needfirst.needfirst');
    assert.ok(extension, 'needfirst.needfirst is installed');
    await diagnosticsWhere((await open('zh-hans.md')).uri, 'any diagnostics', (d) => d.length > 0);
    assert.ok(extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['needfirst.lintWorkspace', 'needfirst.fixAll', 'needfirst.showChecklist', 'needfirst.openRuleDocs']) assert.ok(commands.includes(c), c);
  },

  async 'a zh-Hans spec gets the expected rule ids at the expected ranges'() {
    const doc = await open('zh-hans.md');
    const diagnostics = await diagnosticsWhere(doc.uri, 'four findings', (d) => d.length === 4);
    assert.deepEqual(summary(diagnostics), EXPECTED_ZH_HANS);
    const first = diagnostics[0]!;
    assert.equal(first.message, '「最先进」是技术判断（技术是否最炫酷），但未说明真实需求（谁的什么问题）或可衡量的目标。');
    assert.equal(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(String((first.code as { target: vscode.Uri }).target), /docs\/rules\/superlative-tech\.md$/);
    assert.equal(first.relatedInformation?.[0]?.location.range.start.line, 2);
  },

  async 'hover and CodeLens speak the document\'s language'() {
    const doc = await open('zh-hans.md');
    const hovers = await askUntil('a hover', () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(10, 4)), (h) => h.length > 0);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /needfirst · digital-only/);
    assert.match(text, /\*\*为什么重要\*\*/);
    const lenses = await askUntil('a CodeLens', () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri), (l) => l.length > 0);
    assert.match(lenses[0]!.command!.title, /^价值判断 \d+\/10 · 4 处缺少依据$/);
  },

  async 'the preferred quick fix inserts the need section'() {
    const doc = await open('zh-hans.md');
    const diagnostics = await diagnosticsWhere(doc.uri, 'four findings', (d) => d.length === 4);
    assert.ok(diagnostics.some((d) => ruleOf(d) === 'concept-race' && d.range.isEqual(new vscode.Range(6, 6, 6, 10))));
    const actions = await askUntil(
      'the quick fixes',
      // Inside 数字孪生 only: at its edges the range would also touch 全国首个 and get its fixes too.
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(6, 7, 6, 9), vscode.CodeActionKind.QuickFix.value),
      (a) => a.some((x) => x.isPreferred),
    );
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0]!.title, '插入「真实需求」一节（待填写）');
    assert.ok(actions.some((a) => a.title === '在此行停用 concept-race（需写明理由）'));
    assert.ok(actions.some((a) => a.title === '打开 concept-race 的说明文档'));
    assert.ok(await vscode.workspace.applyEdit(preferred[0]!.edit!));
    assert.match(doc.getText(), /\n### 真实需求\n\n【待填写：[^】]+】\n/);
    // A placeholder is never evidence: the finding stays, and now says the section is unfilled.
    await diagnosticsWhere(doc.uri, 'the unfilled-section note', (d) => d.some((x) => x.message.includes('「真实需求」一节仍是待填写的占位内容')));
  },

  async 'a zh-Hant spec gets zh-TW messages'() {
    const doc = await open('zh-hant.md');
    const [d] = await diagnosticsWhere(doc.uri, 'one finding', (list) => list.length === 1);
    assert.equal(d!.message, '「最先進」是技術判斷（技術是否最炫酷），但未說明真實需求（誰的什麼問題）或可衡量的目標。');
  },

  async 'changing needfirst.messages changes the language'() {
    const doc = await open('zh-hant.md');
    await diagnosticsWhere(doc.uri, 'zh-TW messages', (d) => d.length === 1 && d[0]!.message.startsWith('「最先進」是技術判斷'));
    await settings.update('messages', 'en', vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(doc.uri, 'English messages', (d) => d.length === 1 && d[0]!.message.startsWith('"最先進" leans on a technical judgment'));
    await settings.update('messages', 'zh-CN', vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(doc.uri, 'zh-CN messages', (d) => d.length === 1 && d[0]!.message.startsWith('「最先進」是技术判断'));
    await settings.update('messages', undefined, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(doc.uri, 'zh-TW messages again', (d) => d.length === 1 && d[0]!.message.startsWith('「最先進」是技術判斷'));
  },

  async 'fix-all as a source action applies the fixes that resolve findings by themselves'() {
    const doc = await open('fix-all.md');
    await diagnosticsWhere(doc.uri, 'four findings', (d) => d.length === 4);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await askUntil(
      'the fix-all action',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.needfirst'),
      (a) => a.length > 0,
    );
    assert.equal(actions[0]!.kind?.value, 'source.fixAll.needfirst');
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    assert.ok(!doc.getText().includes('最先进') && !doc.getText().includes('全国首个'), doc.getText());
    const left = await diagnosticsWhere(doc.uri, 'two findings left', (d) => d.length === 2);
    assert.deepEqual(left.map(ruleOf), ['concept-race', 'digital-only']);
  },

  async 'the fix-all command works on the active editor'() {
    const doc = await open('fix-all-command.md');
    await diagnosticsWhere(doc.uri, 'four findings', (d) => d.length === 4);
    await vscode.commands.executeCommand('needfirst.fixAll');
    await textWhere(doc, 'the fixes', (t) => !t.includes('最先进') && !t.includes('全国首个'));
    await diagnosticsWhere(doc.uri, 'two findings left', (d) => d.length === 2);
  },

  async 'lint the workspace reports on a file that is not open'() {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const closed = vscode.Uri.joinPath(folder, 'notes', 'closed.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'notes/closed.md is not open');
    await vscode.commands.executeCommand('needfirst.lintWorkspace');
    const diagnostics = await diagnosticsWhere(closed, 'findings in the closed file', (d) => d.length === 4);
    assert.deepEqual(summary(diagnostics), EXPECTED_ZH_HANS);
  },

  async 'the checklist request and the documentation command work in the editor'() {
    const doc = await open('zh-hant.md');
    const api = vscode.extensions.getExtension<{ client: { sendRequest<R>(method: string, params: unknown): Promise<R> } }>('needfirst.needfirst')!.exports;
    const report = await api.client.sendRequest<{ title: string; items: unknown[] }>('needfirst/checklist', { uri: doc.uri.toString() });
    assert.equal(report.items.length, 10);
    assert.match(report.title, /^價值判斷清單：10 項中已涉及 \d+ 項$/);

    const opened = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The rule page did not open.')), 20000);
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes('digital-only')))) {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('needfirst.openRuleDocs', 'digital-only');
    await opened;
  },
};

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    try {
      await test();
      passed++;
      console.log(`  ok ${name}`);
    } catch (error) {
      failed++;
      console.log(`  FAIL ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`extension host: node ${process.version}, vscode ${vscode.version}`);
  console.log(`vscode-ext-host: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed.`);
}
