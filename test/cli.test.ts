import iconv from 'iconv-lite';
import { readFileSync, statSync, chmodSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, project } from './helpers.js';
import { escapeData, escapeProperty } from '../server/src/cli/formats/github.js';

const ZH = '# 智慧城市方案\n\n## 平台\n\n平台采用最先进的技术。\n\n市民必须通过APP预约。\n';
const CLEAN = '# 方案\n\n## 背景\n\n居民反映办证要跑三次。\n';

describe('needfirst CLI', () => {
  it('prints findings grouped by file and exits 0 when only warnings are found', async () => {
    const dir = project({ 'docs/plan.md': ZH, 'docs/clean.md': CLEAN });
    const run = await cli(dir, ['docs']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('docs/plan.md');
    expect(run.stdout).toMatch(/5:5\s+warning\s+「最先进」.*superlative-tech/);
    expect(run.stdout).toMatch(/7:3\s+warning\s+.*digital-only/);
    expect(run.stdout).not.toContain('docs/clean.md');
    expect(run.stdout).toContain('2 problems (0 errors, 2 warnings, 0 info)');
  });

  it('lints Markdown under the current folder by default, skipping node_modules and .gitignore', async () => {
    const dir = project({ 'a.md': ZH, 'node_modules/x/readme.md': ZH, 'build/out.md': ZH, '.gitignore': 'build/\n', 'notes.txt': ZH });
    const run = await cli(dir, ['--format', 'json']);
    const paths = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
    expect(paths).toEqual(['a.md']);
  });

  it('expands globs', async () => {
    const dir = project({ 'specs/a.md': ZH, 'specs/sub/b.md': ZH, 'other/c.md': ZH });
    const run = await cli(dir, ['--format', 'json', 'specs/**/*.md']);
    expect((JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => r.filePath)).toEqual(['specs/a.md', 'specs/sub/b.md']);
  });

  it('exits 2 when a pattern matches nothing, unless told not to', async () => {
    const dir = project({ 'a.md': CLEAN });
    const run = await cli(dir, ['missing/**/*.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no Markdown files matched "missing/**/*.md"');
    expect((await cli(dir, ['--no-error-on-unmatched-pattern', 'missing/**/*.md'])).code).toBe(0);
  });

  it('exits 1 on error severity and on too many warnings', async () => {
    const dir = project({ 'a.md': ZH, '.needfirst.json': JSON.stringify({ rules: { 'digital-only': 'error' } }) });
    const run = await cli(dir, ['a.md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/7:3\s+error/);
    const warnOnly = project({ 'a.md': ZH });
    const over = await cli(warnOnly, ['--max-warnings', '1', 'a.md']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('needfirst: 2 warnings are more than --max-warnings 1 allows, so the run fails.');
    expect((await cli(warnOnly, ['--max-warnings', '2', 'a.md'])).code).toBe(0);
  });

  it('--quiet reports errors only', async () => {
    const dir = project({ 'a.md': ZH, '.needfirst.json': JSON.stringify({ rules: { 'digital-only': 'error' } }) });
    const run = await cli(dir, ['--quiet', '--format', 'json', 'a.md']);
    const [file] = JSON.parse(run.stdout) as Array<{ findings: Array<{ ruleId: string }> }>;
    expect(file!.findings.map((f) => f.ruleId)).toEqual(['digital-only']);
  });

  it('prints the documented JSON shape', async () => {
    const dir = project({ 'a.md': `${ZH}\n<!-- needfirst-disable-next-line concept-race -- 试点验收后再改 -->\n打造全国首个智慧社区。\n` });
    const run = await cli(dir, ['--format', 'json', 'a.md']);
    const [file] = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(file!)).toEqual(['filePath', 'language', 'findings', 'checklist', 'suppressed']);
    expect(file!.language).toBe('zh-Hans');
    const findings = file!.findings as Array<Record<string, unknown>>;
    expect(Object.keys(findings[0]!)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'text', 'safeguard', 'fixes']);
    expect(findings[0]).toMatchObject({ ruleId: 'superlative-tech', line: 5, column: 5, endLine: 5, endColumn: 8, text: '最先进' });
    const fixes = findings[0]!.fixes as Array<Record<string, unknown>>;
    expect(fixes.map((f) => f.kind)).toEqual(['fix', 'scaffold']);
    expect(Object.keys(fixes[0]!)).toEqual(['title', 'kind', 'edits']);
    expect(fixes[0]!.edits).toEqual([{ offset: ZH.indexOf('最先进'), length: 4, text: '' }]);
    const checklist = file!.checklist as Array<Record<string, unknown>>;
    expect(checklist).toHaveLength(10);
    expect(Object.keys(checklist[0]!)).toEqual(['id', 'addressed', 'line']);
    expect(file!.suppressed).toEqual([{ ruleId: 'concept-race', line: 10, reason: '试点验收后再改' }]);
  });

  it('writes SARIF 2.1.0 with rules and exact regions', async () => {
    const dir = project({ 'a.md': ZH });
    const sarif = JSON.parse((await cli(dir, ['--format', 'sarif', 'a.md'])).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('needfirst');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('digital-only');
    expect(run.results[0]).toMatchObject({
      ruleId: 'superlative-tech',
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md' }, region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 8 } } }],
    });
  });

  it('writes GitHub workflow commands with escaping', async () => {
    const dir = project({ 'a.md': ZH });
    const out = (await cli(dir, ['--format', 'github', 'a.md'])).stdout.trim().split('\n');
    expect(out[0]).toMatch(/^::warning file=a\.md,line=5,col=5,endLine=5,endColumn=8,title=needfirst superlative-tech::「最先进」/);
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes a Markdown report with the checklist and findings by section', async () => {
    const dir = project({ 'a.md': ZH });
    const out = (await cli(dir, ['--format', 'markdown', 'a.md'])).stdout;
    expect(out).toContain('## needfirst 审阅报告');
    expect(out).toContain('| `a.md` | 2 | 0/10 |');
    expect(out).toContain('#### 平台');
    expect(out).toMatch(/- 第 5 行：?.*superlative-tech/);
  });

  it('--messages overrides the document language', async () => {
    const dir = project({ 'a.md': ZH });
    const out = (await cli(dir, ['--messages', 'en', 'a.md'])).stdout;
    expect(out).toContain('"最先进" leans on a technical judgment (Is the technology the coolest?) without a stated real need');
    const tw = (await cli(dir, ['--messages', 'zh-TW', 'a.md'])).stdout;
    expect(tw).toContain('是技術判斷');
  });

  it('reads standard input, and with --fix prints the fixed text', async () => {
    const dir = project({});
    const run = await cli(dir, ['--stdin', '--format', 'json'], ZH);
    expect((JSON.parse(run.stdout) as Array<{ filePath: string }>)[0]!.filePath).toBe('<stdin>');
    const fixed = await cli(dir, ['--stdin', '--fix'], ZH);
    expect(fixed.stdout).toBe(ZH.replace('最先进的', ''));
    expect(fixed.stderr).toContain('digital-only');
  });

  it('decodes standard input as it does a file, and --fix prints it back in the same bytes', async () => {
    const dir = project({});
    const gbk = iconv.encode(ZH, 'gbk');
    const run = await cli(dir, ['--stdin', '--format', 'json'], gbk);
    expect((JSON.parse(run.stdout) as Array<{ findings: unknown[] }>)[0]!.findings.length).toBeGreaterThan(0);
    const fixed = await cli(dir, ['--stdin', '--fix'], gbk);
    expect(iconv.decode(fixed.stdoutBytes, 'gbk')).toBe(ZH.replace('最先进的', ''));
    const bom = await cli(dir, ['--stdin', '--fix'], new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ZH)]));
    expect(bom.stdout).toBe(`\ufeff${ZH.replace('最先进的', '')}`);
    const forced = await cli(dir, ['--stdin', '--encoding', 'gbk', '--format', 'json'], gbk);
    expect(forced.stdout).toBe(run.stdout);
    const binary = await cli(dir, ['--stdin'], new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 0xff]));
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('<stdin>: it looks binary');
  });

  it('--stdin-filename finds the configuration of that path', async () => {
    const dir = project({ 'sub/.needfirst.json': JSON.stringify({ rules: { 'superlative-tech': 'off' } }) });
    const run = await cli(dir, ['--stdin', '--stdin-filename', 'sub/x.md', '--format', 'json'], ZH);
    const [file] = JSON.parse(run.stdout) as Array<{ filePath: string; findings: Array<{ ruleId: string }> }>;
    expect(file!.filePath).toBe('sub/x.md');
    expect(file!.findings.map((f) => f.ruleId)).toEqual(['digital-only']);
  });

  it('--fix rewrites files in place, keeps the mode and line endings, and leaves no temporary file', async () => {
    const crlf = ZH.replace(/\n/g, '\r\n');
    const dir = project({ 'a.md': crlf, 'b.md': CLEAN });
    chmodSync(join(dir, 'a.md'), 0o640);
    const before = statSync(join(dir, 'b.md')).mtimeMs;
    const run = await cli(dir, ['--fix', '.']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(crlf.replace('最先进的', ''));
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'b.md')).mtimeMs).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(run.stdout).not.toContain('superlative-tech');
  });

  it('--fix-dry-run writes nothing and says what it would fix', async () => {
    const dir = project({ 'a.md': ZH });
    const run = await cli(dir, ['--fix-dry-run', 'a.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(ZH);
    expect(run.stderr).toContain('a.md: 1 fix would be applied by --fix.');
    expect(run.stdout).not.toContain('superlative-tech');
  });

  it('keeps a UTF-8 BOM and reports the same positions as without it', async () => {
    const dir = project({ 'a.md': `\ufeff${ZH}` });
    const [file] = JSON.parse((await cli(dir, ['--format', 'json', 'a.md'])).stdout) as Array<{ findings: Array<{ line: number; column: number }> }>;
    expect(file!.findings[0]).toMatchObject({ line: 5, column: 5 });
    await cli(dir, ['--fix', 'a.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`\ufeff${ZH.replace('最先进的', '')}`);
  });

  it('skips binary and invalid UTF-8 files with a message and exit 2', async () => {
    const dir = project({ 'bin.md': new Uint8Array([0x23, 0x00, 0x01]), 'bad.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x41]) });
    const run = await cli(dir, ['.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bin.md: it looks binary');
    expect(run.stderr).toContain('bad.md: it is neither valid UTF-8 nor GB18030');
  });

  it('rejects bad arguments with exit 2 and a sentence', async () => {
    const dir = project({});
    const bad = await cli(dir, ['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown format "xml". Use one of: stylish, json, sarif, github, markdown.');
    const unknown = await cli(dir, ['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'.*needfirst --help/);
    expect((await cli(dir, ['--max-warnings', 'many'])).stderr).toContain('--max-warnings takes a whole number');
  });

  it('prints help with the exit codes, and the version', async () => {
    const dir = project({});
    const help = await cli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const version = await cli(dir, ['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version);
  });
});

describe('configuration through the CLI', () => {
  it('is found upward, stops at root, and nearer files win', async () => {
    const dir = project({
      '.needfirst.json': JSON.stringify({ rules: { 'digital-only': 'off' } }),
      'a/.needfirst.yaml': 'rules:\n  superlative-tech: error\n',
      'a/b/doc.md': ZH,
      'c/.needfirst.jsonc': '// 本目录独立配置\n{ "root": true, "rules": { "superlative-tech": "off", }, }\n',
      'c/doc.md': ZH,
    });
    const [ab] = JSON.parse((await cli(dir, ['--format', 'json', 'a/b/doc.md'])).stdout) as Array<{ findings: Array<{ ruleId: string; severity: string }> }>;
    expect(ab!.findings.map((f) => [f.ruleId, f.severity])).toEqual([['superlative-tech', 'error']]);
    const [c] = JSON.parse((await cli(dir, ['--format', 'json', 'c/doc.md'])).stdout) as Array<{ findings: Array<{ ruleId: string }> }>;
    expect(c!.findings.map((f) => f.ruleId)).toEqual(['digital-only']);
  });

  it('applies extends: presets and relative files', async () => {
    const dir = project({
      'shared/base.yml': 'rules:\n  digital-only:\n    severity: error\n    allow: [必须通过APP]\n',
      '.needfirst.json': JSON.stringify({ extends: ['needfirst:strict', './shared/base.yml'] }),
      'doc.md': ZH,
    });
    const [file] = JSON.parse((await cli(dir, ['--format', 'json', 'doc.md'])).stdout) as Array<{ findings: Array<{ ruleId: string; severity: string }> }>;
    expect(file!.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['value-checklist', 'information'],
      ['superlative-tech', 'error'],
    ]);
  });

  it('--config uses one file and reports a missing one', async () => {
    const dir = project({ 'cfg.yaml': 'rules:\n  superlative-tech: off\n  digital-only: off\n', 'doc.md': ZH });
    expect((await cli(dir, ['--config', 'cfg.yaml', 'doc.md'])).stdout).toBe('');
    const missing = await cli(dir, ['--config', 'nope.json', 'doc.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });

  it('reports invalid JSON with file:line:col and exits 2', async () => {
    const dir = project({ '.needfirst.json': '{\n  "rules": {\n    "digital-only": "warning"\n    "over-reach": "off"\n  }\n}\n', 'doc.md': ZH });
    const run = await cli(dir, ['doc.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.needfirst.json:4:5: A comma (,) is expected between entries.');
  });

  it('reports invalid YAML with file:line:col', async () => {
    const dir = project({ '.needfirst.yaml': 'rules:\n  digital-only: [warning\n', 'doc.md': ZH });
    const run = await cli(dir, ['doc.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.needfirst\.yaml:\d+:\d+: Invalid YAML/);
  });

  it('names unknown rules with the valid ids, and wrong types, at their places', async () => {
    const dir = project({
      '.needfirst.json': '{\n  "rules": {\n    "superlative": "warning",\n    "digital-only": { "severity": "loud", "scope": 3 }\n  },\n  "messages": "fr"\n}\n',
      'doc.md': ZH,
    });
    const run = await cli(dir, ['doc.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.needfirst.json:3:5: Unknown rule "superlative". Valid rule ids: superlative-tech, concept-race,');
    expect(run.stderr).toContain('.needfirst.json:4:35: "rules.digital-only.severity" must be one of: "error", "warning", "information", "hint", "off".');
    expect(run.stderr).toContain('.needfirst.json:4:52: "rules.digital-only.scope" must be one of: "sentence", "paragraph", "section", "document".');
    expect(run.stderr).toContain('.needfirst.json:6:15: "messages" must be one of: "auto", "en", "zh-CN", "zh-TW".');
  });

  it('reports an extends cycle and an unknown preset', async () => {
    const dir = project({
      '.needfirst.json': JSON.stringify({ extends: './a.json' }),
      'a.json': JSON.stringify({ extends: ['needfirst:loud', './.needfirst.json'] }),
      'doc.md': ZH,
    });
    const run = await cli(dir, ['doc.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a.json:1:13: Unknown preset "needfirst:loud". Known presets: needfirst:recommended, needfirst:strict.');
    expect(run.stderr).toMatch(/a\.json:1:\d+: "extends" makes a cycle: .*\.needfirst\.json -> .*a\.json -> .*\.needfirst\.json/);
  });

  it('honours ignores globs relative to the configuration file', async () => {
    const dir = project({ '.needfirst.json': JSON.stringify({ ignores: ['drafts/**'] }), 'drafts/x.md': ZH, 'doc.md': ZH });
    const paths = (JSON.parse((await cli(dir, ['--format', 'json'])).stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
    expect(paths).toEqual(['doc.md']);
  });
});

describe('the bin', () => {
  const root = join(__dirname, '..');
  it('runs as a process with exit codes', () => {
    expect(execFileSync('node', [join(root, 'bin/needfirst.js'), '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/);
    const dir = project({ 'a.md': ZH, '.needfirst.json': '{"rules":{"digital-only":"error"}}' });
    const run = spawnSync('node', [join(root, 'bin/needfirst.js'), 'a.md'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('digital-only');
  });

  it('says so, with exit code 2, when its current folder no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'needfirst-gone-'));
    const run = spawnSync('sh', ['-c', 'cd "$1" && rmdir "$1" && exec node "$2" .', 'sh', dir, join(root, 'bin/needfirst.js')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the current folder no longer exists');
    expect(run.stderr).not.toContain('    at ');
  });
});
