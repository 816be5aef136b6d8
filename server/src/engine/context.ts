import type { Block, ParsedDocument, Section } from './markdown.js';
import { sentenceAt } from './markdown.js';
import type { CompiledSet, CompiledVocab } from './compiled.js';
import { findTerms, type TermEntry, type TermHit, type TermMatcher } from './vocab.js';
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
const PARAGRAPH_CRITIQUE_REACH = 160;

export class Analysis {
  private readonly setHits = new Map<string, Located>();
  private readonly dedicated = new Map<string, { filled: Section[]; unfilled: Section[] }>();
  /** Extra safeguard terms from the configuration, per rule. */
  private readonly customSafeguards = new Map<string, TermMatcher[]>();
  /** For each matcher of the vocabulary, the blocks it hits, in document order; built on first use. */
  private blocksHit: Map<TermMatcher, Block[]> | null = null;

  /**
   * @param indexed whether to index blocks by the vocabulary matchers that hit them. That runs
   * every matcher over every new block once, and pays off when block memos outlive the lint (an
   * editor's LintSession); a single lint runs only the matchers it asks about.
   */
  constructor(
    readonly doc: ParsedDocument,
    readonly vocab: CompiledVocab,
    private readonly indexed = false,
  ) {}

  /** The hits of a matcher in a whole block's text; shared, so never changed. */
  private blockTerms(matcher: TermMatcher, block: Block): TermHit[] {
    if (this.indexed) return block.memo.terms(matcher);
    let perBlock = this.scanned.get(matcher);
    if (!perBlock) {
      perBlock = this.scanAll(matcher);
      this.scanned.set(matcher, perBlock);
    }
    return perBlock.get(block.index) ?? NO_HITS;
  }

  /** For a single lint, per matcher, the hits of each block that has any, from one scan of all blocks joined. */
  private readonly scanned = new Map<TermMatcher, Map<number, TermHit[]>>();
  private joinedBlocks: { text: string; starts: number[] } | null = null;

  /**
   * One scan instead of one per block: a regular expression call costs more than scanning a
   * short block. Blocks are joined with `|`, which no match of a joinable matcher contains, and
   * which its edge assertions read as they read the start or end of a text, so each block gets
   * exactly the hits a scan of it alone gives. Other matchers scan block by block. Only blocks
   * with hits are kept, which matters on a long document.
   */
  private scanAll(matcher: TermMatcher): Map<number, TermHit[]> {
    const perBlock = new Map<number, TermHit[]>();
    if (!matcher.joinable) {
      for (const block of this.doc.blocks) {
        const hits = findTerms(matcher, block.norm.text);
        if (hits.length > 0) perBlock.set(block.index, hits);
      }
      return perBlock;
    }
    if (!this.joinedBlocks) {
      const blockStarts: number[] = [];
      let at = 0;
      for (const b of this.doc.blocks) {
        blockStarts.push(at);
        at += b.norm.text.length + 1;
      }
      this.joinedBlocks = { text: this.doc.blocks.map((b) => b.norm.text).join('|'), starts: blockStarts };
    }
    const { text, starts } = this.joinedBlocks;
    let k = 0;
    for (const hit of findTerms(matcher, text)) {
      while (k + 1 < starts.length && starts[k + 1]! <= hit.start) k++;
      const base = starts[k]!;
      const local = { start: hit.start - base, end: hit.end - base, entry: hit.entry };
      const list = perBlock.get(k);
      if (list) list.push(local);
      else perBlock.set(k, [local]);
    }
    return perBlock;
  }

  setCustomSafeguards(ruleId: string, matchers: TermMatcher[]): void {
    this.customSafeguards.set(ruleId, matchers);
  }

  /**
   * The blocks where any of `matchers` has a hit, in document order. A vocabulary matcher's blocks
   * come from an index, so a lint does not ask every block about every matcher; a block's memo
   * knows once which vocabulary matchers hit it.
   */
  private candidates(matchers: TermMatcher[]): readonly Block[] {
    if (!this.indexed || !matchers.every((m) => this.vocab.matchers.has(m))) return this.doc.blocks;
    if (!this.blocksHit) {
      const index = new Map<TermMatcher, Block[]>();
      for (const block of this.doc.blocks) {
        for (const m of block.memo.matching(this.vocab.matchers)) {
          const list = index.get(m);
          if (list) list.push(block);
          else index.set(m, [block]);
        }
      }
      this.blocksHit = index;
    }
    let merged: readonly Block[] = [];
    for (const m of matchers) merged = mergeByIndex(merged, this.blocksHit.get(m) ?? []);
    return merged;
  }

