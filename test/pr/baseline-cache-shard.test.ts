import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from '../helpers.js';
import { parseShard, selectShard } from '../../server/src/cli/shard.js';
import { ZH } from './docs.js';

type JsonReport = Array<{ filePath: string; findings: Array<{ ruleId: string; line: number; message: string; severity: string }> }>;
const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe('--write-baseline and --baseline', () => {
  const config = JSON.stringify({ rules: { 'digital-only': 'error' } });

  it('passes on known findings, fails on a new one, and counts the ones that no longer occur', async () => {
    const dir = project({ 'docs/a.md': ZH, '.needfirst.json': config });
    expect((await cli(dir, ['docs'])).code).toBe(1);

    const written = await cli(dir, ['--write-baseline', 'needfirst-baseline.json', 'docs']);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('wrote 2 findings to the baseline needfirst-baseline.json.');
    const baseline = JSON.parse(readFileSync(join(dir, 'needfirst-baseline.json'), 'utf8'));
    expect(baseline.entries.map((e: { file: string; ruleId: string }) => [e.file, e.ruleId])).toEqual([['docs/a.md', 'superlative-tech'], ['docs/a.md', 'digital-only']]);

    const known = await cli(dir, ['--baseline', 'needfirst-baseline.json', '--format', 'json', 'docs']);
    expect(known.code).toBe(0);
    expect(json(known.stdout)[0]!.findings).toEqual([]);
    expect(known.stderr).toContain('2 findings are in the baseline and not reported.');

    // Lines above move the old findings; a new error is reported alone; a fixed one is counted.
    const changed = ZH.replace('# 智慧城市方案\n', '# 智慧城市方案\n\n新增的引言。\n').replace('最先进的', '').concat('\n居民一律扫码入园。\n');
    writeFileSync(join(dir, 'docs/a.md'), changed);
    const next = await cli(dir, ['--baseline', 'needfirst-baseline.json', '--format', 'json', 'docs']);
    expect(next.code).toBe(1);
    expect(json(next.stdout)[0]!.findings.map((f) => [f.ruleId, f.line])).toEqual([['digital-only', 11]]);
    expect(next.stderr).toContain('1 finding is in the baseline and not reported; 1 baseline entry no longer occurs (fixed, or the text changed): run --write-baseline again to drop it.');
  });

  it('shows the baseline in the Markdown report and marks SARIF results as new', async () => {
    const dir = project({ 'a.md': ZH });
    await cli(dir, ['--write-baseline', 'b.json', 'a.md']);
    writeFileSync(join(dir, 'a.md'), `${ZH}\n居民一律扫码入园。\n`);
    const md = (await cli(dir, ['--baseline', 'b.json', '--format', 'markdown', '--messages', 'en', 'a.md'])).stdout;
    expect(md).toContain('Baseline: 2 known findings not shown; 0 baseline entries no longer occur.');
    const sarif = JSON.parse((await cli(dir, ['--baseline', 'b.json', '--format', 'sarif', 'a.md'])).stdout);
    expect(sarif.runs[0].results.map((r: { baselineState: string }) => r.baselineState)).toEqual(['new']);
  });

  it('says what is wrong with a missing or foreign baseline, and exits 2', async () => {
    const dir = project({ 'a.md': ZH, 'other.json': '{"version":2}' });
    const missing = await cli(dir, ['--baseline', 'nope.json', 'a.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the baseline nope\.json: .*\. Write one with --write-baseline\./);
    const foreign = await cli(dir, ['--baseline', 'other.json', 'a.md']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('the baseline other.json is not a needfirst baseline');
    expect((await cli(dir, ['--baseline', 'x', '--write-baseline', 'y'])).stderr).toContain('Use either --baseline or --write-baseline, not both.');
  });
});

describe('--cache', () => {
  /** Marks every cached finding, so a run that reads the cache shows it. */
  function tamper(cacheFile: string, patch: (data: any) => void = () => undefined): void {
    const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
    for (const entry of Object.values(data.entries) as Array<{ result: { findings: Array<{ message: string }> } }>) for (const f of entry.result.findings) f.message = 'FROM CACHE';
    patch(data);
    writeFileSync(cacheFile, JSON.stringify(data));
  }

  it('reuses results of unchanged files, and relints on a changed file, configuration or version', async () => {
    const dir = project({ 'a.md': ZH, 'b.md': ZH });
    const cacheFile = join(dir, '.needfirstcache');
    const first = await cli(dir, ['--cache', '--format', 'json']);
    expect(existsSync(cacheFile)).toBe(true);

    tamper(cacheFile);
    const hit = await cli(dir, ['--cache', '--format', 'json']);
    expect(json(hit.stdout).flatMap((r) => r.findings.map((f) => f.message))).toEqual(Array(4).fill('FROM CACHE'));

    // A changed file is linted again; its neighbour still comes from the cache.
    writeFileSync(join(dir, 'a.md'), `${ZH}\n`);
    const changedFile = json((await cli(dir, ['--cache', '--format', 'json'])).stdout);
    expect(changedFile[0]!.findings[0]!.message).toContain('最先进');
    expect(changedFile[1]!.findings[0]!.message).toBe('FROM CACHE');

    tamper(cacheFile);
    writeFileSync(join(dir, '.needfirst.json'), JSON.stringify({ rules: { 'digital-only': 'error' } }));
    const changedConfig = json((await cli(dir, ['--cache', '--format', 'json'])).stdout);
    expect(changedConfig.flatMap((r) => r.findings.map((f) => f.severity))).toEqual(['warning', 'error', 'warning', 'error']);
    expect(JSON.stringify(changedConfig)).not.toContain('FROM CACHE');

    tamper(cacheFile, (data) => (data.version = '0.0.1-older'));
    const otherVersion = (await cli(dir, ['--cache', '--format', 'json'])).stdout;
    expect(otherVersion).not.toContain('FROM CACHE');
    expect(json(first.stdout).map((r) => r.findings.length)).toEqual([2, 2]);
  });

  it('--cache-location takes a file or a folder', async () => {
    const dir = project({ 'a.md': ZH, 'cachedir/.keep': '' });
    await cli(dir, ['--cache', '--cache-location', 'cachedir', 'a.md']);
    expect(existsSync(join(dir, 'cachedir/.needfirstcache'))).toBe(true);
    await cli(dir, ['--cache', '--cache-location', 'my.cache', 'a.md']);
    expect(existsSync(join(dir, 'my.cache'))).toBe(true);
    expect(existsSync(join(dir, '.needfirstcache'))).toBe(false);
    expect((await cli(dir, ['--cache-location', 'x', 'a.md'])).stderr).toContain('--cache-location goes with --cache.');
  });
});

describe('--shard', () => {
  const files = Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => [`docs/${String.fromCharCode(97 + ((i * 7) % 11))}/spec-${i}.md`, i % 3 === 0 ? ZH : `# 方案 ${i}\n\n## 平台\n\n第${i}期平台采用最先进的技术。\n`]),
  );

  it('cuts deterministic slices whose union is the full run, each file once', async () => {
    const dir = project(files);
    const full = json((await cli(dir, ['--format', 'json'])).stdout);
    for (const n of [1, 2, 3, 5]) {
      const parts: JsonReport[] = [];
      for (let i = 1; i <= n; i++) parts.push(json((await cli(dir, ['--format', 'json', '--shard', `${i}/${n}`])).stdout));
      const union = parts.flat().sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
      expect(union).toEqual(full);
      expect(parts.every((p) => p.length >= Math.floor(11 / n))).toBe(true);
    }
    expect((await cli(dir, ['--format', 'json', '--shard', '2/3'])).stdout).toBe((await cli(dir, ['--format', 'json', '--shard', '2/3'])).stdout);
  });

  it('does not depend on the order files were found in', () => {
    const names = ['b.md', 'a/x.md', 'c.md', 'a/y.md'];
    const shard = parseShard('1/2')!;
    expect(selectShard(names, shard, (n) => n)).toEqual(selectShard([...names].reverse(), shard, (n) => n));
  });

  it('rejects a shard that is not I/N', async () => {
    const dir = project({ 'a.md': ZH });
    for (const bad of ['0/2', '3/2', '1/0', 'two']) {
      const run = await cli(dir, ['--shard', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--shard takes I/N with 1 <= I <= N, such as 2/4, not "${bad}".`);
    }
  });
});
