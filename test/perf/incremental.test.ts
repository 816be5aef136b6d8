// Incremental re-parsing (server/src/engine/incremental.ts) must give exactly what a full parse
// gives. Random edit sequences on generated specs compare, after every edit, the parsed document
// (blocks, sections, comments) and, every few edits, the whole lint result. Timing is never
// asserted here; `npm run bench` measures it.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { parseMarkdown, type ParsedDocument } from '../../server/src/engine/markdown.js';
import { LintSession } from '../../server/src/engine/incremental.js';
import { recommended, strict } from '../../server/src/engine/presets.js';
// @ts-expect-error: a plain ES module without types, shared with the benchmark.
import { rng, spec } from '../../scripts/bench/generate.mjs';

interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(list: T[]): T;
}

const SNIPPETS = [
  '\n', '\n\n', ' ', '    ', '#', '# ', '## ', '- ', '* ', '1. ', '2) ', '> ', '>', '```', '```\n', '~~~\n', '`', '**', '_',
  '<!--', '-->', '<!-- needfirst-disable-next-line digital-only -- reason -->', '<div>\n', '</div>', '---', '---\n', '===\n', '***\n',
  '|', '| a | b |\n| --- | --- |\n', '[', ']', '(', ')', '[x]: /u', '[^1]', '[^1]: note', 'https://example.org ', '\\', '&amp;',
  '最先进的技术', '國際領先', 'state-of-the-art', '线下窗口', '居民反映', '。', '，', 'x', '中', '\r\n', '\t', '\ufeff',
];

function edit(r: Rng, text: string): string {
  const at = r.int(text.length + 1);
  const x = r.next();
  if (x < 0.45) return text.slice(0, at) + r.pick(SNIPPETS) + text.slice(at);
  if (x < 0.7) return text.slice(0, at) + text.slice(at + 1);
  if (x < 0.85) return text.slice(0, at) + text.slice(at + 1 + r.int(40));
  // Move a line elsewhere: larger structural changes.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
  const rest = text.slice(0, lineStart) + text.slice(lineStart + line.length);
  const to = r.int(rest.length + 1);
  return rest.slice(0, to) + line + rest.slice(to);
}

/** Everything of a parsed document that lint reads, as plain data. */
function shape(doc: ParsedDocument): unknown {
  return {
    blocks: doc.blocks.map((b) => [b.kind, b.start, b.end, b.section, b.inBlockquote, b.memo.raw, b.norm.text, Array.from(b.norm.starts, (o) => o + b.offset).join(','), Array.from(b.norm.ends, (o) => o + b.offset).join(','), b.sentenceStarts.join(',')]),
    sections: doc.sections,
    comments: doc.comments,
    bodyStart: doc.bodyStart,
  };
}

describe('incremental re-parsing gives what a full parse gives', () => {
  const SEQUENCES = Number(process.env.NEEDFIRST_EQ_SEQUENCES ?? 24);
  const EDITS = 30;
  const counts = { edits: 0, incremental: 0, full: 0, lintsCompared: 0 };

  for (let seq = 0; seq < SEQUENCES; seq++) {
    it(`edit sequence ${seq + 1}`, () => {
      const r = rng(1000 + seq) as Rng;
      const lang = (['mixed', 'zh-Hans', 'zh-Hant', 'en'] as const)[seq % 4];
      let text: string = spec({ seed: 500 + seq, bytes: 3000 + r.int(6000), lang });
      if (seq % 6 === 5) text = text.replace(/\n/g, '\r\n');
      const config = seq % 3 === 2 ? strict() : recommended();
      const session = new LintSession();
      const options = { blockquotes: config.blockquotes };
      expect(shape(session.parse(text, options))).toEqual(shape(parseMarkdown(text, options)));
      for (let k = 0; k < EDITS; k++) {
        text = edit(r, text);
        counts.edits++;
        if (k % 5 === 4) {
          // The whole lint, through the session, as the language server runs it.
          counts.lintsCompared++;
          expect(lint(text, { config, session })).toEqual(lint(text, { config }));
        } else {
          expect(shape(session.parse(text, options))).toEqual(shape(parseMarkdown(text, options)));
        }
        counts[session.parser.last.kind]++;
      }
    });
  }

  it('re-parses incrementally most of the time, and reports the counts', () => {
    console.log(`incremental equivalence: ${counts.edits} random edits in ${SEQUENCES} sequences, ${counts.incremental} incremental, ${counts.full} full re-parses, ${counts.lintsCompared} whole lint results compared`);
    expect(counts.edits).toBe(SEQUENCES * EDITS);
    expect(counts.incremental).toBeGreaterThan(counts.edits / 2);
  });
});