  /** All hits of some matchers across the document, outside placeholders, and not negated where that matters. */
  hits(matchers: TermMatcher[], options: { negation: 'trigger' | 'safeguard' | 'none'; context?: TermMatcher[] }): Hit[] {
    const out: Hit[] = [];
    const context = options.context ?? NO_MATCHERS;
    const keep = (block: Block, t: TermHit): boolean =>
      !this.inPlaceholder(block, t.start) &&
      (options.negation === 'none' || !this.isNegated(block, t.start, t.end, options.negation)) &&
      (!t.entry.context || this.sentenceHas(block, t.start, context));
    if (this.indexed) {
      // What passes depends on the block's text alone, so an editor's block memo keeps it, per
      // list of matchers and filter: a keystroke then pays one lookup per block.
      const key = `${matchers.map(matcherId).join(',')}|${options.negation}|${context.map(matcherId).join(',')}`;
      for (const block of this.candidates(matchers)) {
        const kept = block.memo.kept(key, () => matchers.flatMap((m) => block.memo.terms(m).filter((t) => keep(block, t))));
        for (const t of kept) out.push(this.toHit(block, t.start, t.end, t.entry));
      }
      return out;
    }
    for (const block of this.doc.blocks) {
      for (const matcher of matchers) {
        const terms = this.blockTerms(matcher, block);
        for (const t of terms) if (keep(block, t)) out.push(this.toHit(block, t.start, t.end, t.entry));
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
      srcStart: block.norm.sourceStart(start) + block.offset,
      srcEnd: block.norm.sourceEnd(end - 1) + block.offset,
      sentence: sentenceAt(block, start),
      entry,
    };
  }

  inPlaceholder(block: Block, at: number): boolean {
    return block.memo.placeholders(placeholderSpans).some(([s, e]) => at >= s && at < e);
  }

  /**
   * A term is negated when a negation cue governs it in its clause ("不盲目追求最先进"), a cue right
   * after it denies it ("大屏不是目的"), its sentence is a question, or its sentence criticises the
   * practice ("沦为形象工程").
   */
  isNegated(block: Block, start: number, end: number, kind: 'trigger' | 'safeguard' = 'trigger'): boolean {
    // A function of the block's text and the place alone, so unchanged blocks keep their answer.
    return block.memo.negated(`${kind}:${start}:${end}`, () => this.computeNegated(block, start, end, kind));
  }

  private computeNegated(block: Block, start: number, end: number, kind: 'trigger' | 'safeguard'): boolean {
    const text = block.norm.text;
    const s = sentenceAt(block, start);
    const sStart = block.sentenceStarts[s]!;
    const sEnd = block.sentenceStarts[s + 1]!;
    // A clause never reaches past its sentence: "Parking is not free. Drivers must…" negates nothing.
    let clauseStart = start;
    while (clauseStart > sStart && !CLAUSE_END.test(text[clauseStart - 1]!)) clauseStart--;
    let clauseEnd = end;
    while (clauseEnd < sEnd && !CLAUSE_END.test(text[clauseEnd]!)) clauseEnd++;
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
    const sentence = text.slice(sStart, sEnd);
    // A question asks and does not claim: "Do I need to use the app? No."
    if (/[?？]\s*$/.test(sentence)) return true;
    const outside = (h: { start: number; end: number }, base: number): boolean => h.end + base <= start || h.start + base >= end;
    if (this.vocab.negation.critique.some((m) => findTerms(m, sentence).some((h) => outside(h, sStart)))) return true;
    // A paragraph-level critique reaches a few sentences around, not across a whole unbroken text.
    const nearStart = Math.max(0, start - PARAGRAPH_CRITIQUE_REACH);
    const near = text.slice(nearStart, Math.min(text.length, end + PARAGRAPH_CRITIQUE_REACH));
    return this.vocab.negation.critiqueParagraph.some((m) => findTerms(m, near).some((h) => outside(h, nearStart)));
  }

  safeguardHits(setId: string): Hit[] {
    return this.located(setId).hits;
  }

  private located(setId: string): Located {
    let found = this.setHits.get(setId);
    if (!found) {
      const set = this.set(setId);
      // A heading names a topic ("## Walk-in", "### 真实需求"); only prose states an answer.
      // Headings count through dedicatedSections(), which also asks for a filled body.
      found = locate(this.hits(set.matchers, { negation: set.negatable ? 'safeguard' : 'none' }).filter((h) => h.block.kind !== 'heading'));
      this.setHits.set(setId, found);
    }
    return found;
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
      for (const heading of this.indexed ? this.candidates(set.headings) : this.headingBlocks()) {
        const section = this.doc.sections[heading.section]!;
        if (heading.kind !== 'heading' || section.headingBlock !== heading.index) continue;
        const matched = set.headings.flatMap((m) => this.blockTerms(m, heading));
        if (matched.length === 0) continue;
        if (!this.hasContent(section)) {
          found.unfilled.push(section);
          continue;
        }
        // A weak heading (背景, Background) names a topic that often holds no answer, so its body
        // must show one; a strong heading (需求分析, User research) answers by being filled.
        const strong = matched.some((h) => !h.entry.weak);
        if (strong || this.setHitsIn(setId, section)) found.filled.push(section);
      }
      this.dedicated.set(setId, found);
    }
    return found;
  }

