// Generators of Markdown requirement documents that really trigger findings: the vocabulary's own
// examples (flagged, accepted, safeguards) in Simplified, Traditional and English, mixed with
// astral characters, markup, directives and every kind of block, in LF, CRLF or both.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import * as OpenCC from 'opencc-js';

// Tests and `npm run fuzz` both run from the repository's root.
const VOCAB = join(process.cwd(), 'server', 'vocab');

function examples(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(VOCAB, folder)).filter((n) => n.endsWith('.yaml'))) {
    const data = parse(readFileSync(join(VOCAB, folder, name), 'utf8')) as { examples?: Record<string, string[]> };
    for (const list of Object.values(data.examples ?? {})) out.push(...list.filter((x): x is string => typeof x === 'string'));
  }
  return out;
}

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const base = [...examples('rules'), ...examples('safeguards')];
/** Every example, and the Chinese ones again in Traditional script. */
export const PHRASES: string[] = [...base, ...base.filter((p) => /[\u4e00-\u9fff]/.test(p)).map((p) => toTaiwan(p))];

const RULE_IDS = ['superlative-tech', 'concept-race', 'showcase-display', 'ai-everywhere', 'no-accountable-owner', 'digital-only', 'over-reach', 'grassroots-burden', 'duplicate-build', 'no-fallback', 'one-shot-investment'];

const phrase = fc.constantFrom(...PHRASES);
const oddChar = fc.constantFrom('😀', '🚀', '𠮷', '👨‍👩‍👧', '🇨🇳', 'ＡＩ', '５Ｇ', '\u200b', '\u00a0', 'é', '「', '」', '（', '）', '—', '…', '\t');
const plainChar = fc.constantFrom(...'平台城市数字治理服務 ab AI app 的。，、；：！？.,;!?'.split(''));
const markupChar = fc.constantFrom('*', '_', '`', '[', ']', '<', '>', '\\', '|', '#', '-', '~', '&', '!', '(', ')');
const filler = fc.array(fc.oneof({ weight: 5, arbitrary: plainChar }, { weight: 2, arbitrary: oddChar }, { weight: 1, arbitrary: markupChar }), { maxLength: 12 }).map((cs) => cs.join(''));

/** A phrase, sometimes with a hard line break inside it, as text wrapped at a fixed width has. */
const wrappedPhrase = fc.tuple(phrase, fc.nat(), fc.boolean()).map(([p, at, wrap]) => {
  const chars = [...p];
  if (!wrap || chars.length < 2) return p;
  const k = 1 + (at % (chars.length - 1));
  return `${chars.slice(0, k).join('')}\n${chars.slice(k).join('')}`;
});

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: wrappedPhrase },
  { weight: 3, arbitrary: filler },
  { weight: 1, arbitrary: phrase.map((p) => `**${p}**`) },
  { weight: 1, arbitrary: phrase.map((p) => `*${p}*`) },
  { weight: 1, arbitrary: phrase.map((p) => `\`${p}\``) },
  { weight: 1, arbitrary: phrase.map((p) => `[${p}](https://example.gov.cn/${encodeURI(p.slice(0, 4))})`) },
  { weight: 1, arbitrary: fc.constantFrom('https://example.com/state-of-the-art', '<span>最先进的</span>', '<br>', '&amp;', '&#x1F600;', '![最先进的技术](x.png)', '\\*', '[^1]') },
  { weight: 1, arbitrary: phrase.map((p) => `<!-- ${p} -->`) },
);

const line = fc.array(inline, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));

const ruleList = fc.subarray([...RULE_IDS, 'no-such-rule'], { minLength: 0, maxLength: 2 }).map((ids) => ids.join(', '));
const directive = fc.oneof(
  fc.tuple(fc.constantFrom('disable-next-line', 'disable-line', 'disable', 'enable'), ruleList, fc.option(phrase, { nil: undefined })).map(
    ([kind, rules, reason]) => `<!-- needfirst-${kind}${rules ? ` ${rules}` : ''}${reason ? ` -- ${reason.replace(/-->/g, '')}` : ''} -->`,
  ),
  fc.constantFrom('<!-- needfirst-frobnicate x -- why -->', '<!-- needfirst-disable', '<!-- needfirst-disable-next-line -- -->', '<!--needfirst-enable-->', '<!-- needfirst-disable-line digital-only --\n原因跨行 -->'),
);

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(phrase, fc.constantFrom('真实需求', '需求分析', '背景', 'Background', 'Real need', '线下替代渠道', 'Offline alternative', '人工复核', 'Pilot', '试点')), filler).map(
  ([depth, title, tail]) => `${'#'.repeat(depth)} ${title}${tail.replace(/[\n#]/g, '')}`,
);
const placeholder = fc.constantFrom('【待填写：谁的什么问题？】', '【待填寫：誰的什麼問題？】', '[To fill in: whose problem?]');

