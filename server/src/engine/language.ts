import * as OpenCC from 'opencc-js/t2cn';
import type { Block } from './markdown.js';
import type { DocumentLanguage, MessageLanguage } from './types.js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

export interface LanguageStats {
  han: number;
  traditional: number;
  latin: number;
}

export function languageStats(blocks: Block[]): LanguageStats {
  let han = 0;
  let traditional = 0;
  let latin = 0;
  for (const block of blocks) {
    const s = block.memo.stats(blockStats);
    han += s.han;
    traditional += s.traditional;
    latin += s.latin;
  }
  return { han, traditional, latin };
}

function blockStats(raw: string): LanguageStats {
  let han = 0;
  let traditional = 0;
  const chars = raw.match(HAN);
  if (chars) {
    han = chars.length;
    const joined = chars.join('');
    const simplified = toSimplified(joined);
    if (simplified.length === joined.length) {
      for (let i = 0; i < joined.length; i++) if (joined[i] !== simplified[i]) traditional++;
    }
  }
  return { han, traditional, latin: (raw.match(/[A-Za-z]/g) ?? []).length };
}

/** About three Latin letters carry as much as one Chinese character. */
const LETTERS_PER_HAN = 3;

export function documentLanguage(stats: LanguageStats): DocumentLanguage {
  const zh = stats.han;
  const en = stats.latin / LETTERS_PER_HAN;
  if (zh + en === 0) return 'en';
  const share = zh / (zh + en);
  if (share <= 0.2) return 'en';
  if (share < 0.8 && en >= 20) return 'mixed';
  return isTraditional(stats) ? 'zh-Hant' : 'zh-Hans';
}

function isTraditional(stats: LanguageStats): boolean {
  return stats.traditional >= 2 && stats.traditional / Math.max(1, stats.han) >= 0.04;
}

export function messageLanguageFor(language: DocumentLanguage, stats: LanguageStats): MessageLanguage {
  switch (language) {
    case 'en':
      return 'en';
    case 'zh-Hans':
      return 'zh-CN';
    case 'zh-Hant':
      return 'zh-TW';
    case 'mixed':
      if (stats.han < stats.latin / LETTERS_PER_HAN) return 'en';
      return isTraditional(stats) ? 'zh-TW' : 'zh-CN';
  }
}
