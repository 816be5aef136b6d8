// A document is parsed in pieces (server/src/engine/chunks.ts), those that cannot hold a table
// without the table extension; the result must be exactly what one whole parse gives. Short
// pieces make cuts frequent; random edits (code fences, HTML, lists, tables, definitions, front
// matter markers) try to make a cut land where it would change a node.
import { describe, expect, it } from 'vitest';
import { cutPoints, pieces } from '../../server/src/engine/chunks.js';
import { lint } from '../../server/src/engine/lint.js';
import { parseMarkdown } from '../../server/src/engine/markdown.js';
import { edit, shape, wholeDocument, type Rng } from './edits.js';
// @ts-expect-error: a plain ES module without types, shared with the benchmark.
import { rng, spec } from '../../scripts/bench/generate.mjs';

const options = { blockquotes: true };

describe('cut points', () => {
  const para = (n: number): string => `Paragraph ${n} about the parking service.\n\n`;
  const long = (n: number): string => Array.from({ length: n }, (_, k) => para(k)).join('');

  it('cuts between top-level paragraphs, before a line in column 0 after a blank line', () => {
    const text = long(40);
    const cuts = cutPoints(text);
    expect(cuts.length).toBe(39);
    for (const at of cuts) expect(text.slice(at - 2, at)).toBe('\n\n');
  });

  it('never cuts inside fenced code, HTML blocks that hold blank lines, or front matter', () => {
    const fenced = '```text\n' + long(20) + '```\n\n';
    const html = '<!--\n' + long(20) + '-->\n\n';
    const matter = '---\ntitle: x\n\n' + 'key: value\n\n'.repeat(40) + '---\n\n';
    for (const inner of [fenced, html]) {
      const text = long(5) + inner + long(5);
      const start = text.indexOf(inner);
      for (const at of cutPoints(text)) expect(at <= start || at >= start + inner.length).toBe(true);
    }
    const text = matter + long(10);
    for (const at of cutPoints(text)) expect(at).toBeGreaterThanOrEqual(matter.length);
  });

  it('never cuts before an indented line or a list item, which may continue a list', () => {
    const text = Array.from({ length: 60 }, (_, k) => `- item ${k}\n\n  more of item ${k}\n\n1. step ${k}\n\n`).join('');
    expect(cutPoints(text)).toEqual([]);
  });

  it('parses whole a document with link or footnote definitions, which reach across it', () => {
    expect(cutPoints(long(40) + '[ref]: https://example.org\n')).toEqual([]);
    expect(cutPoints(long(40) + '[^1]: A note.\n')).toEqual([]);
    expect(cutPoints(long(40)).length).toBeGreaterThan(0);
  });

  it('parses only the stretches where a pipe meets a dash with the table extension', () => {
    const table = '| Item | Owner |\n| --- | --- |\n| Screen | Office |\n\n';
    const text = long(3) + table + long(3);
    expect(pieces(text).map((p) => [text.slice(p.start, p.end) === table, p.tables])).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
    expect(pieces(long(30), 200).length).toBeGreaterThan(3);
  });
});

describe('parsing in pieces gives what a whole parse gives', () => {
  const DOCUMENTS = Number(process.env.NEEDFIRST_PIECES_DOCUMENTS ?? 40);
  const EDITS = 12;
  let cut = 0;
  let mixed = 0;
  let compared = 0;

  for (let d = 0; d < DOCUMENTS; d++) {
    it(`document ${d + 1} and its edits`, () => {
      const r = rng(7000 + d) as Rng;
      const lang = (['mixed', 'zh-Hans', 'zh-Hant', 'en'] as const)[d % 4];
      let text: string = spec({ seed: 900 + d, bytes: 4000 + r.int(8000), lang });
      if (d % 5 === 4) text = text.replace(/\n/g, '\r\n');
      if (d % 7 === 6) text = `\ufeff${text}`;
      for (let k = 0; k <= EDITS; k++) {
        if (k > 0) text = edit(r, text);
        const piece = 150 + r.int(600);
        const planned = pieces(text.replace(/^\ufeff/, ''), piece);
        if (planned.length > 1) cut++;
        if (planned.some((p) => !p.tables) && planned.some((p) => p.tables)) mixed++;
        compared++;
        expect(shape(parseMarkdown(text, options, piece))).toEqual(shape(wholeDocument(text, options)));
      }
    });
  }

  it('cuts most documents, so the comparison is not vacuous', () => {
    console.log(`pieces: ${compared} documents compared with a whole parse, ${cut} of them cut into pieces, ${mixed} parsed partly without the table extension`);
    expect(cut).toBeGreaterThan(compared / 2);
    expect(mixed).toBeGreaterThan(compared / 4);
  });

  it('lints a long generated spec the same in pieces as whole', () => {
    const text: string = spec({ seed: 4242, bytes: 300_000, lang: 'mixed' });
    expect(cutPoints(text).length).toBeGreaterThanOrEqual(2);
    // lint() parses a document this long in pieces.
    expect(lint(text).findings.length).toBeGreaterThan(10);
    expect(shape(parseMarkdown(text, options))).toEqual(shape(wholeDocument(text, options)));
  });
});
