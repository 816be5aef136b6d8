import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/main.js';
import { nodeFileSystem } from '../../server/src/cli/node.js';
import { runTask } from '../../server/src/cli/lintTask.js';
import { Progress } from '../../server/src/cli/progress.js';
import type { CliEnvironment, LintPool } from '../../server/src/cli/io.js';
import { recommended, strict } from '../../server/src/engine/presets.js';
import { project } from '../helpers.js';
import { EN, TW, ZH, ZH_SUPPRESSED } from './docs.js';

/** The CLI bundled as the bin ships it, since a worker thread runs the bundle, not TypeScript. */
let bundle: { nodeWorkers: (size: number) => LintPool };
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'needfirst-bundle-')), 'cli.js');
  await build({ entryPoints: [join(__dirname, '../../server/src/cli/node.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  bundle = createRequire(__filename)(out);
}, 30000);

const DOCS = [ZH, EN, TW, ZH_SUPPRESSED];

async function run(cwd: string, argv: string[], extra: Partial<CliEnvironment> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, fs: nodeFileSystem, stdout: { write: (s) => void (stdout += s) }, stderr: { write: (s) => void (stderr += s) }, env: {}, ...extra });
  return { code, stdout, stderr };
}

describe('worker threads', () => {
  const pools: LintPool[] = [];
  afterAll(async () => {
    for (const p of pools) await p.close();
  });

  it('a pool lints exactly as the main thread does', async () => {
    const pool = bundle.nodeWorkers(2);
    pools.push(pool);
    const tasks = DOCS.flatMap((text) => [recommended(), strict()].flatMap((config) => [true, false].map((fix) => ({ text, config, fix }))));
    const outcomes = await Promise.all(tasks.map((t) => pool.run(t)));
    expect(outcomes).toEqual(tasks.map((t) => runTask(t)));
  });

  it('the CLI with two workers gives the same output and exit code as on one thread', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`docs/${i}.md`, DOCS[i % DOCS.length]!.replace('## 平台', `## 平台 ${i}`)]));
    const dir = project({ ...files, '.needfirst.json': '{"rules":{"digital-only":"error"}}' });
    const started: number[] = [];
    let tasks = 0;
    const workers = (size: number): LintPool => {
      started.push(size);
      const pool = bundle.nodeWorkers(size);
      pools.push(pool);
      return { ...pool, run: (t) => (tasks++, pool.run(t)), close: () => pool.close() };
    };
    for (const format of ['json', 'sarif', 'markdown']) {
      const single = await run(dir, ['--format', format, '--concurrency', '1'], { workers, cpus: 2 });
      const parallel = await run(dir, ['--format', format], { workers, cpus: 2 });
      expect(parallel).toEqual(single);
      expect(single.code).toBe(1);
    }
    // auto used both cores each time, and --concurrency 1 none.
    expect(started).toEqual([2, 2, 2]);
    expect(tasks).toBe(120);
  });

  it('auto stays on one thread for a few files or a single core', async () => {
    const dir = project({ 'a.md': ZH, 'b.md': EN });
    const started: number[] = [];
    const workers = (size: number): LintPool => (started.push(size), bundle.nodeWorkers(size));
    await run(dir, ['.'], { workers, cpus: 2 });
    const many = project(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`${i}.md`, ZH])));
    await run(many, ['.'], { workers, cpus: 1 });
    expect(started).toEqual([]);
  });
});

describe('the progress bar', () => {
  function stream(isTTY: boolean): { isTTY: boolean; text: string; write(s: string): void } {
    return { isTTY, text: '', write(s) { this.text += s; } };
  }

  it('appears on a terminal once a run takes a few seconds, and is cleared at the end', async () => {
    const dir = project(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${i}.md`, ZH])));
    let clock = 0;
    // Each reading of the clock is a second later, so the run "takes" several seconds.
    const now = (): number => (clock += 1000);
    const stderr = stream(true);
    await run(dir, ['--format', 'json'], { stderr, now });
    expect(stderr.text).toMatch(/\r\[#+-*\] \d\/5 files/);
    expect(stderr.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('never appears in CI, off a terminal, or in a quick run', async () => {
    const dir = project(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${i}.md`, ZH])));
    let clock = 0;
    const slow = (): number => (clock += 1000);
    const ci = stream(true);
    await run(dir, ['.'], { stderr: ci, now: slow, env: { CI: 'true' } });
    const piped = stream(false);
    await run(dir, ['.'], { stderr: piped, now: slow });
    const quick = stream(true);
    await run(dir, ['.'], { stderr: quick, now: () => 0 });
    expect([ci.text, piped.text, quick.text]).toEqual(['', '', '']);
    expect(Progress.wanted({ write: () => undefined, isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});
