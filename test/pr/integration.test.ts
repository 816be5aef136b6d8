import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../server/src/cli/main.js';

const root = join(__dirname, '../..');
const options = (text: string): string[] => [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0]))];

describe('CI integration files', () => {
  it('action.yml is a composite action that lints, uploads SARIF and can comment, with options the CLI has', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining([expect.stringMatching(/^github\/codeql-action\/upload-sarif@/), expect.stringMatching(/^actions\/github-script@/)]));
    const script = action.runs.steps.find((s: { id?: string }) => s.id === 'lint').run as string;
    const needfirstOptions = options(script).filter((o) => !['--yes', '--package'].includes(o));
    expect(needfirstOptions.length).toBeGreaterThan(3);
    for (const o of needfirstOptions) expect(HELP, o).toContain(o);
  });

  it('.pre-commit-hooks.yaml declares node hooks on Markdown with options the CLI has', () => {
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; types: string[] }>;
    expect(hooks.map((h) => h.id)).toEqual(['needfirst', 'needfirst-fix']);
    for (const h of hooks) {
      expect(h).toMatchObject({ language: 'node', types: ['markdown'] });
      expect(h.entry.startsWith('needfirst ')).toBe(true);
      for (const o of options(h.entry)) expect(HELP, o).toContain(o);
    }
  });

  it('README documents every option of --help', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const o of options(HELP)) expect(readme, o).toContain(o);
  });
});
