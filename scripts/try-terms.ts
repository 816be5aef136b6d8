/**
 * npm run try-terms -- <proposal.yaml | folder> …: measures proposed trigger terms, one at a time,
 * on the development split of test/corpus before they join the vocabulary. For each term it
 * prints whether its own examples behave, how many development passages it newly flags for its
 * rule, and which of those the labels call right (+tp) or wrong (+fp), with their ids.
 *
 * It never lints a held-out passage, so choosing terms by its output cannot tune on the held-out
 * split. A proposal file looks like a rule's vocabulary file:
 *
 *   rule: digital-only
 *   lang: zh
 *   add:
 *     - { term: 只有…才能…, why: …, flagged: an example it must match, accepted: one it must not }
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluate, parseCorpus, splitOf, termEffect, withTrigger, type Passage } from '../test/corpus/evaluate.js';
import { lint } from '../server/src/engine/lint.js';
import vocabData from '../server/src/engine/generated/vocab.json';
import { normalizeLiteral, setRegionalVariants } from '../server/src/engine/normalize.js';
import { compileTerms, findTerms, termProblems, type TermEntry, type VocabData, type VocabLanguage } from '../server/src/engine/vocab.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { fillSlots, readSlots } from './slots.js';

interface ProposedEntry extends TermEntry {
  why?: string;
  flagged?: string;
  accepted?: string;
}

interface Proposal {
  rule: string;
  lang: VocabLanguage;
  add: ProposedEntry[];
  slots?: Record<string, string[]>;
  /** Regional variant pairs the terms rely on (server/vocab/variants.zh.yaml). */
  variants?: Array<[string, string]>;
}

const root = process.cwd();
const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('Usage: npm run try-terms -- <proposal.yaml | folder> …  (a folder means every .yaml file in it)');
  process.exit(2);
}
const files = args.flatMap((a) => (statSync(a).isDirectory() ? readdirSync(a).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(a, f)) : [a]));

const corpusDir = join(root, 'test/corpus');
const dev: Passage[] = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => parseCorpus(readFileSync(join(corpusDir, f), 'utf8'), f))
  .filter((p) => splitOf(p.id) === 'dev');
const predictions = (): Map<string, string[]> => new Map(evaluate(dev).map((o) => [o.passage.id, o.predicted]));
const plainBaseline = predictions();
const labelsOf = new Map(dev.map((p) => [p.id, p.labels]));

const problems: string[] = [];
const slots = readSlots(root, problems);
const ruleIds = new Set(RULES.map((r) => r.id));
let total = { terms: 0, tp: 0, fp: 0 };

for (const file of files) {
  let proposal: Proposal;
  try {
    proposal = parseYaml(readFileSync(file, 'utf8')) as Proposal;
  } catch (error) {
    console.error(`${file}: not valid YAML: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!ruleIds.has(proposal.rule) || (proposal.lang !== 'zh' && proposal.lang !== 'en') || !Array.isArray(proposal.add)) {
    console.error(`${file}: needs "rule" (one of the catalogue's ids), "lang" (zh or en) and an "add" list.`);
    process.exit(2);
  }
  // A proposal may widen word classes; its terms are measured with the widened classes.
  const words = new Map(slots[proposal.lang]);
  for (const [name, extra] of Object.entries(proposal.slots ?? {})) {
    const old = words.get(name);
    words.set(name, [old, ...extra.map(normalizeLiteral)].filter(Boolean).join('|'));
  }
  const basePairs = (vocabData as unknown as VocabData).variants;
  setRegionalVariants([...basePairs, ...(proposal.variants ?? [])]);
  // Variant pairs change how every passage reads, so the file's terms are measured against a baseline that has them.
  const baseline = proposal.variants?.length ? predictions() : plainBaseline;
  console.log(`\n## ${file}: ${proposal.rule} (${proposal.lang}), ${proposal.add.length} terms\n`);
  for (const proposed of proposal.add) {
    const { why: _why, flagged, accepted, ...entry } = proposed;
    const shown = entry.term ?? entry.regex ?? '?';
    if (entry.term !== undefined) entry.term = fillSlots(entry.term, words, () => {}, (name) => problems.push(`${file}: "${shown}" uses {${name}}, an unknown word class`));
    const wrong = termProblems(entry, proposal.lang, normalizeLiteral);
    if (wrong.length > 0) {
      console.log(`- \`${shown}\`: SKIPPED, ${wrong.join('; ')}`);
      continue;
    }
    const matcher = compileTerms([entry], proposal.lang)!;
    // Examples go through the whole engine, so a near miss that negation or a safeguard answers passes.
    const flags = (text: string): boolean => lint(text).findings.some((f) => f.ruleId === proposal.rule);
    const examples = withTrigger(matcher, proposal.rule, () => [
      flagged !== undefined && !flags(flagged) ? 'flagged example is not flagged' : '',
      accepted !== undefined && flags(accepted) ? 'accepted example is flagged' : '',
    ]).filter(Boolean);
    const { matches, gainedRight: tp, gainedWrong: fp } = termEffect(matcher, proposal.rule, dev, baseline);
    total = { terms: total.terms + 1, tp: total.tp + tp.length, fp: total.fp + fp.length };
    // A wrong gain labelled with other rules often means the term belongs to one of those.
    const ids = [...tp.map((id) => `+${id}`), ...fp.map((id) => `-${id}${labelsOf.get(id)!.length ? `[${labelsOf.get(id)!.join(',')}]` : ''}`)].join(' ');
    console.log(`- \`${shown}\`: matches ${matches}, +tp ${tp.length}, +fp ${fp.length}${ids ? ` (${ids})` : ''}${examples.length ? `; ${examples.join(', ')}` : ''}`);
  }
}
if (problems.length > 0) console.log(`\n${problems.join('\n')}`);
console.log(`\n${total.terms} terms measured on ${dev.length} development passages: +tp ${total.tp}, +fp ${total.fp} (each term alone; together they overlap).`);