  private headingBlocks(): Block[] {
    return this.doc.sections.flatMap((s) => (s.headingBlock === null ? [] : [this.doc.blocks[s.headingBlock]!]));
  }

  private blockStartList: number[] | null = null;

  /** The blocks that start within [from, to), in document order. */
  private *blocksWithin(blocks: readonly Block[], from: number, to: number): Generator<Block> {
    const at = blocks === this.doc.blocks ? this.blockStarts() : blocks.map((b) => b.start);
    for (let i = lowerBound(at, from); i < blocks.length && blocks[i]!.start < to; i++) yield blocks[i]!;
  }

  private blockStarts(): number[] {
    return (this.blockStartList ??= this.doc.blocks.map((b) => b.start));
  }

  private setHitsIn(setId: string, section: Section): boolean {
    const set = this.set(setId);
    const hit = this.candidates(set.matchers);
    for (const b of this.blocksWithin(hit, section.start, section.end)) {
      if (b.index !== section.headingBlock && set.matchers.some((m) => this.blockTerms(m, b).some((t) => !this.inPlaceholder(b, t.start)))) return true;
    }
    return false;
  }

  /** True when a section holds prose beyond its heading and any placeholders. */
  private hasContent(section: Section): boolean {
    for (const b of this.blocksWithin(this.doc.blocks, section.start, section.end)) {
      if (b.index === section.headingBlock) continue;
      const text = b.norm.text.replace(PLACEHOLDER, '').replace(/[\s\p{P}\ufffc]/gu, '');
      if (text.length > 0) return true;
    }
    return false;
  }

  sectionOf(block: Block): Section {
    return this.doc.sections[block.section]!;
  }

  private title: number | null | undefined;

  /** The one heading at the top level, when the document has exactly one (its title). */
  private titleSection(): number | null {
    if (this.title === undefined) {
      const headed = this.doc.sections.filter((s) => s.depth > 0);
      const top = Math.min(...headed.map((s) => s.depth));
      const atTop = headed.filter((s) => s.depth === top);
      this.title = atTop.length === 1 ? atTop[0]!.index : null;
    }
    return this.title;
  }

  /**
   * Whether a hit of `setId` answers the trigger, within the narrower of `scope` and the set's own
   * limit. Words inside any of `claims` (the rule's triggers) never answer: in "close the counters"
   * the counters are what is taken away.
   */
  found(setId: string, trigger: Hit, scope: Scope, claims: Hit[] = []): boolean {
    const set = this.set(setId);
    const effective = narrower(scope, set.maxScope);
    const overlaps = (c: Hit, h: Hit): boolean => c.block === h.block && h.start < c.end && c.start < h.end;
    // Claims are looked up in the safeguard's block only, so a long document is not quadratic in them.
    const claimed = (h: Hit): boolean => overlaps(trigger, h) || this.claimsIn(claims, h.block).some((c) => overlaps(c, h));
    if (this.anyInScope(this.located(setId), trigger, effective, (h) => !claimed(h))) return true;
    if (effective === 'section' || effective === 'document') return this.dedicatedSections(setId).filled.some((d) => this.coversForDedicated(d, trigger.block));
    return false;
  }

  /**
   * A dedicated section speaks for what its heading sits under: a top-level "## 真实需求" (or one
   * directly under the title) for the whole document, a "### Problem" inside "## Parking" for
   * that parking section only, not for a pitch deck's "### Slide 2: The Problem" elsewhere.
   */
  private coversForDedicated(dedicated: Section, block: Block): boolean {
    const parent = this.doc.sections[dedicated.parent];
    if (!parent || parent.depth === 0 || parent.index === this.titleSection()) return true;
    return parent.start <= block.start && block.start < parent.end;
  }

