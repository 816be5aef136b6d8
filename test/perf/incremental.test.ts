// Incremental re-parsing (server/src/engine/incremental.ts) must give exactly what a full parse
// gives. Random edit sequences on generated specs compare, after every edit, the parsed document
// (blocks, sections, comments) and, every few edits, the whole lint result. Timing is never
// asserted here; `npm run bench` measures it.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { edit, shape, wholeDocument, type Rng } from './edits.js';
import { LintSession } from '../../server/src/engine/incremental.js';
import { recommended, strict } from '../../server/src/engine/presets.js';
// @ts-expect-error: a plain ES module without types, shared with the benchmark.
import { rng, spec } from '../../scripts/bench/generate.mjs';

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
      // Every other sequence cuts the document into short pieces (chunks.ts), so cuts meet edits.
      const session = new LintSession(seq % 2 === 1 ? { pieceLength: 400 } : {});
      const options = { blockquotes: config.blockquotes };
      expect(shape(session.parse(text, options))).toEqual(shape(wholeDocument(text, options)));
      for (let k = 0; k < EDITS; k++) {
        text = edit(r, text);
        counts.edits++;
        if (k % 5 === 4) {
          // The whole lint, through the session, as the language server runs it.
          counts.lintsCompared++;
          expect(lint(text, { config, session })).toEqual(lint(text, { config }));
        } else {
          expect(shape(session.parse(text, options))).toEqual(shape(wholeDocument(text, options)));
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

  it('an edit that makes a block run on re-parses only until the structure settles, not to the end', () => {
    const block = (i: number): string => `## 第${i}节\n\n1. 第一项。\n2. 第二项。\n\n说明文字${i}。\n\n\`\`\`yaml\nkey: ${i}\n\`\`\`\n\n`;
    const text = Array.from({ length: 60 }, (_, i) => block(i)).join('');
    const at = (needle: string): number => text.indexOf(needle);
    const cases: Array<[string, string]> = [
      // A paragraph typed into the blank line after a list now continues the list.
      ['a blank line after a list', `${text.slice(0, at('2. 第二项。') + 7)}下${text.slice(at('2. 第二项。') + 7)}`],
      // A fence opener loses a backtick: its closer opens a block that the next closer ends.
      ['a fence opener', `${text.slice(0, at('```yaml'))}${text.slice(at('```yaml') + 1)}`],
    ];
    for (const [what, changed] of cases) {
      const session = new LintSession();
      lint(text, { session });
      const result = lint(changed, { session });
      expect(session.parser.last.kind, what).toBe('incremental');
      expect(session.parser.last.parsedLength, what).toBeLessThan(text.length / 10);
      expect(result.findings, what).toEqual(lint(changed).findings);
    }
  });
});
