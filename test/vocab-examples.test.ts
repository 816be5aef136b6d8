import { describe, expect, it } from 'vitest';
import vocab from '../server/src/engine/generated/vocab.json';
import { lint } from '../server/src/engine/lint.js';
import type { VocabData } from '../server/src/engine/vocab.js';
import { Analysis } from '../server/src/engine/context.js';
import { parseMarkdown } from '../server/src/engine/markdown.js';
import { VOCAB } from '../server/src/engine/lint.js';

const data = vocab as unknown as VocabData;

describe('every rule vocabulary carries examples that hold', () => {
  for (const entry of data.rules) {
    describe(`${entry.rule} (${entry.lang})`, () => {
      it.each(entry.examples.flagged)('flags: %s', (example) => {
        const ids = lint(example).findings.map((f) => f.ruleId);
        expect(ids).toContain(entry.rule);
      });
      it.each(entry.examples.accepted)('accepts: %s', (example) => {
        const ids = lint(example).findings.map((f) => f.ruleId);
        expect(ids).not.toContain(entry.rule);
      });
      const own = entry.termExamples ?? { flagged: [], accepted: [] };
      it.runIf(own.flagged.length > 0).each(own.flagged)('a trigger flags its own example: %s', (example) => {
        expect(lint(example).findings.map((f) => f.ruleId)).toContain(entry.rule);
      });
      it.runIf(own.accepted.length > 0).each(own.accepted)('a trigger accepts its own near miss: %s', (example) => {
        expect(lint(example).findings.map((f) => f.ruleId)).not.toContain(entry.rule);
      });
    });
  }
});

describe('every safeguard vocabulary carries examples that hold', () => {
  for (const entry of data.safeguards) {
    const found = (text: string): boolean => new Analysis(parseMarkdown(text, { blockquotes: true }), VOCAB).safeguardHits(entry.set).length > 0;
    describe(`${entry.set} (${entry.lang})`, () => {
      it.each(entry.examples.found)('finds: %s', (example) => expect(found(example)).toBe(true));
      it.each(entry.examples.notFound)('does not find: %s', (example) => expect(found(example)).toBe(false));
    });
  }
});

describe('negation cues carry examples that hold', () => {
  for (const entry of data.negations) {
    const negatedAt = (text: string): boolean => {
      const doc = parseMarkdown(text, { blockquotes: true });
      const block = doc.blocks[0]!;
      // The phrase under test is the last word group: everything after the cue.
      const t = block.norm.text;
      const analysis = new Analysis(doc, VOCAB);
      const triggers = [...VOCAB.triggers.values()].flat();
      const hits = triggers.flatMap((m) => [...t.matchAll(m.regex)].map((x) => [x.index, x.index + x[0].length] as const));
      expect(hits.length).toBeGreaterThan(0);
      return hits.every(([s, e]) => analysis.isNegated(block, s, e));
    };
    describe(`negations (${entry.lang})`, () => {
      it.each(entry.examples.negated)('negates: %s', (example) => expect(negatedAt(example)).toBe(true));
      it.each(entry.examples.plain)('leaves plain: %s', (example) => expect(negatedAt(example)).toBe(false));
    });
  }
});
