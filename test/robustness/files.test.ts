// Bad input through the CLI: every case gets a clear message, the documented exit code, and no
// file is ever damaged.
import { chmodSync, readFileSync, readdirSync, statSync, symlinkSync, lstatSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintAndFix, main } from '../../server/src/cli/main.js';
import { nodeFileSystem } from '../../server/src/cli/node.js';
import type { CliFileSystem } from '../../server/src/cli/io.js';
import { decodeFile, encodeFile } from '../../server/src/cli/encoding.js';
import { writeFixed } from '../../server/src/cli/write.js';
import { recommended } from '../../server/src/engine/presets.js';
import { cli, project } from '../helpers.js';
import { markdown } from '../property/arbitraries.js';

const ZH = '# 智慧城市方案\r\n\r\n## 平台\r\n\r\n平台采用最先进的技术。\r\n\r\n市民必须通过APP预约。\r\n';
const FIXED = ZH.replace('最先进的', '');
const TW = '# 智慧城市計畫\n\n平台採用最先進的技術。\n';

/** Runs the CLI with some file-system calls replaced. */
async function cliWith(cwd: string, argv: string[], overrides: Partial<CliFileSystem>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, fs: { ...nodeFileSystem, ...overrides }, stdout: { write: (s) => void (stdout += s) }, stderr: { write: (s) => void (stderr += s) }, env: {} });
  return { code, stdout, stderr };
}

const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });
const json = (stdout: string): Array<{ filePath: string; findings: Array<{ ruleId: string; line: number; column: number; text: string }> }> => JSON.parse(stdout);

