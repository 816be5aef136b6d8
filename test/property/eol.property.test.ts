import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { markdown } from './arbitraries.js';
import { PROPERTIES } from './properties.js';

describe('engine properties (fast-check)', () => {
  it('an LF document and its CRLF twin give the same findings, lines and columns', () => {
    fc.assert(PROPERTIES.eol, { numRuns: 500 });
  });

  it('the generated documents really trigger findings of many rules, with fixes and directives', () => {
    // A directive rarely lands right before a finding of the rule it names, so the sample is large enough to hold a few.
    const docs = fc.sample(markdown, { numRuns: 400, seed: 7 });
    const results = docs.map((text) => lint(text));
    const rules = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
    expect(results.filter((r) => r.findings.length > 0).length).toBeGreaterThan(docs.length * 0.6);
    for (const id of ['superlative-tech', 'concept-race', 'showcase-display', 'ai-everywhere', 'digital-only', 'over-reach', 'invalid-directive']) expect(rules).toContain(id);
    expect(results.some((r) => r.findings.some((f) => f.fixes.some((x) => x.kind === 'fix')))).toBe(true);
    expect(results.some((r) => r.suppressed.length > 0)).toBe(true);
    expect(docs.some((d) => d.includes('\r\n'))).toBe(true);
    expect(docs.some((d) => /[\ud800-\udbff]/.test(d))).toBe(true);
    expect(docs.some((d) => /[術進這說們體]/.test(d))).toBe(true);
  });
});
