/**
 * Scores the engine on the labelled corpus. Shared by `npm run eval` (which prints) and the corpus
 * test (which asserts the floors), so both measure the same thing.
 */
import { Analysis } from '../../server/src/engine/context.js';
import { lint, VOCAB } from '../../server/src/engine/lint.js';
import { parseMarkdown } from '../../server/src/engine/markdown.js';
import { RULES } from '../../server/src/engine/rules/index.js';
import { normalizeLiteral } from '../../server/src/engine/normalize.js';
import { findTerms, type TermMatcher } from '../../server/src/engine/vocab.js';

export interface Passage {
  id: string;
  lang: 'zh-Hans' | 'zh-Hant' | 'en';
  text: string;
  source: string;
  labels: string[];
  statesNeed: boolean;
  statesOffline: boolean;
  note?: string;
}

export type Split = 'dev' | 'heldout';

/** About one passage in five is held out, chosen by a hash of its id so nobody picks them. */
export function splitOf(id: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 5 === 0 ? 'heldout' : 'dev';
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
  positives: number;
}

export interface Outcome {
  passage: Passage;
  predicted: string[];
  falsePositives: string[];
  falseNegatives: string[];
  /** The text of each predicted finding, for the error listing. */
  evidence: Record<string, string[]>;
  /** Whether the engine finds a term of the `need` and of the `offline` safeguard set in the passage. */
  needFound: boolean;
  offlineFound: boolean;
}

/** Whether a safeguard set has a hit in the passage's prose, as a rule would count it (negation included). */
function setFound(analysis: Analysis, setId: string): boolean {
  const set = VOCAB.sets.get(setId);
  if (!set) throw new Error(`The vocabulary has no safeguard set "${setId}".`);
  return analysis.hits(set.matchers, { negation: set.negatable ? 'safeguard' : 'none' }).length > 0;
}

export function score(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1, positives: c.tp + c.fn };
}

export const RULE_IDS = RULES.map((r) => r.id);

export function parseCorpus(text: string, file: string): Passage[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as Passage;
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not valid JSON: ${(error as Error).message}`);
      }
    });
}

export function evaluate(passages: Passage[]): Outcome[] {
  return passages.map((passage) => {
    const result = lint(passage.text);
    const evidence: Record<string, string[]> = {};
    for (const f of result.findings) {
      if (!RULE_IDS.includes(f.ruleId)) continue;
      (evidence[f.ruleId] ??= []).push(f.text);
    }
    const predicted = Object.keys(evidence).sort();
    const analysis = new Analysis(parseMarkdown(passage.text, { blockquotes: true }), VOCAB);
    return {
      passage,
      predicted,
      falsePositives: predicted.filter((r) => !passage.labels.includes(r)),
      falseNegatives: passage.labels.filter((r) => !predicted.includes(r)),
      evidence,
      needFound: setFound(analysis, 'need'),
      offlineFound: setFound(analysis, 'offline'),
    };
  });
}

/** Micro-averaged counts over (passage, rule) pairs, optionally for one rule. */
export function counts(outcomes: Outcome[], rule?: string): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const o of outcomes) {
    for (const r of rule ? [rule] : RULE_IDS) {
      const gold = o.passage.labels.includes(r);
      const hit = o.predicted.includes(r);
      if (gold && hit) c.tp++;
      else if (hit) c.fp++;
      else if (gold) c.fn++;
    }
  }
  return c;
}

/** How well the engine's evidence agrees with the `statesNeed` / `statesOffline` labels. */
export function evidenceCounts(outcomes: Outcome[], which: 'need' | 'offline'): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const o of outcomes) {
    const gold = which === 'need' ? o.passage.statesNeed : o.passage.statesOffline;
    const found = which === 'need' ? o.needFound : o.offlineFound;
    if (gold && found) c.tp++;
    else if (found) c.fp++;
    else if (gold) c.fn++;
  }
  return c;
}

/** What adding one trigger term to a rule would change on some passages. */
export interface TermEffect {
  /** Passages whose normalised text the term matches at all. */
  matches: number;
  /** Passages the rule newly flags that are labelled with it, and that are not. */
  gainedRight: string[];
  gainedWrong: string[];
}

/** Runs `fn` with `matcher` added to `rule`'s triggers, and restores them afterwards, even on failure. */
export function withTrigger<T>(matcher: TermMatcher, rule: string, fn: () => T): T {
  const triggers = VOCAB.triggers.get(rule);
  if (!triggers) throw new Error(`The vocabulary has no rule "${rule}".`);
  triggers.push(matcher);
  try {
    return fn();
  } finally {
    triggers.splice(triggers.indexOf(matcher), 1);
  }
}

/**
 * Lints again, with `matcher` added to `rule`'s triggers, the passages the matcher can match, and
 * reports which of them the rule newly flags. `before` holds each passage's predicted rules
 * without the term.
 */
export function termEffect(matcher: TermMatcher, rule: string, passages: Passage[], before: Map<string, string[]>): TermEffect {
  const touched = passages.filter((p) => findTerms(matcher, normalizeLiteral(p.text)).length > 0);
  const gained = withTrigger(matcher, rule, () => evaluate(touched)).filter((o) => o.predicted.includes(rule) && !(before.get(o.passage.id) ?? []).includes(rule));
  return {
    matches: touched.length,
    gainedRight: gained.filter((o) => o.passage.labels.includes(rule)).map((o) => o.passage.id),
    gainedWrong: gained.filter((o) => !o.passage.labels.includes(rule)).map((o) => o.passage.id),
  };
}