describe('files that are odd', () => {
  it('an empty file is clean', async () => {
    const dir = project({ 'empty.md': '' });
    const run = await cli(dir, ['--format', 'json', 'empty.md']);
    expect(run.code).toBe(0);
    expect(json(run.stdout)[0]!.findings).toEqual([]);
  });

  it('a 50 MB file is skipped before it is read, naming the limit and the option that raises it', async () => {
    const dir = project({ 'big.md': '', 'small.md': ZH, 'mid/mid.md': '平台。\n'.repeat(400) });
    truncateSync(join(dir, 'big.md'), 50 * 1024 ** 2);
    const run = await cliWith(dir, ['.'], { readFile: async (p) => (p.endsWith('big.md') ? Promise.reject(new Error('read a file over the limit')) : nodeFileSystem.readFile(p)) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needfirst: big.md: it is 50 MB, over the 10 MB limit, so it was skipped; pass --max-file-size 50MB to lint it.');
    expect(run.stdout).toContain('small.md');
    const lower = await cli(dir, ['--max-file-size', '2KB', 'mid']);
    expect(lower.stderr).toContain('needfirst: mid/mid.md: it is 3.9 KB, over the 2 KB limit, so it was skipped; pass --max-file-size 1MB to lint it.');
    expect((await cli(dir, ['--max-file-size', 'huge'])).stderr).toContain('--max-file-size takes a size such as 20MB or 500KB, not "huge".');
  });

  it('a 1 MB single line is linted, with exact columns', async () => {
    const sentence = '平台采用最先进的技术。城市服务持续优化，群众满意度稳步提升。';
    const line = sentence.repeat(Math.ceil(1024 ** 2 / (sentence.length * 3)));
    const dir = project({ 'line.md': line });
    const started = Date.now();
    const run = await cli(dir, ['--format', 'json', 'line.md']);
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15000);
    const findings = json(run.stdout)[0]!.findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings.slice(0, 50)) expect(line.slice(f.column - 1, f.column - 1 + f.text.length)).toBe(f.text);
  });

  it('binary content and bytes that are no known encoding are skipped with a message', async () => {
    const dir = project({ 'bin.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), 'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x0a]) });
    const run = await cli(dir, ['.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needfirst: bin.md: it looks binary (it contains NUL bytes), so it was skipped.');
    expect(run.stderr).toContain('needfirst: latin1.md: it is neither valid UTF-8 nor GB18030, so it was skipped; save it as UTF-8, or name its encoding with --encoding (for example --encoding big5).');
    const named = await cli(dir, ['--encoding', 'latin1', '--format', 'json', 'latin1.md']);
    expect(named.code).toBe(0);
    expect((await cli(dir, ['--encoding', 'klingon'])).stderr).toContain('Unknown encoding "klingon".');
  });

  for (const [encoding, bom] of [['utf-16le', true], ['utf-16be', true], ['utf-16le', false], ['utf-16be', false], ['gb18030', false], ['gbk', false]] as const) {
    it(`${encoding}${bom ? ' with a BOM' : ''}: detected, linted at the right places, and --fix writes the same encoding back`, async () => {
      const bytes = encodeFile({ text: ZH, encoding: encoding === 'gbk' ? 'gbk' : encoding, bom });
      const dir = project({ 'a.md': bytes });
      const [file] = json((await cli(dir, ['--format', 'json', 'a.md'])).stdout);
      expect(file!.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['superlative-tech', 5, 5], ['digital-only', 7, 3]]);
      const run = await cli(dir, ['--fix', 'a.md']);
      expect(run.code).toBe(0);
      expect([...readFileSync(join(dir, 'a.md'))]).toEqual([...encodeFile({ text: FIXED, encoding, bom })]);
    });
  }

  it('--encoding names what cannot be detected, such as Big5 for a Traditional document', async () => {
    const dir = project({ 'tw.md': iconv.encode(TW, 'big5') });
    const run = await cli(dir, ['--encoding', 'big5', '--fix', '--format', 'json', 'tw.md']);
    expect(run.code).toBe(0);
    expect(iconv.decode(readFileSync(join(dir, 'tw.md')), 'big5')).toBe(TW.replace('最先進的', ''));
    expect((await cli(dir, ['--encoding', 'utf-8', 'tw.md'])).stderr).toContain('tw.md: it is not valid utf-8, so it was skipped; check the --encoding given.');
  });

  it('a folder or glob that matches nothing exits 2 unless told not to', async () => {
    const dir = project({ 'empty/.keep': '' });
    const run = await cli(dir, ['empty', 'nowhere/*.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no Markdown files matched "empty". Check the path, or pass --no-error-on-unmatched-pattern.');
    expect(run.stderr).toContain('no Markdown files matched "nowhere/*.md"');
    expect((await cli(dir, ['--no-error-on-unmatched-pattern', 'empty'])).code).toBe(0);
  });

  it('unreadable files, folders and configuration files are named with what to do', async () => {
    const dir = project({ 'a.md': ZH, 'b.md': ZH, 'locked/c.md': ZH, 'cfg/.needfirst.json': '{}', 'cfg/d.md': ZH });
    const denied = await cliWith(dir, ['.'], {
      readFile: (p) => (p.endsWith('a.md') || p.endsWith('.needfirst.json') ? Promise.reject(errno('EACCES')) : nodeFileSystem.readFile(p)),
      readdir: (p) => (p.endsWith('locked') ? Promise.reject(errno('EACCES')) : nodeFileSystem.readdir(p)),
    });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('needfirst: cannot read a.md: permission denied; check its permissions.');
    expect(denied.stderr).toContain('needfirst: cannot read the folder locked: permission denied; check its permissions.');
    expect(denied.stderr).toContain('needfirst: cannot read the configuration file cfg/.needfirst.json: permission denied; check its permissions.');
    expect(denied.stdout).toContain('b.md');
  });

  it('invalid JSONC configuration is reported at file:line:col', async () => {
    const dir = project({ '.needfirst.jsonc': '// 配置\n{\n  "rules": { "digital-only": "warning" ]\n}\n', 'doc.md': ZH });
    const run = await cli(dir, ['doc.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needfirst: \.needfirst\.jsonc:3:\d+: /);
  });
});

describe('--fix never loses text', () => {
  it('keeps BOM, CRLF and mode, and replaces a link\'s target rather than the link', async () => {
    const dir = project({ 'real.md': `\ufeff${ZH}` });
    chmodSync(join(dir, 'real.md'), 0o604);
    symlinkSync(join(dir, 'real.md'), join(dir, 'link.md'));
    const run = await cli(dir, ['--fix', 'link.md']);
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe(`\ufeff${FIXED}`);
    expect(statSync(join(dir, 'real.md')).mode & 0o777).toBe(0o604);
  });

  for (const [step, override] of [
    ['writing the temporary file', { writeFile: () => Promise.reject(errno('ENOSPC')) }],
    ['setting its mode', { chmod: () => Promise.reject(errno('EPERM')) }],
    ['renaming it over the original', { rename: () => Promise.reject(errno('EACCES')) }],
  ] as const) {
    it(`leaves the original intact and no temporary file when ${step} fails`, async () => {
      const dir = project({ 'a.md': ZH });
      const run = await cliWith(dir, ['--fix', '--format', 'json', 'a.md'], override as Partial<CliFileSystem>);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/needfirst: cannot write the fixes to a\.md: .+\. The file was left as it was\./);
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(ZH);
      expect(readdirSync(dir)).toEqual(['a.md']);
      expect(json(run.stdout)[0]!.findings.map((f) => f.ruleId)).toContain('superlative-tech');
    });
  }

  it('does not overwrite a file that changed while it was being fixed', async () => {
    const dir = project({ 'a.md': ZH });
    let reads = 0;
    const run = await cliWith(dir, ['--fix', 'a.md'], {
      readFile: async (p) => {
        if (++reads === 2) writeFileSync(p, `${ZH}编辑器里的新内容\r\n`);
        return nodeFileSystem.readFile(p);
      },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write the fixes to a.md: it changed while needfirst was fixing it; run needfirst --fix again. The file was left as it was.');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`${ZH}编辑器里的新内容\r\n`);
  });

  it('refuses text its encoding cannot hold rather than writing "?"', async () => {
    const dir = project({ 'a.md': iconv.encode(ZH, 'gbk') });
    const original = readFileSync(join(dir, 'a.md'));
    await expect(writeFixed(nodeFileSystem, join(dir, 'a.md'), original, { text: `${FIXED}😀`, encoding: 'gbk', bom: false })).rejects.toThrow('the fixed text has characters that gbk cannot hold');
    expect(readFileSync(join(dir, 'a.md'))).toEqual(original);
  });

  it('in every encoding, --fix writes what the engine fixed, and a second --fix touches nothing (property)', async () => {
    const dir = project({});
    mkdirSync(join(dir, 'p'), { recursive: true });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(markdown, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'gb18030'), fc.boolean(), async (text, encoding, bomWanted) => {
        // UTF-16 without a BOM is a guess, tested on its own above; GB18030 files have no BOM.
        const bom = encoding.startsWith('utf-16') || (bomWanted && encoding === 'utf-8');
        const body = text.replace(/^\ufeff/, '');
        const file = join(dir, 'p', `${n++}.md`);
        writeFileSync(file, encodeFile({ text: body, encoding, bom }));
        const decoded = decodeFile(readFileSync(file));
        expect('skip' in decoded ? decoded.skip : decoded.text).toBe(body);
        await cli(dir, ['--fix', file]);
        const after = decodeFile(readFileSync(file));
        if ('skip' in after) throw new Error(after.skip);
        expect(after).toEqual({ text: lintAndFix(body, recommended()).output, encoding: (decoded as { encoding: string }).encoding, bom });
        const bytes = readFileSync(file);
        const mtime = statSync(file).mtimeMs;
        await cli(dir, ['--fix', file]);
        expect(readFileSync(file)).toEqual(bytes);
        expect(statSync(file).mtimeMs).toBe(mtime);
      }),
      { numRuns: 60 },
    );
  });
});
