import type { RootContent } from 'mdast';
import { buildDocument, itemBlock, parseTree, topLevel, type NodeItems, type ParsedDocument, type ParseOptions, type TopLevel } from './markdown.js';
import type { BlockMemo } from './cache.js';
import { parsePieces, PIECE_LENGTH } from './chunks.js';

/**
 * Incremental re-parsing for an editor: after an edit, only the top-level blocks the edit touches
 * are parsed again, and the rest of the tree is reused with its offsets shifted.
 *
 * Markdown's block structure is decided line by line from the start: what a line is depends on the
 * blocks left open before it and on the line itself (and, for a paragraph, on the lines that follow
 * it in the same paragraph). So a stretch [S, E) of the document can be parsed on its own when
 *  - at S the parser stands at the top level with nothing open: S starts a top-level node, the line
 *    before S is blank (so no paragraph is open), and the line at S is unchanged, so the same prefix
 *    and the same line make the same decision; and
 *  - at E the same holds in the new text: the re-parsed stretch, which runs on through the whole
 *    next top-level node, has a top-level node starting on the line at E; then everything from E on
 *    is the old text parsed from the same state, so the old nodes after E are reused, shifted.
 * Anything that makes one place depend on a faraway other falls back to a full parse: link
 * reference and footnote definitions (`]:` anywhere, before or after), a BOM, a front matter
 * marker at the top that opens no front matter (it changes how lists parse everywhere), front matter
 * markers at the start of a stretch, and an edit before the first reusable block of a document
 * that opens with a front matter marker. The tests in
 * test/perf/ compare incremental results with full parses on random edit sequences.
 */
export interface Reparse {
  /** 'full' when the whole text was parsed, else the number of characters parsed again. */
  kind: 'full' | 'incremental';
  parsedLength: number;
}

interface Child {
  node: RootContent;
  shift: number;
  /** Offsets in the document. */
  start: number;
  end: number;
}

const FRONT_MATTER_START = /^(?:---|\+\+\+)/;
const offsetOf = (node: RootContent, which: 'start' | 'end'): number => node.position?.[which].offset ?? 0;

export class IncrementalParser {
  /** @param pieceLength how long a piece of a long document is (chunks.ts); tests make it short. */
  constructor(private readonly pieceLength = PIECE_LENGTH) {}

  private text: string | null = null;
  private children: Child[] = [];
  private hasDefinitionMarker = false;
  /** What the last parse did, for the benchmark and the tests. */
  last: Reparse = { kind: 'full', parsedLength: 0 };
  /** The top-level nodes of the previous parse that the last one replaced. */
  retired: RootContent[] = [];

  /** The top-level nodes of `text`, reusing what is unchanged since the last call. */
  parse(text: string): TopLevel[] {
    const old = this.text;
    const reused = old === null ? null : this.update(old, text);
    if (reused) {
      const kept = new Set(reused.map((c) => c.node));
      this.retired = this.children.filter((c) => !kept.has(c.node)).map((c) => c.node);
      this.children = reused;
    } else {
      this.retired = this.children.map((c) => c.node);
      this.children = this.full(text);
      this.last = { kind: 'full', parsedLength: text.length };
    }
    this.text = text;
    this.hasDefinitionMarker = text.includes(']:');
    return this.children;
  }

  private full(text: string): Child[] {
    return Array.from(topLevel(text, this.pieceLength), ({ node, shift }) => ({ node, shift, start: offsetOf(node, 'start') + shift, end: offsetOf(node, 'end') + shift }));
  }

