import { applyPlan, normalizePlan, type NormalizedText, type NormalizePlan, type RawText } from './normalize.js';
import { splitSentences } from './markdown.js';
import { findTerms, type TermHit, type TermMatcher } from './vocab.js';

/**
 * Memoised pure functions of a block's text, kept from one lint of a document to the next so that
 * a keystroke pays only for the blocks it changed: normalisation plans (OpenCC and folding),
 * sentence boundaries, the hits of each matcher, and language counts. Every value is a function of
 * its key string alone, so a cached value is exactly what computing it again would give.
 *
 * Two generations bound the memory: what the last two lints used stays, the rest is dropped.
 */
interface Entry {
  plan?: NormalizePlan;
  sentences?: number[];
  terms?: Map<TermMatcher, TermHit[]>;
  stats?: { han: number; traditional: number; latin: number };
  negated?: Map<string, boolean>;
}

export class LintCache {
  private current = new Map<string, Entry>();
  private previous = new Map<string, Entry>();

  /** The last entry looked up: the matchers of a rule are asked about one block after another. */
  private lastKey: string | null = null;
  private lastEntry: Entry = {};

  private entry(key: string): Entry {
    if (key === this.lastKey) return this.lastEntry;
    let e = this.current.get(key);
    if (!e) {
      e = this.previous.get(key) ?? {};
      this.current.set(key, e);
    }
    this.lastKey = key;
    this.lastEntry = e;
    return e;
  }

  /** Starts a new generation: entries not used since the one before are dropped. */
  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
    this.lastKey = null;
  }

  normalize(raw: RawText): NormalizedText {
    const e = this.entry(raw.text);
    e.plan ??= normalizePlan(raw.text);
    return applyPlan(e.plan, raw.offsets);
  }

  sentences(normText: string): number[] {
    const e = this.entry(normText);
    return (e.sentences ??= splitSentences(normText));
  }

  /** findTerms on a whole block's text; the hits are shared, so callers must not change them. */
  terms(matcher: TermMatcher, normText: string): TermHit[] {
    const e = this.entry(normText);
    e.terms ??= new Map();
    let hits = e.terms.get(matcher);
    if (!hits) {
      hits = findTerms(matcher, normText);
      e.terms.set(matcher, hits);
    }
    return hits;
  }

  negated(normText: string, key: string, compute: () => boolean): boolean {
    const e = this.entry(normText);
    e.negated ??= new Map();
    let value = e.negated.get(key);
    if (value === undefined) {
      value = compute();
      e.negated.set(key, value);
    }
    return value;
  }

  stats(rawText: string, compute: (text: string) => { han: number; traditional: number; latin: number }): { han: number; traditional: number; latin: number } {
    const e = this.entry(rawText);
    return (e.stats ??= compute(rawText));
  }
}
