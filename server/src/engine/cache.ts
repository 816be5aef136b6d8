import { normalizePlan, type NormalizePlan } from './normalize.js';
import { findTerms, type TermHit, type TermMatcher } from './vocab.js';

/**
 * Everything the engine works out from one block's prose alone: how it normalises, its sentence
 * boundaries, the hits of each matcher, which of those are negated, and its language counts.
 * None of it depends on where the block stands, so a block that an edit left alone keeps its memo
 * from one keystroke to the next, and the work is done once per distinct text.
 */
export class BlockMemo {
  readonly plan: NormalizePlan;
  readonly sentenceStarts: number[];
  // Made on first use: a long document has a memo per block, and most never need these.
  private termHitsMap: Map<TermMatcher, TermHit[]> | undefined;
  private negations: Map<string, boolean> | undefined;
  private keptHits: Map<string, TermHit[]> | undefined;
  private statsValue: BlockStats | undefined;
  private placeholderSpans: Array<[number, number]> | undefined;
  private matchingValue: TermMatcher[] | undefined;
  /** Set by matching(): its matchers with no hit here are not stored, to keep memos small. */
  private vocabulary: ReadonlySet<TermMatcher> | undefined;

  constructor(
    /** The block's prose as written, before normalisation. */
    readonly raw: string,
    splitSentences: (normText: string) => number[],
  ) {
    this.plan = normalizePlan(raw);
    this.sentenceStarts = splitSentences(this.plan.text);
  }

  /** The normalised text that every offset of the memo refers to. */
  get text(): string {
    return this.plan.text;
  }

  /** findTerms on the whole block; the hits are shared, so callers must not change them. */
  private get termHits(): Map<TermMatcher, TermHit[]> {
    return (this.termHitsMap ??= new Map());
  }

  terms(matcher: TermMatcher): TermHit[] {
    let hits = this.termHits.get(matcher);
    if (!hits) {
      if (this.vocabulary?.has(matcher)) return NO_HITS;
      hits = findTerms(matcher, this.plan.text);
      this.termHits.set(matcher, hits);
    }
    return hits;
  }

  /**
   * Of `vocabulary` (the engine's own matchers, the same set on every call), those with a hit in
   * this block: a document then finds the blocks a matcher hits without asking every block.
   */
  matching(vocabulary: ReadonlySet<TermMatcher>): TermMatcher[] {
    if (!this.matchingValue) {
      const found: TermMatcher[] = [];
      for (const m of vocabulary) {
        const hits = this.termHits.get(m) ?? findTerms(m, this.plan.text);
        if (hits.length > 0) {
          found.push(m);
          this.termHits.set(m, hits);
        } else this.termHits.delete(m);
      }
      this.matchingValue = found;
      this.vocabulary = vocabulary;
    }
    return this.matchingValue;
  }

  /** Hits that pass a filter, which `key` names; computed once per filter. */
  kept(key: string, compute: () => TermHit[]): TermHit[] {
    this.keptHits ??= new Map();
    let hits = this.keptHits.get(key);
    if (!hits) {
      hits = compute();
      this.keptHits.set(key, hits);
    }
    return hits;
  }

  negated(key: string, compute: () => boolean): boolean {
    this.negations ??= new Map();
    let value = this.negations.get(key);
    if (value === undefined) {
      value = compute();
      this.negations.set(key, value);
    }
    return value;
  }

  placeholders(compute: (normText: string) => Array<[number, number]>): Array<[number, number]> {
    return (this.placeholderSpans ??= compute(this.plan.text));
  }

  stats(compute: (raw: string) => BlockStats): BlockStats {
    return (this.statsValue ??= compute(this.raw));
  }
}

const NO_HITS: TermHit[] = [];

export interface BlockStats {
  han: number;
  traditional: number;
  latin: number;
}
