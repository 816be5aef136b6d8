/**
 * npm run eval: precision, recall and F1 of the engine on the labelled corpus in test/corpus,
 * per rule, per language and overall, for the development and held-out splits, followed by every
 * false positive and false negative with its text. Add --seeds to also lint the five source texts,
 * --documents to score whole documents labelled per block (test/documents), and --agreement to score
 * the second annotators' labels against the adjudicated ones.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { counts, evaluate, evidenceCounts, parseCorpus, RULE_IDS, score, splitOf, type Outcome, type Scores } from '../test/corpus/evaluate.js';
import { lint, VOCAB } from '../server/src/engine/lint.js';
import { normalizeLiteral } from '../server/src/engine/normalize.js';
import { findTerms } from '../server/src/engine/vocab.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { loadDocuments, scoreDocument, scoreVerdicts } from '../test/documents/score.js';

const root = process.cwd();
const corpusDir = join(root, 'test/corpus');
const passages = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => parseCorpus(readFileSync(join(corpusDir, f), 'utf8'), f));
const outcomes = evaluate(passages);
const pct = (x: number): string => x.toFixed(2);
const row = (name: string, s: Scores): string =>
  `| ${name.padEnd(22)} | ${String(s.positives).padStart(4)} | ${String(s.tp).padStart(4)} | ${String(s.fp).padStart(4)} | ${String(s.fn).padStart(4)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;
const header = ['| scope                  | gold |   tp |   fp |   fn | prec | rec  |  f1  |', '|---|---|---|---|---|---|---|---|'];

function table(title: string, subset: Outcome[]): void {
  console.log(`\n### ${title} (${subset.length} passages, ${subset.filter((o) => o.passage.labels.length === 0).length} with no label)\n`);
  console.log(header.join('\n'));
  console.log(row('overall', score(counts(subset))));
  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) console.log(row(lang, score(counts(subset.filter((o) => o.passage.lang === lang)))));
  for (const rule of RULE_IDS) console.log(row(rule, score(counts(subset, rule))));
  // The evidence behind the answers: does the engine find a stated need or offline alternative where the labels say there is one?
  console.log(row('evidence: need stated', score(evidenceCounts(subset, 'need'))));
  console.log(row('evidence: offline stated', score(evidenceCounts(subset, 'offline'))));
  const ci = bootstrap(subset);
  console.log(`\n95% interval over passages (1,000 resamples): precision ${pct(ci.precision[0])}–${pct(ci.precision[1])}, recall ${pct(ci.recall[0])}–${pct(ci.recall[1])}`);
}

/**
 * How far the overall figures could move by chance: precision and recall of passages resampled
 * with replacement, 2.5th and 97.5th percentiles. A small split (the held-out one) moves a lot.
 */
function bootstrap(subset: Outcome[]): { precision: [number, number]; recall: [number, number] } {
  let state = 12345;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const perPassage = subset.map((o) => counts([o]));
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (let r = 0; r < 1000; r++) {
    const total = { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < perPassage.length; i++) {
      const c = perPassage[Math.floor(random() * perPassage.length)]!;
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
    }
    const s = score(total);
    precisions.push(s.precision);
    recalls.push(s.recall);
  }
  const interval = (xs: number[]): [number, number] => {
    xs.sort((a, b) => a - b);
    return [xs[Math.floor(xs.length * 0.025)]!, xs[Math.floor(xs.length * 0.975)]!];
  };
  return { precision: interval(precisions), recall: interval(recalls) };
}

console.log(`# needfirst accuracy on test/corpus (${passages.length} passages)`);
table('development split', outcomes.filter((o) => splitOf(o.passage.id) === 'dev'));
table('held-out split', outcomes.filter((o) => splitOf(o.passage.id) === 'heldout'));
table('all', outcomes);

if (!process.argv.includes('--no-errors')) {
  const show = (o: Outcome): string => o.passage.text.replace(/\s+/g, ' ').slice(0, 220);
  console.log('\n## False positives\n');
  for (const o of outcomes) for (const r of o.falsePositives) console.log(`- ${o.passage.id} [${splitOf(o.passage.id)}] ${r} on "${(o.evidence[r] ?? []).join('", "')}": ${show(o)}`);
  console.log('\n## False negatives\n');
  // Each cause costs a lint, so it is found once per miss and used for the listing and the counts.
  const misses = outcomes.flatMap((o) => o.falseNegatives.map((r) => ({ o, r, cause: missCause(o, r) })));
  for (const { o, r, cause } of misses) console.log(`- ${o.passage.id} [${splitOf(o.passage.id)}] ${r} (${cause}): ${show(o)}`);
  console.log('\n## Why the false negatives were missed\n');
  for (const split of ['dev', 'heldout'] as const) {
    const causes = new Map<string, number>();
    for (const { o, cause } of misses) if (splitOf(o.passage.id) === split) causes.set(cause, (causes.get(cause) ?? 0) + 1);
    console.log(`- ${split}: ${[...causes].map(([cause, n]) => `${n} ${cause}`).join(', ') || 'none'}`);
  }
}

