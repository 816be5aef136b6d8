/**
 * Vocabulary data and its compiler. Terms are written in normalised form (Simplified, lower case,
 * half-width) in a small syntax: `(a|b)` alternatives, `(...)?` optional, `…` a short gap inside one
 * sentence, a space for an optional space or hyphen. Everything else is literal. A `regex` entry is
 * used as it is, for the few cases the syntax cannot say.
 */

export type VocabLanguage = 'zh' | 'en';

export interface TermEntry {
  term?: string;
  regex?: string;
  /** How deleting the term resolves the finding: `attributive` takes the following 的 or space with it (only when one follows); `delete` removes the term alone. */
  fix?: 'attributive' | 'delete';
  /** The term is a trigger only when a term of the rule's `context` list stands in the same sentence. */
  context?: boolean;
  /** For a heading: the section answers only if its body also holds a term of the set. */
  weak?: boolean;
}

export interface RuleVocab {
  rule: string;
  lang: VocabLanguage;
  triggers: TermEntry[];
  /** Words that make a `context: true` trigger about technology (领先 alone may be about the economy). */
  context?: TermEntry[];
  examples: { flagged: string[]; accepted: string[] };
  /** Examples a trigger carries beside it in the YAML: tested like `examples`, but not shown in the rule's documentation. */
  termExamples?: { flagged: string[]; accepted: string[] };
}

export interface SafeguardVocab {
  set: string;
  lang: VocabLanguage;
  /** What the set stands for, as a finding names it. */
  label: string;
  /** The section a scaffold inserts, and the placeholder it leaves for the author. */
  scaffold: { heading: string; prompt: string };
  /** False where a negated phrase still answers: a need is often a problem stated negatively (居民无法…). */
  negatable?: boolean;
  /** The widest scope in which a hit counts, whatever the rule's scope. */
  maxScope?: 'sentence' | 'paragraph' | 'section' | 'document';
  terms: TermEntry[];
  /** Headings that mark a dedicated section answering this for the whole document. */
  headings: TermEntry[];
  examples: { found: string[]; notFound: string[] };
}

export interface NegationVocab {
  lang: VocabLanguage;
  /** Cues shortly before the term in the same clause (不, not). */
  before: TermEntry[];
  /** Prohibitions that govern the whole rest of their clause (不得…、…、…; must not … or …). */
  beforeClause?: TermEntry[];
  /** Cues right after the term in the same clause. */
  after: TermEntry[];
  /** Cues anywhere in the sentence that mark it as a critique of the practice. */
  critique: TermEntry[];
  /** Strong cues that mark a whole paragraph as a critique (乱象, 形式主义, a lawsuit, a fiasco). */
  critiqueParagraph?: TermEntry[];
  examples: { negated: string[]; plain: string[] };
}

export interface ChecklistVocab {
  lang: VocabLanguage;
  items: Record<string, TermEntry[]>;
}

export interface VocabData {
  /** Regional words folded to one form before matching (数位→数字). */
  variants: Array<[string, string]>;
  rules: RuleVocab[];
  safeguards: SafeguardVocab[];
  negations: NegationVocab[];
  checklist: ChecklistVocab[];
}

/** A compiled list of terms: one regular expression whose k-th group is the k-th entry. */
export interface TermMatcher {
  regex: RegExp;
  entries: TermEntry[];
  /**
   * True when every entry is a `term`: then no match can contain a `|` (the syntax has no literal
   * one and its gaps stop at it), so blocks joined with `|` can be scanned in one pass.
   */
  joinable: boolean;
}

export interface TermHit {
  start: number;
  end: number;
  entry: TermEntry;
}

const GAP: Record<VocabLanguage, string> = {
  zh: '[^。!?;|,:]{0,12}?',
  en: '[^.!?;|]{0,30}?',
};

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** An English word gets its common inflections; short words and acronyms stay exact. */
function inflect(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('e')) return `${word.slice(0, -1)}(?:e|es|ed|ing)`;
  if (word.endsWith('y')) return `${word.slice(0, -1)}(?:y|ies|ied|ying)`;
  return `${word}(?:s|es|ed|ing)?`;
}

export function compileTerm(term: string, lang: VocabLanguage): string {
  let out = '';
  let word = '';
  const flush = (): void => {
    if (word) out += lang === 'en' ? inflect(word) : word;
    word = '';
  };
  for (const ch of term) {
    if (/[a-z]/.test(ch)) {
      word += ch;
      continue;
    }
    if (ch === '?' && word) {
      // A question mark after a letter makes that letter optional, as in a regular expression.
      const last = word.slice(-1);
      word = word.slice(0, -1);
      flush();
      out += `${last}?`;
      continue;
    }
    flush();
    if (ch === '(') out += '(?:';
    else if (ch === ')' || ch === '|') out += ch;
    else if (ch === '?') out += '?';
    else if (ch === '…') out += GAP[lang];
    else if (ch === ' ' || ch === '-') out += '[ -]?';
    else out += escapeChar(ch);
  }
  flush();
  // Latin edges must not sit inside a longer Latin word; Chinese edges need no boundary.
  const head = /^[(]*[a-z0-9]/.test(term) ? '(?<![a-z0-9])' : '';
  const tail = /[a-z0-9][)?]*$/.test(term) ? '(?![a-z0-9])' : '';
  return `${head}(?:${out})${tail}`;
}

