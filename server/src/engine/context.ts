import type { Block, ParsedDocument, Section } from './markdown.js';
import { sentenceAt } from './markdown.js';
import type { CompiledSet, CompiledVocab } from './compiled.js';
import { findTerms, type TermEntry, type TermMatcher } from './vocab.js';
import type { Rule } from './rule.js';
import type { Scope } from './types.js';

/** A place in a block's normalised text, with its source range. */
export interface Hit {
  block: Block;
  start: number;
  end: number;
  srcStart: number;
  srcEnd: number;
  sentence: number;
  entry: TermEntry;
}

export interface Answer {
  answered: boolean;
  /** The safeguard sets of the closest group that were not found. */
  missing: string[];
  /** Headings of dedicated sections for a missing set that exist but are still placeholders. */
  unfilled: string[];
}

export interface Report {
  hit: Hit;
  answer: Answer;
}

/** What a rule sees: its triggers, already cleared of negated ones, and the evidence around them. */
export interface RuleContext {
  rule: Rule;
  triggers(): Hit[];
  answer(hit: Hit): Answer;
  report(hit: Hit, answer: Answer): void;
}

// An enumeration with 、 stays in one clause, so 杜绝以下载量、打卡考核 negates both.
const CLAUSE_END = /[,，:;。!?|]/;
const PLACEHOLDER = /【待填写:[^】]*】|\[to fill in:[^\]]*\]/g;
/** How far before a term a negation cue still governs it: triggers are often negated from afar (不盲目追求最先进), safeguards only up close (不设线下窗口). */
const NEGATION_WINDOW = { trigger: { zh: 10, en: 40 }, safeguard: { zh: 4, en: 16 } };
const AFTER_WINDOW = 10;

export class Analysis {
  private readonly setHits = new Map<string, Hit[]>();
  private readonly dedicated = new Map<string, { filled: Section[]; unfilled: Section[] }>();
  private readonly placeholders: Array<Array<[number, number]>>;
  /** Extra safeguard terms from the configuration, per rule. */
  private readonly customSafeguards = new Map<string, TermMatcher[]>();

