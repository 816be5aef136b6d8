/**
 * Guards accuracy on the labelled corpus against regressions. The floors are the measured values
 * at the time they were last raised, less a small margin; issue 4's targets (precision 0.90,
 * recall 0.85) are higher and not yet reached. Raise these floors whenever accuracy improves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, evaluate, parseCorpus, score, splitOf } from './corpus/evaluate.js';

const dir = join(__dirname, 'corpus');
const passages = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => parseCorpus(readFileSync(join(dir, f), 'utf8'), f));
const outcomes = evaluate(passages);

describe('the accuracy corpus', () => {
  it('is well formed: unique ids, known labels, a source for every passage, both scripts and English', () => {
    const ids = new Set<string>();
    for (const p of passages) {
      expect(ids.has(p.id), p.id).toBe(false);
      ids.add(p.id);
      expect(p.source, p.id).toMatch(/\S/);
      expect(['zh-Hans', 'zh-Hant', 'en']).toContain(p.lang);
    }
    for (const lang of ['zh-Hans', 'zh-Hant', 'en']) expect(passages.filter((p) => p.lang === lang).length, lang).toBeGreaterThanOrEqual(80);
    expect(passages.length).toBeGreaterThanOrEqual(300);
  });

  it('holds no passage twice: none repeats most of another, whatever its punctuation width or spacing', () => {
    // Two sets gathered from the same stored pages can pick the same text; a copy on each side of
    // the split would leak tuned text into the held-out figures.
    const flat = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
    const firstWith = new Map<string, string>();
    const stretches = (text: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i + 30 <= text.length; i += 10) out.push(text.slice(i, i + 30));
      return out;
    };
    const repeats: string[] = [];
    for (const p of passages) {
      const own = stretches(flat(p.text));
      const seen = new Map<string, number>();
      for (const s of own) {
        const other = firstWith.get(s);
        if (other && other !== p.id) seen.set(other, (seen.get(other) ?? 0) + 1);
      }
      for (const [other, n] of seen) if (own.length > 0 && n / own.length >= 0.9) repeats.push(`${p.id} repeats ${other}`);
      for (const s of own) if (!firstWith.has(s)) firstWith.set(s, p.id);
    }
    expect(repeats).toEqual([]);
  });

  it('keeps about a fifth of the passages held out', () => {
    const held = passages.filter((p) => splitOf(p.id) === 'heldout').length / passages.length;
    expect(held).toBeGreaterThan(0.12);
    expect(held).toBeLessThan(0.28);
  });

  it('does not fall below the measured precision and recall', () => {
    const dev = score(counts(outcomes.filter((o) => splitOf(o.passage.id) === 'dev')));
    const all = score(counts(outcomes));
    // Measured on 2026-11-24 (session 8): dev 0.89 / 0.75 (350 true, 45 false positives),
    // all 0.86 / 0.69 (held-out 0.69 / 0.41). Session 7 had dev 0.88 / 0.71, all 0.86 / 0.65.
    expect(dev.precision).toBeGreaterThanOrEqual(0.87);
    expect(dev.recall).toBeGreaterThanOrEqual(0.73);
    expect(all.precision).toBeGreaterThanOrEqual(0.85);
    expect(all.recall).toBeGreaterThanOrEqual(0.67);
  });
});
