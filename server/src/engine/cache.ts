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
  private readonly termHits = new Map<TermMatcher, TermHit[]>();
  private readonly negations = new Map<string, boolean>();
  private statsValue: BlockStats | undefined;
  private placeholderSpans: Array<[number, number]> | undefined;
  private matchingValue: TermMatcher[] | undefined;

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
  terms(matcher: TermMatcher): TermHit[] {
    let hits = this.termHits.get(matcher);
    if (!hits) {
      hits = findTerms(matcher, this.plan.text);
      this.termHits.set(matcher, hits);
    }
    return hits;
  }

  /**
   * Of `vocabulary` (the engine's own matchers, the same list on every call), those with a hit in
   * this block: a document then finds the blocks a matcher hits without asking every block.
   */
  matching(vocabulary: readonly TermMatcher[]): TermMatcher[] {
    return (this.matchingValue ??= vocabulary.filter((m) => this.terms(m).length > 0));
  }

  negated(key: string, compute: () => boolean): boolean {
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

export interface BlockStats {
  han: number;
  traditional: number;
  latin: number;
}