/**
 * Why a rule missed a passage: a safeguard answered its trigger (the passage is flagged when the
 * rule looks for no safeguard); a trigger term is in the text but negation, a critique or a
 * missing context word dismissed it; or no trigger term is there at all.
 */
function missCause(o: Outcome, ruleId: string): string {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) return 'unknown rule';
  const bare = lint(o.passage.text, { rules: [{ ...rule, safeguards: [] }] });
  if (bare.findings.some((f) => f.ruleId === ruleId)) return 'answered by a safeguard';
  const text = normalizeLiteral(o.passage.text);
  const present = (VOCAB.triggers.get(ruleId) ?? []).some((m) => findTerms(m, text).length > 0);
  return present ? 'trigger dismissed' : 'no trigger term';
}

if (process.argv.includes('--seeds')) {
  const seeds = join(root, '../shared/seeds');
  if (!existsSync(seeds)) {
    console.error(`\nThe seed texts are not at ${seeds}.`);
  } else {
    console.log('\n## The five source texts (critiques: few findings expected)\n');
    for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt')).sort()) {
      const r = lint(readFileSync(join(seeds, f), 'utf8'));
      const byRule = new Map<string, number>();
      for (const x of r.findings) byRule.set(x.ruleId, (byRule.get(x.ruleId) ?? 0) + 1);
      console.log(`- ${f}: ${r.findings.length} findings ${JSON.stringify(Object.fromEntries(byRule))}; checklist ${r.checklist.filter((c) => c.addressed).length}/10`);
      for (const x of r.findings) console.log(`    ${x.start.line}:${x.start.column} ${x.ruleId} ${x.text.replace(/\s+/g, '')}`);
    }
  }
}

if (process.argv.includes('--documents')) {
  const folder = process.env.NEEDFIRST_DOCUMENTS ?? join(root, 'test/documents');
  const { documents, labels, absent } = loadDocuments(folder);
  const results = documents.map((d) => scoreDocument(d, labels));
  const verdicts = results.flatMap((r) => r.verdicts);
  const characters = results.reduce((n, r) => n + r.characters, 0);
  console.log(`\n## Whole documents (${documents.length} files, ${characters} characters, labelled per block)\n`);
  if (absent.length > 0) console.log(`${absent.length} listed documents are not in ${folder}/files (their licence does not let us keep a copy); fetch them from the commits in sources.tsv to score them too.\n`);
  console.log(header.join('\n'));
  console.log(row('overall', scoreVerdicts(verdicts)));
  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) console.log(row(lang, scoreVerdicts(results.filter((r) => r.lang === lang).flatMap((r) => r.verdicts))));
  // Each set came in its own round, and later rounds were read before any change for them: a set's
  // own row says whether changes made on earlier sets carried over (test/documents/README.md).
  const setOf = (file: string): string => /^([b-z])-/.exec(file)?.[1] ?? 'a';
  for (const set of [...new Set(results.map((r) => setOf(r.file)))].sort()) {
    console.log(row(`set ${set}`, scoreVerdicts(results.filter((r) => setOf(r.file) === set).flatMap((r) => r.verdicts))));
  }
  for (const rule of RULE_IDS) console.log(row(rule, scoreVerdicts(verdicts.filter((v) => v.ruleId === rule))));
  const findings = results.reduce((n, r) => n + r.findings, 0);
  console.log(`\n${findings} findings, ${(findings / (characters / 10000)).toFixed(1)} per 10,000 characters.\n`);
  for (const r of results) {
    const s = scoreVerdicts(r.verdicts);
    console.log(`- ${r.file} (${r.lang}, ${r.characters} chars): ${r.findings} findings; tp ${s.tp} fp ${s.fp} fn ${s.fn}`);
    for (const v of r.verdicts.filter((x) => x.kind !== 'tp')) console.log(`    ${v.kind} ${v.line} ${v.ruleId}: ${v.text.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
}

if (process.argv.includes('--agreement')) {
  // The second annotators' labels scored as if they were predictions: how far a careful human gets
  // against the adjudicated labels. An upper bound, since adjudication sided with them in part.
  const second = new Map<string, string[]>();
  for (const f of readdirSync(corpusDir).filter((name) => name.startsWith('second-annotation') && name.endsWith('.jsonl.txt'))) {
    for (const line of readFileSync(join(corpusDir, f), 'utf8').split('\n').filter((l) => l.trim() !== '')) {
      const { id, labels } = JSON.parse(line) as { id: string; labels: string[] };
      second.set(id, labels);
    }
  }
  const human = outcomes.filter((o) => second.has(o.passage.id)).map((o) => ({ ...o, predicted: second.get(o.passage.id)! }));
  console.log(`\n## A second annotator against the adjudicated labels (${human.length} passages)\n`);
  console.log(header.join('\n'));
  console.log(row('overall', score(counts(human))));
  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) console.log(row(lang, score(counts(human.filter((o) => o.passage.lang === lang)))));
}
