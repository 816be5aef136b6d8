import * as OpenCC from 'opencc-js/t2cn';

/**
 * Text as the matchers see it, with a map back to the source: a match [s, e) of `text` comes
 * from the source range [sourceStart(s), sourceEnd(e - 1)) (UTF-16 offsets).
 *
 * The map is kept small, since a long document has millions of characters: most blocks normalise
 * code unit for code unit and most sit in the source in one run, and then no array is kept at all.
 */
export class NormalizedText {
  constructor(
    readonly text: string,
    private readonly plan: NormalizePlan,
    /** The source offset of each raw code unit, or of the first one when they run on one by one. */
    private readonly offsets: Int32Array | number,
  ) {}

  /** The source offset of the first code unit that produced code unit `k` of `text`. */
  sourceStart(k: number): number {
    return this.sourceOf(this.plan.first ? this.plan.first[k]! : k);
  }

  /** The source offset right after the last code unit that produced code unit `k` of `text`. */
  sourceEnd(k: number): number {
    return this.sourceOf(this.plan.last ? this.plan.last[k]! : k) + 1;
  }

  private sourceOf(rawIndex: number): number {
    return typeof this.offsets === 'number' ? this.offsets + rawIndex : (this.offsets[rawIndex] ?? 0);
  }
}

/** One run of source text that belongs to a block, already aligned code unit by code unit. */
export interface RawText {
  text: string;
  /** Source offset of each code unit of `text`. */
  offsets: number[];
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * Regional words with the same meaning (数位→数字, 萤幕→屏幕, 辨识→识别), as data from
 * server/vocab/variants.zh.yaml, each pair of equal length so offsets stay valid. OpenCC's Taiwan
 * phrase table is not used: it also rewrites words that mainland text uses (智慧→智能).
 */
let variantPattern: RegExp | null = null;
let variantMap = new Map<string, string>();

export function setRegionalVariants(pairs: Array<[string, string]>): void {
  variantMap = new Map(pairs.filter(([from, to]) => from.length === to.length && from !== to));
  const keys = [...variantMap.keys()].sort((a, b) => b.length - a.length);
  variantPattern = keys.length > 0 ? new RegExp(keys.join('|'), 'g') : null;
}

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const HAN = /\p{Script=Han}/u;

/** Web copies of Chinese text carry pinyin notes such as 數(shù)字; a note has at least one tone mark. */
const PINYIN_NOTE = /(?<=\p{Script=Han})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/gu;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/**
 * Converts Traditional characters to Simplified and regional words to one form, keeping the length
 * so that offsets stay valid: a run whose conversion would change length is converted character by
 * character.
 */
export function toSimplifiedSameLength(text: string): string {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  const simplified = text.replace(HAN_RUN, (run) => {
    const converted = toSimplified(run);
    if (converted.length === run.length) return converted;
    let out = '';
    for (const ch of run) {
      const c = toSimplified(ch);
      out += c.length === ch.length ? c : ch;
    }
    return out;
  });
  return variantPattern ? simplified.replace(variantPattern, (w) => variantMap.get(w) ?? w) : simplified;
}

function foldChar(code: number): number {
  // Full-width ASCII variants to ASCII; the ideographic space to a space; typographic apostrophes
  // to ASCII so that "isn’t" reads as "isn't".
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x2019 || code === 0x2018 || code === 0x02bc) code = 0x27;
  else if (code === 0x3000) code = 0x20;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

/**
 * Normalises a block of prose for matching: Traditional to Simplified, full-width to half-width,
 * Latin lower case, pinyin notes removed, and white space folded. A line break between two CJK
 * characters disappears (a phrase wrapped mid-word still matches); any other run of white space
 * becomes one space.
 */
export function normalize(raw: RawText): NormalizedText {
  return applyPlan(normalizePlan(raw.text), raw.offsets);
}

/**
 * How a text normalises, independent of where it stands: the normalised text, and for each of its
 * code units the index in the raw text of the first and the last code unit that produced it, or
 * null when that is the code unit's own index throughout. The language server keeps plans of
 * unchanged blocks from one keystroke to the next (cache.ts).
 */
export interface NormalizePlan {
  text: string;
  first: Int32Array | null;
  last: Int32Array | null;
}

export function applyPlan(plan: NormalizePlan, offsets: number[]): NormalizedText {
  const base = offsets[0] ?? 0;
  let oneRun = true;
  for (let i = 1; i < offsets.length && oneRun; i++) oneRun = offsets[i] === base + i;
  return new NormalizedText(plan.text, plan, oneRun ? base : Int32Array.from(offsets));
}

export function normalizePlan(rawText: string): NormalizePlan {
  const drop = new Uint8Array(rawText.length);
  for (const m of rawText.matchAll(PINYIN_NOTE)) {
    drop.fill(1, m.index, m.index + m[0].length);
  }
  const simplified = toSimplifiedSameLength(rawText);
  const n = simplified.length;
  const chars: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let i = 0;
  while (i < n) {
    if (drop[i]) {
      i++;
      continue;
    }
    const code = simplified.charCodeAt(i);
    if (isSpace(code) || code === 0x3000) {
      let j = i;
      let hasBreak = false;
      while (j < n && !drop[j] && (isSpace(simplified.charCodeAt(j)) || simplified.charCodeAt(j) === 0x3000)) {
        if (simplified.charCodeAt(j) === 0x0a) hasBreak = true;
        j++;
      }
      const prev = chars.length > 0 ? String.fromCharCode(chars[chars.length - 1]!) : '';
      const next = j < n ? simplified[j]! : '';
      const joinCjk = hasBreak && prev !== '' && next !== '' && (isCjk(prev) || isHighSurrogateHan(chars)) && isCjk(next);
      if (!joinCjk && chars.length > 0 && j < n) {
        chars.push(0x20);
        first.push(i);
        last.push(j - 1);
      }
      i = j;
      continue;
    }
    chars.push(foldChar(code));
    first.push(i);
    last.push(i);
    i++;
  }
  let identity = chars.length === n;
  for (let k = 0; k < first.length && identity; k++) identity = first[k] === k && last[k] === k;
  return { text: fromCodes(chars), first: identity ? null : Int32Array.from(first), last: identity ? null : Int32Array.from(last) };
}

function isHighSurrogateHan(chars: number[]): boolean {
  // Astral Han characters (extension B and later) end in a low surrogate.
  const last = chars[chars.length - 1] ?? 0;
  const before = chars[chars.length - 2] ?? 0;
  return last >= 0xdc00 && last <= 0xdfff && before >= 0xd840 && before <= 0xd87f;
}

/** String.fromCharCode with a spread overflows the stack on long blocks, so build in slices. */
function fromCodes(chars: number[]): string {
  let out = '';
  for (let k = 0; k < chars.length; k += 8192) {
    out += String.fromCharCode(...chars.slice(k, k + 8192));
  }
  return out;
}

/** Normalises a phrase written by a person (a config entry, a vocabulary term) the way prose is. */
export function normalizeLiteral(phrase: string): string {
  const offsets = Array.from({ length: phrase.length }, (_, i) => i);
  return normalize({ text: phrase, offsets }).text;
}
