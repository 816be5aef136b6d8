/**
 * Protocol tests: the language server bin started over stdio, driven by a real JSON-RPC client.
 * Every wait is on an event with a deadline.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { project } from '../helpers.js';
import { lint } from '../../server/src/engine/lint.js';
import { ZH_HANS, ZH_HANT } from './docs.js';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, spawnServer, type TestClient } from './client.js';

const root = join(__dirname, '..', '..');
const BIN = join(root, 'bin', 'needfirst-language-server.js');


/** [rule, line, start character, end character], 0-based as LSP counts. */
const summary = (items: Diagnostic[]): Array<[unknown, number, number, number]> =>
  items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);

const EXPECTED: Array<[string, number, number, number]> = [
  ['superlative-tech', 4, 4, 7],
  ['concept-race', 6, 2, 6],
  ['concept-race', 6, 6, 10],
  ['digital-only', 10, 2, 9],
];

beforeAll(() => {
  // The tests run the shipped bundle, so build it from the current sources first.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The build failed: ${build.stderr}`);
}, 60000);

let clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.shutdown()));
  clients = [];
});

async function start(capabilities = PULL_CAPABILITIES, files: Record<string, string> = {}): Promise<{ client: TestClient; dir: string; uri: (name: string) => string }> {
  const dir = project(files);
  const client = spawnServer(BIN);
  clients.push(client);
  await client.initialize(capabilities, dir);
  return { client, dir, uri: (name) => URI.file(join(dir, name)).toString() };
}

const markdownOf = (hover: Hover): string => (hover.contents as MarkupContent).value;

