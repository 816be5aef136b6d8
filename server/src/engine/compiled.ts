import { compileTerms, type TermEntry, type TermMatcher, type VocabData, type VocabLanguage } from './vocab.js';
import type { Localized } from './i18n.js';

export interface CompiledSet {
  id: string;
  negatable: boolean;
  matchers: TermMatcher[];
  headings: TermMatcher[];
  maxScope: 'sentence' | 'paragraph' | 'section' | 'document';
  label: Localized;
  headingExamples: Localized;
  scaffold: { heading: Localized; prompt: Localized };
}

export interface CompiledNegation {
  before: TermMatcher[];
  beforeClause: TermMatcher[];
  after: TermMatcher[];
  critique: TermMatcher[];
  critiqueParagraph: TermMatcher[];
}

export interface CompiledVocab {
  triggers: Map<string, TermMatcher[]>;
  /** Per rule, the words a `context: true` trigger needs in its sentence. */
  contexts: Map<string, TermMatcher[]>;
  sets: Map<string, CompiledSet>;
  negation: CompiledNegation;
  checklist: Map<string, TermMatcher[]>;
  /** The matchers run over whole blocks (triggers, safeguards, their headings, checklist), which block memos index. */
  matchers: Set<TermMatcher>;
}

const LANGS: VocabLanguage[] = ['zh', 'en'];

/** A term as a person reads it: optional parts dropped, alternatives joined with a slash. */
export function readableTerm(entry: TermEntry): string {
  if (entry.term === undefined) return '';
  return entry.term
    .replace(/\([^()]*\)\?/g, '')
    .replace(/\(([^()]*)\)/g, (_, alts: string) => alts.split('|').join('/'))
    .replace(/…/g, '…')
    .trim();
}

function both(get: (lang: VocabLanguage) => TermEntry[]): TermMatcher[] {
  return LANGS.map((lang) => compileTerms(get(lang), lang)).filter((m): m is TermMatcher => m !== null);
}

export function compileVocab(data: VocabData): CompiledVocab {
  const triggers = new Map<string, TermMatcher[]>();
  const contexts = new Map<string, TermMatcher[]>();
  for (const ruleId of new Set(data.rules.map((r) => r.rule))) {
    const of = (lang: VocabLanguage) => data.rules.find((r) => r.rule === ruleId && r.lang === lang);
    triggers.set(ruleId, both((lang) => of(lang)?.triggers ?? []));
    contexts.set(ruleId, both((lang) => of(lang)?.context ?? []));
  }
  const sets = new Map<string, CompiledSet>();
  for (const setId of new Set(data.safeguards.map((s) => s.set))) {
    const of = (lang: VocabLanguage) => data.safeguards.find((s) => s.set === setId && s.lang === lang);
    const zh = of('zh');
    const en = of('en');
    if (!zh || !en) throw new Error(`Safeguard set "${setId}" needs both a zh and an en file.`);
    sets.set(setId, {
      id: setId,
      negatable: zh.negatable !== false && en.negatable !== false,
      matchers: both((lang) => of(lang)?.terms ?? []),
      headings: both((lang) => of(lang)?.headings ?? []),
      maxScope: of('zh')?.maxScope ?? of('en')?.maxScope ?? 'document',
      label: { zh: zh.label, en: en.label },
      headingExamples: {
        zh: (of('zh')?.headings ?? []).slice(0, 5).map(readableTerm).filter(Boolean).join('、'),
        en: (of('en')?.headings ?? []).slice(0, 5).map(readableTerm).filter(Boolean).join(', '),
      },
      scaffold: {
        heading: { zh: zh.scaffold.heading, en: en.scaffold.heading },
        prompt: { zh: zh.scaffold.prompt, en: en.scaffold.prompt },
      },
    });
  }
  const neg = (lang: VocabLanguage) => data.negations.find((n) => n.lang === lang);
  const negation: CompiledNegation = {
    before: both((lang) => neg(lang)?.before ?? []),
    beforeClause: both((lang) => neg(lang)?.beforeClause ?? []),
    after: both((lang) => neg(lang)?.after ?? []),
    critique: both((lang) => neg(lang)?.critique ?? []),
    critiqueParagraph: both((lang) => neg(lang)?.critiqueParagraph ?? []),
  };
  const checklist = new Map<string, TermMatcher[]>();
  const ids = new Set(data.checklist.flatMap((c) => Object.keys(c.items)));
  for (const id of ids) {
    checklist.set(id, both((lang) => data.checklist.find((c) => c.lang === lang)?.items[id] ?? []));
  }
  const matchers = new Set([...[...triggers.values()].flat(), ...[...sets.values()].flatMap((s) => [...s.matchers, ...s.headings]), ...[...checklist.values()].flat()]);
  return { triggers, contexts, sets, negation, checklist, matchers };
}
