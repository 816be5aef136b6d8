import type { Root, RootContent } from 'mdast';

/**
 * Parsing a document in pieces. micromark's cost and memory grow faster than the text (about
 * size^1.7 from 1 MB to 10 MB), so a document is cut where every parser state is closed and each
 * piece is parsed on its own: the top-level nodes come out as a whole parse gives them. Pieces
 * also let the GFM table extension, which makes parsing about half again as slow, run only on the
 * stretches that could hold a table: a table needs a delimiter row, where a pipe meets a dash.
 *
 * A cut goes before a line where a whole parse stands at the top level with nothing open: the
 * line is not blank, starts in column 0 with no list marker, and follows a blank line, outside
 * any fenced code, HTML block that may hold blank lines, and front matter. After the blank line
 * paragraphs, block quotes, tables and HTML blocks of kinds 6 and 7 are closed, and a line in
 * column 0 that is not a list item closes lists and indented code. What cannot be cut at all is
 * parsed whole: a document with link reference or footnote definitions (they reach across the
 * whole document). A piece whose last node is fenced code or HTML is joined to the next one, in
 * case the scan misjudged where that block ends.
 */

/** Pieces are at most about this long, unless nothing can be cut. */
export const PIECE_LENGTH = 64 * 1024;

/** Every delimiter row of a GFM table has this; most text has none. */
const TABLE_HINT = /-[ \t]*:?[ \t]*\||\|[ \t]*:?[ \t]*-/;

/** Parses a piece, with the table extension or without. */
export type PieceParser = (markdown: string, tables: boolean) => Root;

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const LIST_MARKER = /^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** HTML blocks of kinds 1 to 5 run on across blank lines until their end marker. */
const HTML_OPENERS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Every offset where a document may be cut; none when it must be parsed whole. `text` has no BOM. */
export function cutPoints(text: string): number[] {
  // A definition may stand inside a list item or block quote, so any `]:` counts as one.
  if (text.includes(']:')) return [];
  const cuts: number[] = [];
  let lineStart = 0;
  let previousBlank = false;
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  // Front matter may hold blank lines: no cut before its closing marker.
  const firstLineEnd = text.indexOf('\n');
  const matter = /^(---|\+\+\+)[ \t]*\r?$/.exec(firstLineEnd === -1 ? text : text.slice(0, firstLineEnd));
  let inMatter = matter !== null;
  let first = true;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (inMatter) {
      if (!first && line.trimEnd() === matter![1]) inMatter = false;
      first = false;
    } else if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
      const blank = line.trim() === '';
      if (!blank && previousBlank && !/^[ \t]/.test(line) && !LIST_MARKER.test(line)) cuts.push(lineStart);
      const open = FENCE.exec(line);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) fence = { char: open[1]![0]!, length: open[1]!.length };
      else {
        const html = HTML_OPENERS.find(([start]) => start.test(line));
        // A block that ends on its own first line leaves nothing open.
        if (html && !html[1].test(line.replace(html[0], ''))) htmlEnd = html[1];
      }
      previousBlank = blank;
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return cuts;
}

/**
 * The pieces of a document: runs of the stretches between cut points, each run either all with
 * a table hint or all without, and at most about `pieceLength` long.
 */
export function pieces(text: string, pieceLength = PIECE_LENGTH): Array<{ start: number; end: number; tables: boolean }> {
  const bounds = [0, ...cutPoints(text), text.length];
  const out: Array<{ start: number; end: number; tables: boolean }> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const tables = TABLE_HINT.test(text.slice(start, end));
    const last = out[out.length - 1];
    if (last && last.tables === tables && end - last.start <= pieceLength) last.end = end;
    else out.push({ start, end, tables });
  }
  return out.length > 0 ? out : [{ start: 0, end: 0, tables: false }];
}

/**
 * The top-level nodes of `text` (no BOM), each with the offset of the piece it was parsed in,
 * piece by piece, so that a caller can let each piece's tree go before the next is parsed.
 */
export function* parsePieces(text: string, parse: PieceParser, pieceLength = PIECE_LENGTH): Generator<{ node: RootContent; offset: number }> {
  const planned = pieces(text, pieceLength);
  for (let k = 0; k < planned.length; ) {
    const { start } = planned[k]!;
    let { end, tables } = planned[k++]!;
    let tree = parse(text.slice(start, end), tables);
    // A piece that ends in fenced code or HTML may have been cut inside it: join the next piece.
    while (k < planned.length && endsOpen(tree)) {
      const next = planned[k++]!;
      end = next.end;
      tables = tables || next.tables;
      tree = parse(text.slice(start, end), tables);
    }
    for (const node of tree.children) yield { node, offset: start };
  }
}

function endsOpen(tree: Root): boolean {
  const last = tree.children[tree.children.length - 1];
  return last !== undefined && (last.type === 'code' || last.type === 'html');
}