  constructor(
    readonly doc: ParsedDocument,
    readonly vocab: CompiledVocab,
  ) {
    this.placeholders = doc.blocks.map((b) => [...b.norm.text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length] as [number, number]));
  }

  setCustomSafeguards(ruleId: string, matchers: TermMatcher[]): void {
    this.customSafeguards.set(ruleId, matchers);
  }

  /** All hits of some matchers across the document, outside placeholders, and not negated where that matters. */
  hits(matchers: TermMatcher[], options: { negation: 'trigger' | 'safeguard' | 'none'; context?: TermMatcher[] }): Hit[] {
    const out: Hit[] = [];
    for (const block of this.doc.blocks) {
      for (const matcher of matchers) {
        for (const t of findTerms(matcher, block.norm.text)) {
          if (this.inPlaceholder(block, t.start)) continue;
          if (options.negation !== 'none' && this.isNegated(block, t.start, t.end, options.negation)) continue;
          if (t.entry.context && !this.sentenceHas(block, t.start, options.context ?? [])) continue;
          out.push(this.toHit(block, t.start, t.end, t.entry));
        }
      }
    }
    return out;
  }

  private sentenceHas(block: Block, at: number, matchers: TermMatcher[]): boolean {
    const s = sentenceAt(block, at);
    const sentence = block.norm.text.slice(block.sentenceStarts[s], block.sentenceStarts[s + 1]);
    return matchers.some((m) => findTerms(m, sentence).length > 0);
  }

  toHit(block: Block, start: number, end: number, entry: TermEntry): Hit {
    return {
      block,
      start,
      end,
      srcStart: block.norm.starts[start]!,
      srcEnd: block.norm.ends[end - 1]!,
      sentence: sentenceAt(block, start),
      entry,
    };
  }

  inPlaceholder(block: Block, at: number): boolean {
    return this.placeholders[block.index]!.some(([s, e]) => at >= s && at < e);
  }

  /**
   * A term is negated when a negation cue governs it in its clause ("不盲目追求最先进"), a cue right
   * after it denies it ("大屏不是目的"), or its sentence criticises the practice ("沦为形象工程").
   */
  isNegated(block: Block, start: number, end: number, kind: 'trigger' | 'safeguard' = 'trigger'): boolean {
    const text = block.norm.text;
    let clauseStart = start;
    while (clauseStart > 0 && !CLAUSE_END.test(text[clauseStart - 1]!)) clauseStart--;
    let clauseEnd = end;
    while (clauseEnd < text.length && !CLAUSE_END.test(text[clauseEnd]!)) clauseEnd++;
    const isZh = /[\u3400-\u9fff]/.test(text.slice(start, end)) || /[\u3400-\u9fff]/.test(text[start - 1] ?? '');
    const window = NEGATION_WINDOW[kind];
    const from = Math.max(clauseStart, start - (isZh ? window.zh : window.en));
    const before = text.slice(from, start);
    if (this.vocab.negation.before.some((m) => findTerms(m, before).length > 0)) return true;
    const clause = text.slice(clauseStart, start);
    if (this.vocab.negation.beforeClause.some((m) => findTerms(m, clause).length > 0)) return true;
    if (kind === 'safeguard') return false;
    const after = text.slice(end, Math.min(clauseEnd, end + (isZh ? AFTER_WINDOW : AFTER_WINDOW * 3)));
    if (this.vocab.negation.after.some((m) => findTerms(m, after).some((h) => h.start <= 3))) return true;
    const s = sentenceAt(block, start);
    const sStart = block.sentenceStarts[s]!;
    const sEnd = block.sentenceStarts[s + 1]!;
    const sentence = text.slice(sStart, sEnd);
    return this.vocab.negation.critique.some((m) =>
      findTerms(m, sentence).some((h) => h.end + sStart <= start || h.start + sStart >= end),
    );
  }

  safeguardHits(setId: string): Hit[] {
    let hits = this.setHits.get(setId);
    if (!hits) {
      const set = this.set(setId);
      // The heading of a dedicated section only names the topic: its body is what answers, and
      // dedicatedSections() weighs that, so an unfilled scaffold never counts through its heading.
      const { filled, unfilled } = this.dedicatedSections(setId);
      const headingBlocks = new Set([...filled, ...unfilled].map((section) => section.headingBlock));
      hits = this.hits(set.matchers, { negation: set.negatable ? 'safeguard' : 'none' }).filter((h) => !headingBlocks.has(h.block.index));
      this.setHits.set(setId, hits);
    }
    return hits;
  }

  set(setId: string): CompiledSet {
    const set = this.vocab.sets.get(setId);
    if (!set) throw new Error(`Unknown safeguard set "${setId}".`);
    return set;
  }

  /** Sections whose heading marks them as answering a set for the whole document. */
  dedicatedSections(setId: string): { filled: Section[]; unfilled: Section[] } {
    let found = this.dedicated.get(setId);
    if (!found) {
      found = { filled: [], unfilled: [] };
      const set = this.set(setId);
      for (const section of this.doc.sections) {
        if (section.headingBlock === null) continue;
        const heading = this.doc.blocks[section.headingBlock]!;
        if (!set.headings.some((m) => findTerms(m, heading.norm.text).length > 0)) continue;
        (this.hasContent(section) ? found.filled : found.unfilled).push(section);
      }
      this.dedicated.set(setId, found);
    }
    return found;
  }

  /** True when a section holds prose beyond its heading and any placeholders. */
  private hasContent(section: Section): boolean {
    return this.doc.blocks.some((b) => {
      if (b.index === section.headingBlock || b.start < section.start || b.start >= section.end) return false;
      const text = b.norm.text.replace(PLACEHOLDER, '').replace(/[\s\p{P}\ufffc]/gu, '');
      return text.length > 0;
    });
  }

  /** The section and its subsections contain the block. */
  inSection(section: Section, block: Block): boolean {
    return block.start >= section.start && block.start < section.end;
  }

  sectionOf(block: Block): Section {
    return this.doc.sections[block.section]!;
  }

  /**
   * The section a safeguard is sought in: the chapter that holds the block, that is its ancestor
   * at the document's chapter level (the highest heading level used more than once), with all its
   * subsections. A need stated in "## 停车诱导" thus answers a claim in its "### 技术路线".
   */
  scopeOf(block: Block): Section {
    let section = this.sectionOf(block);
    const chapter = this.chapterLevel();
    while (section.parent > 0 && section.depth > chapter) section = this.doc.sections[section.parent]!;
    return section;
  }

  private chapter: number | null = null;

  private chapterLevel(): number {
    if (this.chapter === null) {
      const counts = new Map<number, number>();
      for (const s of this.doc.sections) if (s.depth > 0) counts.set(s.depth, (counts.get(s.depth) ?? 0) + 1);
      const repeated = [...counts].filter(([, n]) => n > 1).map(([d]) => d);
      this.chapter = repeated.length > 0 ? Math.min(...repeated) : 6;
    }
    return this.chapter;
  }

  /** Whether a hit of `setId` answers the trigger, within the narrower of `scope` and the set's own limit. */
  found(setId: string, trigger: Hit, scope: Scope): boolean {
    const set = this.set(setId);
    const effective = narrower(scope, set.maxScope);
    const inScope = (h: Hit): boolean => {
      switch (effective) {
        case 'sentence':
          return h.block === trigger.block && h.sentence === trigger.sentence;
        case 'paragraph':
          return h.block === trigger.block;
        case 'section':
          return this.inSection(this.scopeOf(trigger.block), h.block);
        case 'document':
          return true;
      }
    };
    if (this.safeguardHits(setId).some(inScope)) return true;
    if (effective === 'section' || effective === 'document') return this.dedicatedSections(setId).filled.length > 0;
    return false;
  }

  customFound(ruleId: string, trigger: Hit, scope: Scope): boolean {
    const matchers = this.customSafeguards.get(ruleId);
    if (!matchers || matchers.length === 0) return false;
    const key = `custom:${ruleId}`;
    let hits = this.setHits.get(key);
    if (!hits) {
      hits = this.hits(matchers, { negation: 'safeguard' });
      this.setHits.set(key, hits);
    }
    return hits.some((h) => {
      if (scope === 'sentence') return h.block === trigger.block && h.sentence === trigger.sentence;
      if (scope === 'paragraph') return h.block === trigger.block;
      if (scope === 'section') return this.inSection(this.scopeOf(trigger.block), h.block);
      return true;
    });
  }
}

const ORDER: Scope[] = ['sentence', 'paragraph', 'section', 'document'];

function narrower(a: Scope, b: Scope): Scope {
  return ORDER[Math.min(ORDER.indexOf(a), ORDER.indexOf(b))]!;
}