  private readonly claimsByBlock = new WeakMap<Hit[], Map<Block, Hit[]>>();

  private claimsIn(claims: Hit[], block: Block): Hit[] {
    let byBlock = this.claimsByBlock.get(claims);
    if (!byBlock) {
      byBlock = new Map();
      for (const c of claims) {
        const list = byBlock.get(c.block);
        if (list) list.push(c);
        else byBlock.set(c.block, [c]);
      }
      this.claimsByBlock.set(claims, byBlock);
    }
    return byBlock.get(block) ?? [];
  }

  customFound(ruleId: string, trigger: Hit, scope: Scope): boolean {
    const matchers = this.customSafeguards.get(ruleId);
    if (!matchers || matchers.length === 0) return false;
    const key = `custom:${ruleId}`;
    let found = this.setHits.get(key);
    if (!found) {
      found = locate(this.hits(matchers, { negation: 'safeguard' }));
      this.setHits.set(key, found);
    }
    return this.anyInScope(found, trigger, scope, () => true);
  }

  /**
   * Whether an accepted hit of `list` stands within `scope` of the trigger. Hits are in document
   * order, so the hits in a stretch of the document are found by binary search.
   */
  private anyInScope(list: Located, trigger: Hit, scope: Scope, accept: (h: Hit) => boolean): boolean {
    const block = trigger.block;
    switch (scope) {
      case 'sentence':
        return anyWithin(list, block.start, block.start + 1, (h) => h.block === block && h.sentence === trigger.sentence && accept(h));
      case 'paragraph':
        return anyWithin(list, block.start, block.start + 1, (h) => h.block === block && accept(h));
      case 'section': {
        // Anywhere under the trigger's own heading, or in the introduction of an enclosing section
        // (its text before its first subsection). A need stated under "## 停车诱导" answers a claim
        // in its "### 技术路线", but a sibling "### 应急呼叫" answers nothing about "### 大屏".
        const own = this.sectionOf(block);
        if (anyWithin(list, own.start, own.end, accept)) return true;
        for (let p = own.parent; p > 0; p = this.doc.sections[p]!.parent) {
          const ancestor = this.doc.sections[p]!;
          // The document's title heading introduces everything; its preface answers nothing in particular.
          if (ancestor.index === this.titleSection()) continue;
          if (anyWithin(list, ancestor.start, Math.min(ancestor.ownContentEnd, ancestor.end), accept)) return true;
        }
        return false;
      }
      case 'document':
        return list.hits.some(accept);
    }
  }
}

/** Hits in document order, with the start of each one's block. */
interface Located {
  hits: Hit[];
  starts: number[];
}

const locate = (hits: Hit[]): Located => ({ hits, starts: hits.map((h) => h.block.start) });

/** Whether an accepted hit's block starts within [from, to). */
function anyWithin(list: Located, from: number, to: number, accept: (h: Hit) => boolean): boolean {
  for (let i = lowerBound(list.starts, from); i < list.starts.length && list.starts[i]! < to; i++) if (accept(list.hits[i]!)) return true;
  return false;
}

/** The first index whose value is at least `value`, in an ascending list. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const placeholderSpans = (text: string): Array<[number, number]> => [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length]);

/** Two lists of blocks in document order, merged, each block once. */
function mergeByIndex(a: readonly Block[], b: readonly Block[]): readonly Block[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Block[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.index < y.index)) {
      out.push(x!);
      i++;
    } else if (x === undefined || y.index < x.index) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}

const NO_MATCHERS: TermMatcher[] = [];
const NO_HITS: TermHit[] = [];
/** Numbers for matchers, so that a block memo can name the filter a list of them makes. */
const matcherIds = new WeakMap<TermMatcher, number>();
let nextMatcherId = 0;

function matcherId(matcher: TermMatcher): number {
  let id = matcherIds.get(matcher);
  if (id === undefined) {
    id = nextMatcherId++;
    matcherIds.set(matcher, id);
  }
  return id;
}

const ORDER: Scope[] = ['sentence', 'paragraph', 'section', 'document'];

function narrower(a: Scope, b: Scope): Scope {
  return ORDER[Math.min(ORDER.indexOf(a), ORDER.indexOf(b))]!;
}
