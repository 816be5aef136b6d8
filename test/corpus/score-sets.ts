/**
 * Scores each corpus set separately (the first corpus, set B, set C, ... by file name), overall and
 * per language, for both hashed splits together and for each split. `npm run eval` reports the
 * splits; this reports the sets, so a fresh set's first score can be read off before any tuning:
 *   node scripts/run-ts.mjs test/corpus/score-sets.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { counts, evaluate, parseCorpus, score, splitOf, type Outcome } from './evaluate.js';

const dir = join(process.cwd(), 'test/corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const setOf = (file: string): string => {
  const m = /-([a-z])\.jsonl$/.exec(file);
  return m?.[1] ? `set ${m[1].toUpperCase()}` : 'first corpus';
};
const bySet = new Map<string, Outcome[]>();
for (const f of files) {
  const outcomes = evaluate(parseCorpus(readFileSync(join(dir, f), 'utf8'), f));
  bySet.set(setOf(f), [...(bySet.get(setOf(f)) ?? []), ...outcomes]);
}
const fmt = (o: Outcome[]): string => {
  const s = score(counts(o));
  return `${String(o.length).padStart(4)} passages  P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
};
for (const [set, outcomes] of bySet) {
  console.log(`\n## ${set}`);
  for (const [name, part] of [
    ['all', outcomes],
    ['dev', outcomes.filter((o) => splitOf(o.passage.id) === 'dev')],
    ['held-out', outcomes.filter((o) => splitOf(o.passage.id) === 'heldout')],
  ] as const) {
    console.log(`${name.padEnd(9)} overall  ${fmt(part)}`);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const l = part.filter((o) => o.passage.lang === lang);
      if (l.length) console.log(`${''.padEnd(9)} ${lang.padEnd(7)}  ${fmt(l)}`);
    }
  }
}