  /** The new children when reuse is safe; null for a full parse. */
  private update(old: string, text: string): Child[] | null {
    if (old === text) {
      this.last = { kind: 'incremental', parsedLength: 0 };
      return this.children;
    }
    if (this.hasDefinitionMarker || text.includes(']:')) return null;
    if (old.charCodeAt(0) === 0xfeff || text.charCodeAt(0) === 0xfeff) return null;
    const children = this.children;
    if (children.length < 3) return null;
    // A front matter marker that opens no front matter changes how lists parse in the whole
    // document (remark-frontmatter), so such a document is always parsed whole.
    const matter = (children[0]!.node.type as string) === 'yaml' || (children[0]!.node.type as string) === 'toml';
    if (!matter && (FRONT_MATTER_START.test(old) || FRONT_MATTER_START.test(text))) return null;

    // The changed stretch: [from, oldTo) of the old text became [from, newTo) of the new one.
    const from = commonPrefix(old, text);
    const tail = commonSuffix(old, text, Math.min(old.length, text.length) - from);
    const oldTo = old.length - tail;
    const delta = text.length - old.length;

    // The first child that ends at or after the change, and the last that starts at or before its end.
    let first = 0;
    while (first < children.length && children[first]!.end < from) first++;
    let lastTouched = first;
    while (lastTouched + 1 < children.length && children[lastTouched + 1]!.start <= oldTo) lastTouched++;

    // Start: step back until a child starts on an unchanged line after a blank line.
    let a = Math.min(first, children.length - 1);
    let start = 0;
    for (; a >= 1; a--) {
      const s = lineStart(old, children[a]!.start);
      if (!isBlank(old, s) || children[a - 1]!.end >= s) continue;
      const firstLineEnd = old.indexOf('\n', s);
      if (firstLineEnd === -1 || firstLineEnd >= from) continue;
      if (/^(?:---|\+\+\+)\s*$/.test(old.slice(s, firstLineEnd).replace(/\r$/, ''))) continue;
      start = s;
      break;
    }
    // Otherwise the stretch starts at the top of the document, which a full parse also does; but
    // front matter looks ahead for its closing fence anywhere, so there only a full parse is safe.
    if (a < 1) {
      if (FRONT_MATTER_START.test(old) || FRONT_MATTER_START.test(text)) return null;
      a = 0;
    }

    // End: a child after the change that starts after a blank line which the edit left alone, where
    // the new text has a top-level node starting too. The first such child is tried first; when
    // the edit made a block run on past it (a paragraph that now continues a list, a fence whose
    // closer now opens the next block), ones further out, twice as far each time, so a block
    // structure that settles again a few blocks on is found without parsing to the end.
    const boundaryFrom = (from: number): { b: number; end: number } | null => {
      for (let b = from; b < children.length; b++) {
        const e = lineStart(old, children[b]!.start);
        if (!isBlank(old, e) || children[b - 1]!.end >= e) continue;
        if (lineStart(old, e - 1) < oldTo) continue;
        return { b, end: e };
      }
      return null;
    };
    let fresh: Child[] | null = null;
    let b = -1;
    for (let next = lastTouched + 1, skip = 1; ; skip *= 2) {
      const found = boundaryFrom(next);
      if (!found) break;
      b = found.b;
      fresh = this.stretch(text, start, { sliceEnd: children[b]!.end + delta, newEnd: found.end + delta });
      if (fresh) break;
      next = b + skip;
    }
    // When no boundary holds (an opened code fence that never closes), the stretch runs on to the
    // end: what comes before it is still reused.
    const reuseAfter = fresh !== null;
    fresh ??= this.stretch(text, start, null)!;
    this.last = { kind: 'incremental', parsedLength: (reuseAfter ? children[b]!.end + delta : text.length) - start };
    const after = reuseAfter ? children.slice(b).map((c) => ({ node: c.node, shift: c.shift + delta, start: c.start + delta, end: c.end + delta })) : [];
    return [...children.slice(0, a), ...fresh, ...after];
  }

  /**
   * The top-level nodes of the new text from `start` on: to the end of the document, or only up
   * to `bounds.newEnd`, where an old node must begin again with nothing running across; null when
   * that does not hold.
   */
  private stretch(text: string, start: number, bounds: { sliceEnd: number; newEnd: number } | null): Child[] | null {
    const fresh: Child[] = [];
    let boundary = bounds === null;
    // A long stretch (to the end of a long document) is parsed in pieces too.
    for (const { node, offset } of parsePieces(text.slice(start, bounds?.sliceEnd ?? text.length), parseTree, this.pieceLength)) {
      const shift = start + offset;
      const s = offsetOf(node, 'start') + shift;
      if (bounds && lineStart(text, s) >= bounds.newEnd) {
        boundary = lineStart(text, s) === bounds.newEnd;
        break;
      }
      fresh.push({ node, shift, start: s, end: offsetOf(node, 'end') + shift });
    }
    if (!boundary || (bounds && fresh.some((c) => c.end > bounds.newEnd))) return null;
    return fresh;
  }
}


/** Strings are compared a chunk at a time, natively, before the last chunk is walked by code unit. */
const CHUNK = 2048;

function commonPrefix(a: string, b: string): number {
  const min = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= min && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < min && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common suffix, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function lineStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether the line before the one starting at `at` is blank (white space only). */
function isBlank(text: string, at: number): boolean {
  if (at === 0) return false;
  const prev = lineStart(text, at - 1);
  return /^[ \t\r]*$/.test(text.slice(prev, at - 1));
}

/**
 * What the language server keeps per open document between lints: the incremental parser, what
 * each top-level node contributed, and so the memos of unchanged blocks (cache.ts).
 * `lint(text, { session })` gives exactly what `lint(text)` gives.
 */
export class LintSession {
  readonly parser: IncrementalParser;

  constructor(options: { pieceLength?: number } = {}) {
    this.parser = new IncrementalParser(options.pieceLength);
  }

  private readonly nodes = new WeakMap<RootContent, NodeItems>();

  parse(text: string, options: ParseOptions): ParsedDocument {
    const children = this.parser.parse(text);
    // A replaced node's blocks may come back with the same prose: a neighbour in its list changed.
    const retired = new Map<string, BlockMemo>();
    for (const node of this.parser.retired) {
      for (const item of this.nodes.get(node)?.items ?? []) {
        const block = itemBlock(item);
        if (block) retired.set(block.memo.raw, block.memo);
      }
    }
    return buildDocument(text, children, options, { nodes: this.nodes, retired });
  }
}
