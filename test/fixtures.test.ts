/**
 * Data-driven tests: every Markdown file under test/fixtures is linted, and its findings must be
 * exactly the ones its markers expect. A marker is an HTML comment on the line where a finding
 * starts, `<!-- expect: rule-id -->` (several ids separated by commas); HTML is never linted, so
 * markers do not change what they test. A file may carry `<!-- fixture-config: {json} -->` with a
 * configuration in the .needfirst.json format.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../server/src/engine/lint.js';
import { applyFixes } from '../server/src/engine/fixes.js';
import { applyConfig } from '../server/src/engine/config.js';
import { recommended } from '../server/src/engine/presets.js';
import { lintAndFix } from '../server/src/cli/main.js';
import type { ResolvedConfig } from '../server/src/engine/config.js';
import type { ConfigFile } from '../server/src/engine/configFile.js';

const root = join(__dirname, 'fixtures');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [path] : [];
  });
}

export interface Expectation {
  line: number;
  ruleId: string;
}

export function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*([^>]*?)\s*-->/g)) {
      for (const id of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) out.push({ line: i + 1, ruleId: id });
    }
  });
  return out;
}

function fixtureConfig(text: string): ResolvedConfig {
  const m = /<!--\s*fixture-config:\s*([\s\S]*?)-->/.exec(text);
  return m ? applyConfig(recommended(), JSON.parse(m[1]!) as ConfigFile) : recommended();
}

const key = (e: Expectation): string => `${String(e.line).padStart(4, '0')} ${e.ruleId}`;
const files = walk(root).sort();

describe('fixtures', () => {
  it('are there', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    const name = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const config = fixtureConfig(text);
    describe(name, () => {
      const result = lint(text, { config });
      it('has exactly the findings its markers expect', () => {
        const actual = result.findings.map((f) => key({ line: f.start.line, ruleId: f.ruleId })).sort();
        const expected = expectations(text).map(key).sort();
        expect(actual, result.findings.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId} ${f.text}`).join('\n')).toEqual(expected);
      });
      it('has no rule that failed', () => expect(result.ruleFailures).toEqual([]));

      const fixable = result.findings.filter((f) => f.fixes.some((x) => x.kind === 'fix'));
      if (fixable.length > 0) {
        it('comes back without those findings after --fix, and a second --fix changes nothing', () => {
          const fixed = lintAndFix(text, config);
          expect(fixed.result.findings.filter((f) => f.fixes.some((x) => x.kind === 'fix'))).toEqual([]);
          for (const ruleId of new Set(fixable.map((f) => f.ruleId))) {
            const unfixable = result.findings.filter((f) => f.ruleId === ruleId && !f.fixes.some((x) => x.kind === 'fix')).length;
            expect(fixed.result.findings.filter((f) => f.ruleId === ruleId).length).toBeLessThanOrEqual(unfixable);
          }
          expect(lintAndFix(fixed.output, config).output).toBe(fixed.output);
        });
      }

      const scaffolded = result.findings.filter((f) => f.fixes.some((x) => x.kind === 'scaffold'));
      if (scaffolded.length > 0) {
        it('keeps each finding when its scaffold is inserted but left unfilled', () => {
          for (const finding of scaffolded) {
            const scaffold = finding.fixes.find((x) => x.kind === 'scaffold')!;
            const { output } = applyFixes(text, [scaffold]);
            const insertedBefore = scaffold.edits.filter((e) => e.offset <= finding.range.start).reduce((n, e) => n + e.text.length - e.length, 0);
            const again = lint(output, { config }).findings.find((f) => f.ruleId === finding.ruleId && f.range.start === finding.range.start + insertedBefore);
            expect(again, `${finding.ruleId} at ${finding.start.line}:${finding.start.column} after inserting its scaffold`).toBeDefined();
            expect(again!.scaffoldUnfilled).toBe(true);
          }
        });
      }
    });
  }
});