function entrySource(entry: TermEntry, lang: VocabLanguage): string {
  if (entry.regex !== undefined) return entry.regex;
  if (entry.term !== undefined) return compileTerm(entry.term, lang);
  throw new Error('A vocabulary entry needs `term` or `regex`.');
}

export function compileTerms(entries: TermEntry[], lang: VocabLanguage): TermMatcher | null {
  if (entries.length === 0) return null;
  const source = entries.map((e) => `(${entrySource(e, lang)})`).join('|');
  const joinable = entries.every((e) => e.regex === undefined || joinableRegex(e.regex));
  return { regex: new RegExp(source, 'gu'), entries, joinable };
}

/**
 * Whether a `regex` entry can be scanned over blocks joined with `|` (see Analysis.scanAll): no
 * match may contain `|`, and its assertions must read `|` as they read a text's edge. That holds
 * when it has no `.`, no anchor, no negated escape (\W, \S, \D, \P), no literal `|`, and every
 * negated class excludes `|`. Compiled terms satisfy this by construction.
 */
export function joinableRegex(source: string): boolean {
  // An escape that stands for `|` itself, however it is written.
  const escapedBar = (at: number): boolean => /^(?:\||x7c|u007c|u\{0*7c\})/i.test(source.slice(at + 1, at + 9));
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (escapedBar(i) || /[WSDP]/.test(source[i + 1] ?? '')) return false;
      i++;
    } else if (c === '[') {
      let j = i + 1;
      const negated = source[j] === '^';
      let hasBar = false;
      for (; j < source.length && source[j] !== ']'; j++) {
        if (source[j] === '\\') {
          if (escapedBar(j)) hasBar = true;
          if (!negated && /[WSDP]/.test(source[j + 1] ?? '')) return false;
          j++;
        } else if (source[j] === '|') hasBar = true;
      }
      if (negated !== hasBar) return false;
      i = j;
    } else if (c === '.' || c === '^' || c === '$') {
      return false;
    }
  }
  return true;
}

export function findTerms(matcher: TermMatcher | null, text: string): TermHit[] {
  if (!matcher) return [];
  const hits: TermHit[] = [];
  // exec on the matcher's own global regex visits the same matches as matchAll, which clones the
  // regex on every call (several times the cost of the scan itself on short blocks). An empty match
  // steps on by one code point, as matchAll does under the `u` flag.
  const regex = matcher.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      const at = regex.lastIndex;
      const c = text.charCodeAt(at);
      regex.lastIndex = at + (regex.unicode && c >= 0xd800 && c <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
      continue;
    }
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    hits.push({ start: m.index, end: m.index + m[0].length, entry: matcher.entries[k - 1]! });
  }
  regex.lastIndex = 0;
  return hits;
}

/** Literal terms written here must already be in normalised form, or they could never match. */
const ENTRY_KEYS = new Set(['term', 'regex', 'fix', 'context', 'weak']);

export function termProblems(entry: TermEntry, lang: VocabLanguage, normalizeLiteral: (s: string) => string): string[] {
  const problems: string[] = [];
  // A misplaced key (an example under `context:`, a misspelt `regexp`) would otherwise be carried along unused.
  const unknown = Object.keys(entry).filter((key) => !ENTRY_KEYS.has(key));
  if (unknown.length > 0) problems.push(`has ${unknown.map((k) => `"${k}"`).join(', ')}, which an entry here cannot carry (only ${[...ENTRY_KEYS].join(', ')})`);
  if ((entry.term === undefined) === (entry.regex === undefined)) {
    problems.push('needs exactly one of `term` and `regex`');
    return problems;
  }
  const source = entry.term ?? entry.regex!;
  if (entry.term !== undefined && /[\\[\]{}+*^$]/.test(entry.term)) {
    problems.push(`"${entry.term}" uses regular-expression syntax in a term; write it as a \`regex\` entry`);
  }
  if (entry.term !== undefined) {
    for (const word of entry.term.split(/[()|?…]/).map((w) => w.trim()).filter(Boolean)) {
      const normal = normalizeLiteral(word);
      if (normal !== word) problems.push(`"${word}" in "${entry.term}" is not in normalised form, so it can never match; write "${normal}"`);
    }
    if (lang === 'en' && /\p{Script=Han}/u.test(entry.term)) problems.push(`"${entry.term}" is Chinese in an English list`);
  }
  try {
    new RegExp(entrySource(entry, lang), 'u');
  } catch (e) {
    problems.push(`"${source}" does not compile: ${(e as Error).message}`);
  }
  return problems;
}

/** A phrase from the configuration, matched literally (after normalisation) on word edges. */
export function literalEntry(normalizedPhrase: string): TermEntry {
  const escaped = [...normalizedPhrase].map(escapeChar).join('');
  const head = /^[a-z0-9]/.test(normalizedPhrase) ? '(?<![a-z0-9])' : '';
  const tail = /[a-z0-9]$/.test(normalizedPhrase) ? '(?![a-z0-9])' : '';
  return { regex: `${head}${escaped}${tail}` };
}
