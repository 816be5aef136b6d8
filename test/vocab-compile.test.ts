/**
 * Scanning a `regex` entry over joined blocks, as terms are, must never change what it matches.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VOCAB } from '../server/src/engine/lint.js';
import { normalizeLiteral } from '../server/src/engine/normalize.js';
import { compileTerms, joinableRegex, termProblems, type TermEntry } from '../server/src/engine/vocab.js';
import { parseMarkdown } from '../server/src/engine/markdown.js';
import { Analysis } from '../server/src/engine/context.js';

const corpusDir = join(__dirname, 'corpus');
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));

describe('joinableRegex', () => {
  it('accepts what cannot match or see across a `|` between blocks', () => {
    expect(joinableRegex('(?<![发开])展区(?!域)')).toBe(true);
    expect(joinableRegex('取消[^。!?;|,:]{0,12}?窗口')).toBe(true);
    expect(joinableRegex('(?<![a-z])score\\x27s')).toBe(true);
  });

  it('refuses what could', () => {
    expect(joinableRegex('取消[^。!?;]{0,12}?窗口')).toBe(false);
    expect(joinableRegex('a.b')).toBe(false);
    expect(joinableRegex('^首创')).toBe(false);
    expect(joinableRegex('a\\Sb')).toBe(false);
    expect(joinableRegex('a[|]b')).toBe(false);
    expect(joinableRegex('a\\|b')).toBe(false);
    expect(joinableRegex('a\\x7cb')).toBe(false);
    expect(joinableRegex('a[^\\x7c]b')).toBe(true);
  });

  it('gives a joinable matcher the same hits whether blocks are scanned joined or one by one', () => {
    const matcher = compileTerms([{ regex: '(?<![发开])展区(?!域)' }, { term: '大屏' }], 'zh')!;
    expect(matcher.joinable).toBe(true);
    const doc = parseMarkdown('开\n\n展区\n\n- 展区域\n- 新展区\n\n大屏', { blockquotes: true });
    // A whole-document lint scans joined blocks; an editor's block memos scan block by block.
    const joined = new Analysis(doc, VOCAB).hits([matcher], { negation: 'none' }).map((h) => h.srcStart);
    const perBlock = new Analysis(doc, VOCAB, true).hits([matcher], { negation: 'none' }).map((h) => h.srcStart);
    expect(joined).toEqual(perBlock);
    expect(joined.length).toBe(3);
  });

  it('gives every vocabulary matcher the same hits on the corpus, scanned joined or block by block', () => {
    // Passages side by side make documents of many blocks, so matches meet block edges often.
    for (let i = 0; i < texts.length; i += 40) {
      const doc = parseMarkdown(texts.slice(i, i + 40).join('\n\n'), { blockquotes: true });
      const joined = new Analysis(doc, VOCAB);
      const perBlock = new Analysis(doc, VOCAB, true);
      for (const matcher of VOCAB.matchers) {
        const spans = (a: Analysis): string => a.hits([matcher], { negation: 'none' }).map((h) => `${h.srcStart}-${h.srcEnd}`).join(',');
        expect(spans(joined)).toBe(spans(perBlock));
      }
    }
  });
});

describe('termProblems', () => {
  it('refuses a key an entry cannot carry, such as an example left under `context:`', () => {
    const problems = termProblems({ term: '技术', flagged: '采用先进技术。' } as TermEntry, 'zh', normalizeLiteral);
    expect(problems.join(' ')).toMatch(/"flagged", which an entry here cannot carry/);
    expect(termProblems({ term: '技术', context: true, fix: 'delete' }, 'zh', normalizeLiteral)).toEqual([]);
  });
});