const listItems = (depth: number): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] '), paragraph, depth < 2 ? fc.option(fc.constant(null), { nil: undefined }) : fc.constant(undefined)), { minLength: 1, maxLength: 3 }).chain((items) =>
    fc.tuple(...items.map(([marker, text, nested]) => (nested === null ? listItems(depth + 1).map((n) => ({ marker, text, n })) : fc.constant({ marker, text, n: '' })))).map((rows) =>
      rows
        .map(({ marker, text, n }) => {
          const indent = '  '.repeat(depth);
          const body = text.split('\n').join(`\n${indent}  `);
          return `${indent}${marker}${body}${n ? `\n${n}` : ''}`;
        })
        .join('\n'),
    ),
  );

const cell = fc.oneof(phrase, filler).map((c) => c.replace(/\n/g, ' ').replace(/\|/g, '\\|'));
const table = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([cols, rows]) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 }).map((grid) => {
    const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
    return [row(grid[0]!), row(grid[0]!.map(() => '---')), ...grid.slice(1).map(row)].join('\n');
  }),
);

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: listItems(0) },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: paragraph.map((p) => p.split('\n').map((l) => `> ${l}`).join('\n')) },
  { weight: 1, arbitrary: listItems(0).map((p) => p.split('\n').map((l) => `> ${l}`).join('\n')) },
  { weight: 2, arbitrary: directive },
  { weight: 1, arbitrary: placeholder },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```markdown'), paragraph).map(([f, p]) => `${f}\n${p}\n${f.slice(0, 3)}`) },
  { weight: 1, arbitrary: paragraph.map((p) => `<div>\n${p}\n</div>`) },
  { weight: 1, arbitrary: paragraph.map((p) => `    ${p.split('\n').join('\n    ')}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '<br/>', '[^1]: 脚注', '[ref]: https://example.com', '') },
);

const frontMatter = fc.option(
  fc.oneof(
    phrase.map((p) => `---\ntitle: ${JSON.stringify(p)}\n---\n\n`),
    fc.constant('+++\ntitle = "最先进的平台"\n+++\n\n'),
    fc.constant('---\nunclosed: 最先进的技术\n'),
  ),
  { nil: '' },
);

/** A closing block that only some documents have: an unclosed fence swallows the rest. */
const ending = fc.constantFrom('', '', '', '```\n最先进的技术 AI everywhere', '<!-- 未闭合的注释 最先进的');

/** A Markdown document with LF line endings. */
export const markdownLf: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 7 }), fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: 10, maxLength: 10 }), ending, fc.boolean())
  .map(([fm, blocks, seps, end, finalNewline]) => {
    let text = fm;
    blocks.forEach((b, i) => (text += (i > 0 ? seps[i]! : '') + b));
    if (end) text += `\n\n${end}`;
    return finalNewline ? `${text}\n` : text;
  });

export type Eol = 'lf' | 'crlf' | 'mixed';

export function withEol(text: string, eol: Eol, seed = 0): string {
  if (eol === 'lf') return text;
  if (eol === 'crlf') return text.replace(/\n/g, '\r\n');
  let k = seed;
  return text.replace(/\n/g, () => (++k % 3 === 0 ? '\r\n' : '\n'));
}

/** A document with any line endings, sometimes after a BOM. */
export const markdown: fc.Arbitrary<string> = fc
  .tuple(markdownLf, fc.constantFrom<Eol>('lf', 'crlf', 'mixed'), fc.nat(), fc.boolean())
  .map(([text, eol, seed, bom]) => (bom && seed % 5 === 0 ? '\ufeff' : '') + withEol(text, eol, seed));
