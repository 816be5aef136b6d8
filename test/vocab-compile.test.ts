/**
 * Two compile-time shortcuts of the vocabulary matchers must never change what they match: the
 * first-character lookahead, and scanning `regex` entries over joined blocks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VOCAB } from '../server/src/engine/lint.js';
import { normalizeLiteral } from '../server/src/engine/normalize.js';
import { compileTerms, firstCharacters, joinableRegex } from '../server/src/engine/vocab.js';
import { parseMarkdown } from '../server/src/engine/markdown.js';
import { Analysis } from '../server/src/engine/context.js';

const corpusDir = join(__dirname, 'corpus');
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));

const many = (n: number): string[] => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + i * 7));

describe('firstCharacters', () => {
  it('reads the first characters through optional parts, lookbehinds and alternatives', () => {
    const words = many(50);
    const source = `(?<!所)(?:(?:以|用)?${words.join('|')})|[甲乙]x`;
    const first = firstCharacters(source)!;
    const lookahead = new RegExp(`^(?:${first})$`, 'u');
    for (const ch of [...words, '以', '用', '甲', '乙']) expect(lookahead.test(ch), ch).toBe(true);
    expect(lookahead.test('所')).toBe(false);
  });

  it('gives up where any character may begin a match, or too few kinds do', () => {
    expect(firstCharacters(`${many(50).join('|')}|.x`)).toBeNull();
    expect(firstCharacters(`${many(50).join('|')}|x?`)).toBeNull();
    expect(firstCharacters('(?:only|solely)[^.]{0,30}?app')).toBeNull();
    expect(firstCharacters(`${many(50).join('|')}|(`)).toBeNull();
  });

  it('leaves every vocabulary matcher matching exactly what it matches without the lookahead', () => {
    const samples = texts.map(normalizeLiteral);
    let checked = 0;
    for (const matcher of VOCAB.matchers) {
      const source = matcher.regex.source;
      if (!source.startsWith('(?=')) continue;
      checked++;
      const plain = new RegExp(source.slice(source.indexOf(')(?:') + 1), 'gu');
      for (const text of samples) {
        const spans = (r: RegExp): string => [...text.matchAll(r)].map((m) => `${m.index}:${m[0]}`).join('|');
        expect(spans(matcher.regex)).toBe(spans(plain));
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

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
});