describe('language server over stdio', () => {
  it('registers the config-file watcher and answers nothing for a document it does not have', async () => {
    const { client } = await start();
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } });
    expect(hover).toBeNull();
    const registration = await client.waitFor('the config watcher', () =>
      client.events.find((e) => e.kind === 'registerCapability' && JSON.stringify(e.params).includes('didChangeWatchedFiles')),
    );
    expect(JSON.stringify(registration.params)).toContain('.needfirst.{json,jsonc,yaml,yml}');
  });

  it('pull: reports rule ids at exact ranges, with source, documentation link and the section searched', async () => {
    const { client, uri } = await start();
    await client.open(uri('spec.md'), ZH_HANS);
    const report = await client.pullDiagnostics(uri('spec.md'));
    expect(report.kind).toBe('full');
    expect(summary(report.items!)).toEqual(EXPECTED);
    const first = report.items![0]!;
    expect(first.source).toBe('needfirst');
    expect(first.codeDescription?.href).toMatch(/docs\/rules\/superlative-tech\.md$/);
    expect(first.message).toContain('「最先进」是技术判断');
    expect(first.relatedInformation?.[0]?.location.range.start.line).toBe(2);
    expect(first.relatedInformation?.[0]?.message).toContain('建设目标');
    const again = await client.pullDiagnostics(uri('spec.md'), report.resultId);
    expect(again).toEqual({ kind: 'unchanged', resultId: report.resultId });
  });

  it('push: a client without pull support (Neovim 0.7) gets published diagnostics for the version it sent', async () => {
    const { client, uri } = await start(PUSH_CAPABILITIES);
    await client.open(uri('spec.md'), ZH_HANS);
    const published = await client.published(uri('spec.md'));
    expect(published.version).toBe(1);
    expect(summary(published.diagnostics)).toEqual(EXPECTED);
  });

  it('a stale version is never published: quick changes publish versions in order, ending with the last', async () => {
    const { client, uri } = await start(PUSH_CAPABILITIES);
    const u = uri('spec.md');
    await client.open(u, '# 方案\n\n普通的文字。\n');
    await client.published(u);
    const before = client.count('publishDiagnostics');
    await client.change(u, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '平台采用最先进的技术。' }]);
    await client.change(u, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '建设全国首个平台。' }]);
    const last = await client.published(u, (p) => p.version === 3);
    expect(last.diagnostics.map((d) => d.code)).toEqual(['concept-race', 'superlative-tech']);
    const versions = client.events.filter((e) => e.kind === 'publishDiagnostics').slice(before).map((e) => (e.params as PublishDiagnosticsParams).version);
    // A fast lint follows each keystroke, so version 2 may be published too, but never after 3.
    expect(versions.at(-1)).toBe(3);
    expect(versions).toEqual([...new Set(versions)].sort((x, y) => x! - y!));
  });

  it('a long document is primed after opening, and keystrokes typed meanwhile get what a fresh lint of their text gets', async () => {
    const { client, uri } = await start(PUSH_CAPABILITIES);
    const u = uri('long.md');
    const sections = Array.from({ length: 400 }, (_, i) => `## 第${i + 1}节\n\n${ZH_HANS.split('\n').filter((l) => !l.startsWith('#')).join('\n')}\n`);
    const text = `# 长方案\n\n${sections.join('\n')}`;
    expect(text.length).toBeGreaterThan(20_000);
    await client.open(u, text);
    await client.published(u, (p) => p.version === 1);
    // Typed at once, while priming runs: a paragraph edit, a new finding, and a fence opened mid-document.
    await client.change(u, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '说明' }]);
    await client.change(u, [{ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: '建设全国首个平台。\n\n' }]);
    let doc = await client.change(u, [{ range: { start: { line: 200, character: 0 }, end: { line: 200, character: 0 } }, text: '```\n' }]);
    const expected = (source: string): Array<[unknown, number, number, number]> =>
      lint(source).findings.map((f) => [f.ruleId, f.start.line - 1, f.start.column - 1, f.end.column - 1]);
    const atFour = await client.published(u, (p) => p.version === 4);
    expect(summary(atFour.diagnostics)).toEqual(expected(doc.getText()));
    // And after priming has long finished, closing the fence again.
    doc = await client.change(u, [{ range: { start: { line: 200, character: 0 }, end: { line: 201, character: 0 } }, text: '' }]);
    const atFive = await client.published(u, (p) => p.version === 5);
    expect(summary(atFive.diagnostics)).toEqual(expected(doc.getText()));
    expect(atFive.diagnostics.length).toBeGreaterThan(atFour.diagnostics.length);
  });

  it('code actions are computed for the current version only: a diagnostic from an older text gets none', async () => {
    const { client, uri } = await start();
    const u = uri('spec.md');
    await client.open(u, ZH_HANS);
    const stale = (await client.pullDiagnostics(u)).items![0]!;
    await client.change(u, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '新的' }]);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: stale.range,
      context: { diagnostics: [stale] },
    });
    expect(actions).toEqual([]);
  });

  it('quick fixes: the preferred fix comes first and inserts the need section; the diagnostics follow the edit', async () => {
    const { client, uri } = await start();
    const u = uri('spec.md');
    await client.open(u, ZH_HANS);
    const items = (await client.pullDiagnostics(u)).items!;
    const digital = items.find((d) => d.code === 'concept-race' && d.range.start.character === 6)!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: digital.range,
      context: { diagnostics: [digital], only: ['quickfix'] },
    });
    expect(actions.map((a) => a.title)).toEqual([
      '插入「真实需求」一节（待填写）',
      '在此行停用 concept-race（需写明理由）',
      '在 .needfirst.json 中允许 concept-race 的「数字孪生」',
      '在 .needfirst.json 中关闭 concept-race',
      '打开 concept-race 的说明文档',
    ]);
    expect(actions.map((a) => Boolean(a.isPreferred))).toEqual([true, false, false, false, false]);
    const doc = await client.applyTextEdits(u, actions[0]!.edit!.changes![u]!);
    expect(doc.getText()).toContain('### 真实需求\n\n【待填写：');
    const after = await client.pullDiagnostics(u);
    const still = after.items!.find((d) => d.code === 'concept-race' && d.message.includes('数字孪生'))!;
    // A placeholder is never evidence: the finding stays and says the section is unfilled.
    expect(still.message).toContain('「真实需求」一节仍是待填写的占位内容');

    const disable = actions[1]!.edit!.changes![u]!;
    expect(disable[0]!.newText).toBe('<!-- needfirst-disable-next-line concept-race -- 【待填写理由】 -->\n');
  });

  it('"allow this phrase" creates .needfirst.json, and the watched change re-lints without the finding', async () => {
    const { client, uri, dir } = await start();
    const u = uri('spec.md');
    await client.open(u, ZH_HANS);
    const items = (await client.pullDiagnostics(u)).items!;
    const target = items.find((d) => d.code === 'digital-only')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const allow = actions.find((a) => a.title.includes('允许'))!;
    client.applyEdit(allow.edit!);
    const configUri = uri('.needfirst.json');
    const text = client.created.get(configUri)!;
    expect(JSON.parse(text)).toEqual({ rules: { 'digital-only': { allow: ['只能通过APP'] } } });
    writeFileSync(join(dir, '.needfirst.json'), text);
    const refreshes = client.count('diagnosticRefresh');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await client.waitFor('a diagnostic refresh', () => client.count('diagnosticRefresh') > refreshes);
    const after = await client.pullDiagnostics(u);
    expect(after.items!.map((d) => d.code)).not.toContain('digital-only');

    // The next allow goes into the file that now exists, keeping what it holds.
    const race = after.items!.find((d) => d.code === 'concept-race')!;
    const more = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: race.range, context: { diagnostics: [race] } });
    const off = more.find((a) => a.title.includes('关闭'))!;
    const edited = TextDocument.applyEdits(TextDocument.create(configUri, 'json', 0, text), off.edit!.changes![configUri]! as TextEdit[]);
    expect(JSON.parse(edited)).toEqual({ rules: { 'digital-only': { allow: ['只能通过APP'] }, 'concept-race': 'off' } });
  });

  it('a changed config re-lints open documents; an invalid config gets diagnostics at the right place', async () => {
    const { client, uri, dir } = await start(PUSH_CAPABILITIES, { '.needfirst.json': '{ "rules": { "concept-race": "off" } }\n' });
    const u = uri('spec.md');
    await client.open(u, ZH_HANS);
    const first = await client.published(u);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['superlative-tech', 'digital-only']);

    writeFileSync(join(dir, '.needfirst.json'), '{\n  "rules": {\n    "superlative-tek": "off"\n  }\n}\n');
    const before = client.count('publishDiagnostics');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.needfirst.json'), type: 2 }] });
    const config = await client.published(uri('.needfirst.json'), (p) => p.diagnostics.length > 0);
    expect(config.diagnostics[0]!.range.start).toEqual({ line: 2, character: 4 });
    expect(config.diagnostics[0]!.message).toContain('superlative-tek');
    await client.waitFor('a re-lint', () => client.events.slice(before).some((e) => e.kind === 'publishDiagnostics' && (e.params as PublishDiagnosticsParams).uri === u));
    const relinted = await client.published(u);
    expect(relinted.diagnostics.map((d) => d.code)).toEqual(EXPECTED.map((e) => e[0]));

    unlinkSync(join(dir, '.needfirst.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.needfirst.json'), type: 3 }] });
    await client.published(uri('.needfirst.json'), (p) => p.diagnostics.length === 0);
  });

  it('fix-all: source.fixAll.needfirst and the fixAll command apply only the fixes that resolve findings', async () => {
    const { client, uri } = await start();
    const u = uri('spec.md');
    await client.open(u, ZH_HANS);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.needfirst']);
    const edits = actions[0]!.edit!.changes![u]!;
    expect(TextDocument.applyEdits(client.docs.get(u)!, edits)).toBe(ZH_HANS.replace('最先进的', '').replace('全国首个', ''));

    const applied = await client.connection.sendRequest<{ applied: boolean }>('workspace/executeCommand', { command: 'needfirst.fixAll', arguments: [u] });
    expect(applied).toEqual({ applied: true });
    await client.waitFor('the edit applied', () => client.docs.get(u)!.version === 2 || undefined);
    expect(client.docs.get(u)!.getText()).not.toContain('最先进');
    const after = await client.pullDiagnostics(u);
    expect(after.items!.map((d) => d.code)).toEqual(['concept-race', 'digital-only']);
  });

  it('hover shows the judgment, why it matters and what would satisfy it; CodeLens shows the checklist summary', async () => {
    const { client, uri } = await start();
    const u = uri('spec.md');
    await client.open(u, ZH_HANS);
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: 10, character: 4 } });
    const text = markdownOf(hover);
    expect(text).toContain('needfirst · digital-only');
    expect(text).toMatch(/\*\*判断（.+）\*\*/);
    expect(text).toContain('**为什么重要**');
    expect(text).toContain('**怎样满足**');
    expect(hover.range).toEqual({ start: { line: 10, character: 2 }, end: { line: 10, character: 9 } });
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 2, character: 1 } })).toBeNull();

    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.range.start).toEqual({ line: 0, character: 0 });
    expect(lenses[0]!.command!.title).toMatch(/^价值判断 \d+\/10 · 4 处缺少依据$/);
    const report = await client.connection.sendRequest<{ title: string; items: Array<{ label: string; addressed: boolean }> }>('workspace/executeCommand', {
      command: lenses[0]!.command!.command,
      arguments: lenses[0]!.command!.arguments,
    });
    expect(report.items).toHaveLength(10);
    expect(report.items.find((i) => !i.addressed)!.label).toMatch(/^✗ .+：.+/);
    const shown = await client.waitFor('the checklist message', () => client.events.find((e) => e.kind === 'showMessage'));
    expect((shown.params as { message: string }).message.split('\n')).toHaveLength(11);
  });

  it('messages follow the document: a Traditional document gets zh-TW, and needfirst.messages overrides per resource', async () => {
    const { client, uri } = await start();
    const hant = uri('hant.md');
    await client.open(hant, ZH_HANT);
    const items = (await client.pullDiagnostics(hant)).items!;
    expect(items[0]!.message).toContain('「最先進」是技術判斷');

    client.settings = { messages: 'en' };
    const refreshes = client.count('diagnosticRefresh');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('a diagnostic refresh', () => client.count('diagnosticRefresh') > refreshes);
    const english = (await client.pullDiagnostics(hant)).items!;
    expect(english[0]!.message).toMatch(/^"最先進" leans on a technical judgment/);

    client.settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.pullDiagnostics(hant)).items).toEqual([]);
  });

  it('run onSave: a pull client sees the saved text\'s results until the next save', async () => {
    const { client, uri } = await start();
    client.settings = { run: 'onSave' };
    const u = uri('spec.md');
    await client.open(u, '# 方案\n\n普通的文字。\n');
    expect((await client.pullDiagnostics(u)).items).toEqual([]);
    await client.change(u, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '平台采用最先进的技术。' }]);
    expect((await client.pullDiagnostics(u)).items).toEqual([]);
    const refreshes = client.count('diagnosticRefresh');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: u } });
    await client.waitFor('a diagnostic refresh', () => client.count('diagnosticRefresh') > refreshes);
    expect((await client.pullDiagnostics(u)).items!.map((d) => d.code)).toEqual(['superlative-tech']);
  });

  it('lint the workspace publishes diagnostics for Markdown files that are not open', async () => {
    const { client, uri } = await start(PULL_CAPABILITIES, { 'docs/a.md': ZH_HANS, 'b.md': '# 方案\n\n普通的文字。\n', 'node_modules/x/c.md': ZH_HANS });
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'needfirst.lintWorkspace', arguments: [] });
    expect(result).toEqual({ files: 2, findings: 4 });
    const published = await client.published(uri('docs/a.md'));
    expect(summary(published.diagnostics)).toEqual(EXPECTED);
  });

  it('open the documentation asks the client to show the page shipped beside the bundle', async () => {
    const { client } = await start();
    await client.connection.sendRequest('workspace/executeCommand', { command: 'needfirst.openRuleDocs', arguments: ['digital-only'] });
    const shown = await client.waitFor('showDocument', () => client.events.find((e) => e.kind === 'showDocument'));
    const target = URI.parse((shown.params as { uri: string }).uri);
    expect(target.scheme).toBe('file');
    expect(readFileSync(target.fsPath, 'utf8')).toContain('digital-only');
  });

  it('the bin explains itself without a transport', () => {
    const run = spawnSync(process.execPath, [BIN], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pass --stdio or --node-ipc');
  });
});
