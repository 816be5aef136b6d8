/**
 * Word classes (server/vocab/slots.*.yaml): a term writes `{name}` where any word of the class may
 * stand. Shared by `npm run generate`, which builds the vocabulary, and `npm run try-terms`, which
 * measures proposed terms before they join it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { VocabLanguage } from '../server/src/engine/vocab.js';

export type Slots = Record<VocabLanguage, Map<string, string>>;

const SLOT = /\{([a-z][a-z0-9-]*)\}/g;

/** Reads both languages' word classes; every problem is a sentence pushed to `problems`. */
export function readSlots(root: string, problems: string[]): Slots {
  const slots: Slots = { zh: new Map(), en: new Map() };
  for (const lang of ['zh', 'en'] as const) {
    const slotFile = `server/vocab/slots.${lang}.yaml`;
    const data = parseYaml(readFileSync(join(root, slotFile), 'utf8')) as { lang: string; slots: Record<string, string> };
    if (data.lang !== lang || typeof data.slots !== 'object' || data.slots === null) {
      problems.push(`${slotFile}: needs "lang: ${lang}" and a "slots" map of names to words.`);
      continue;
    }
    for (const [name, words] of Object.entries(data.slots)) {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) problems.push(`${slotFile}: the slot name "${name}" should be lower-case kebab-case.`);
      if (typeof words !== 'string' || words.trim() === '') problems.push(`${slotFile}: slot "${name}" needs its words as one string, "a|b|c".`);
      else if (/[{}…]/.test(words)) problems.push(`${slotFile}: slot "${name}" holds words, not other slots or gaps.`);
      else slots[lang].set(name, words);
    }
  }
  return slots;
}

/** Writes each `{name}` of a term out as its word class, `(a|b|c)`; calls `unknown` for a name the language does not define. */
export function fillSlots(term: string, words: Map<string, string>, used: (name: string) => void, unknown: (name: string) => void): string {
  return term.replace(SLOT, (whole, name: string) => {
    const class_ = words.get(name);
    if (class_ === undefined) {
      unknown(name);
      return whole;
    }
    used(name);
    return `(${class_})`;
  });
}
