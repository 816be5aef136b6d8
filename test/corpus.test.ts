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

  it('keeps about a fifth of the passages held out', () => {
    const held = passages.filter((p) => splitOf(p.id) === 'heldout').length / passages.length;
    expect(held).toBeGreaterThan(0.12);
    expect(held).toBeLessThan(0.28);
  });

  it('does not fall below the measured precision and recall', () => {
    const dev = score(counts(outcomes.filter((o) => splitOf(o.passage.id) === 'dev')));
    const all = score(counts(outcomes));
    // Measured on 2026-11-23 with sets B and C after the vocabulary batches from development errors:
    // dev 0.88 / 0.81, all 0.85 / 0.76 (held-out 0.69 / 0.53; set C 0.72 / 0.46, first scored 0.68 / 0.42).
    expect(dev.precision).toBeGreaterThanOrEqual(0.86);
    expect(dev.recall).toBeGreaterThanOrEqual(0.79);
    expect(all.precision).toBeGreaterThanOrEqual(0.83);
    expect(all.recall).toBeGreaterThanOrEqual(0.74);
  });
});
