import { describe, expect, it } from 'vitest';
import { cli, project } from '../helpers.js';
import { readFrontMatter } from '../../server/src/config/profile.js';
import { ZH } from './docs.js';

type JsonReport = Array<{ filePath: string; findings: Array<{ ruleId: string; severity: string; line: number }> }>;
const severities = (stdout: string): Array<[string, string]> => (JSON.parse(stdout) as JsonReport).flatMap((r) => r.findings.map((f) => [f.ruleId, f.severity] as [string, string]));
const withFrontMatter = (fields: string): string => `---\n${fields}\n---\n${ZH}`;

describe('front-matter profiles', () => {
  it('"needfirst: strict" lints that document with the strict preset', async () => {
    const dir = project({ 'plain.md': ZH, 'tender.md': withFrontMatter('title: 招标文件\nneedfirst: strict') });
    expect(severities((await cli(dir, ['--format', 'json', 'plain.md'])).stdout)).toEqual([['superlative-tech', 'warning'], ['digital-only', 'warning']]);
    const strict = await cli(dir, ['--format', 'json', 'tender.md']);
    expect(severities(strict.stdout)).toEqual([['value-checklist', 'information'], ['superlative-tech', 'error'], ['digital-only', 'error']]);
    expect(strict.code).toBe(1);
    expect((await cli(dir, ['tender.md'])).stdout).toContain('; profile needfirst:strict (needfirst: strict)');
  });

  it('a stage the configuration maps to a preset chooses it; other stages change nothing', async () => {
    const dir = project({
      '.needfirst.yaml': 'stages:\n  tender: needfirst:strict\n  draft: needfirst:recommended\nrules:\n  digital-only: off\n',
      'tender.md': withFrontMatter('stage: tender'),
      'draft.md': withFrontMatter('stage: draft'),
      'idea.md': withFrontMatter('stage: idea'),
    });
    const run = await cli(dir, ['--format', 'json']);
    const byFile = Object.fromEntries((JSON.parse(run.stdout) as JsonReport).map((r) => [r.filePath, r.findings.map((f) => `${f.ruleId}:${f.severity}`)]));
    // The configuration's own rule settings still apply over the profile's preset.
    expect(byFile).toEqual({
      'draft.md': ['superlative-tech:warning'],
      'idea.md': ['superlative-tech:warning'],
      'tender.md': ['value-checklist:information', 'superlative-tech:error'],
    });
  });

  it('replaces a preset the configuration extends, and a nearer file maps stages anew', async () => {
    const dir = project({
      '.needfirst.json': JSON.stringify({ extends: 'needfirst:recommended', stages: { tender: 'needfirst:strict' } }),
      'sub/.needfirst.json': JSON.stringify({ stages: { tender: 'needfirst:recommended' } }),
      'tender.md': withFrontMatter('stage: tender'),
      'sub/tender.md': withFrontMatter('stage: tender'),
    });
    const byFile = Object.fromEntries((JSON.parse((await cli(dir, ['--format', 'json'])).stdout) as JsonReport).map((r) => [r.filePath, r.findings.map((f) => f.severity)]));
    expect(byFile).toEqual({ 'tender.md': ['information', 'error', 'error'], 'sub/tender.md': ['warning', 'warning'] });
  });

  it('an unknown profile is a fault at its place in the document, exit 2', async () => {
    const dir = project({ 'a.md': withFrontMatter('needfirst: loud') });
    const run = await cli(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needfirst: a.md:2:12: The front matter asks for the profile "loud", which does not exist. Use one of: recommended, strict.');
  });

  it('a profile asked for in front matter that is not valid YAML is a fault at its line, not ignored', async () => {
    const dir = project({ 'a.md': '---\ntitle: [unclosed\nneedfirst: strict\n---\n\n# P\n\nA state-of-the-art portal.\n' });
    const run = await cli(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needfirst: a\.md:3:1: The front matter is not valid YAML \(.+\), so "needfirst: strict" could not be read\. Fix the front matter so that the profile applies\./);
    const plain = project({ 'a.md': '---\ntitle: [unclosed\n---\n\n# P\n' });
    expect((await cli(plain, ['a.md'])).code).toBe(0);
  });

  it('a stage mapped to an unknown preset is a configuration fault', async () => {
    const dir = project({ '.needfirst.json': '{\n  "stages": { "tender": "needfirst:loose" }\n}\n', 'a.md': ZH });
    const run = await cli(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.needfirst.json:2:25: "stages.tender" must be one of: "needfirst:recommended", "needfirst:strict".');
  });

  it('shows the profile in the Markdown report', async () => {
    const dir = project({ 'a.md': withFrontMatter('needfirst: strict') });
    expect((await cli(dir, ['--format', 'markdown', '--messages', 'en', 'a.md'])).stdout).toContain('Linted with the front-matter profile needfirst:strict (needfirst: strict).');
  });

  it('reads only YAML front matter at the very start', () => {
    expect(readFrontMatter('---\nstage: tender\n---\n# x\n')?.stage?.value).toBe('tender');
    expect(readFrontMatter('\ufeff---\r\nneedfirst: strict\r\n---\r\n')?.needfirst?.value).toBe('strict');
    expect(readFrontMatter('# x\n\n---\nstage: tender\n---\n')).toBeNull();
    expect(readFrontMatter('---\nstage: [tender\n---\n')?.unreadable).toMatchObject({ value: 'stage: [tender', line: 2, column: 1 });
    expect(readFrontMatter('---\ntitle: [x\n---\n')).toBeNull();
  });
});
