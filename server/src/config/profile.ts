import { parseDocument, LineCounter, isMap, isPair, isScalar } from 'yaml';
import { PRESET_NAMES, type PresetName } from '../engine/presets.js';

/** A front-matter field that asks for a profile, with its place for messages. */
export interface ProfileField {
  value: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

/** The profile fields of a document's YAML front matter: `needfirst:` and `stage:`. */
export interface FrontMatterProfile {
  needfirst?: ProfileField;
  stage?: ProfileField;
  /** A `needfirst:` or `stage:` line in front matter that is not valid YAML, with the parser's reason. */
  unreadable?: ProfileField & { reason: string };
}

const OPENING = /^(?:\ufeff)?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** Reads `needfirst` and `stage` from YAML front matter; null when there is none or it is not YAML. */
export function readFrontMatter(text: string): FrontMatterProfile | null {
  const open = OPENING.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close) return null;
  const yaml = rest.slice(0, close.index);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  if (doc.errors.length > 0) {
    // A profile asked for in broken YAML must not pass silently: the document would be linted
    // with the folder's configuration while its author believes it is held to the profile.
    const asked = /^[ \t]*(?:needfirst|stage)[ \t]*:.*$/m.exec(yaml);
    if (!asked) return null;
    // Lines are counted in the document, which starts with the opening "---" line.
    const line = yaml.slice(0, asked.index).split('\n').length + 1;
    const reason = doc.errors[0]!.message.split('\n')[0]!.replace(/ at line \d+, column \d+/, '').replace(/[.:]\s*$/, '');
    return { unreadable: { value: asked[0].trim(), line, column: 1, offset: open[0].length + asked.index, length: asked[0].length, reason } };
  }
  if (!isMap(doc.contents)) return null;
  const out: FrontMatterProfile = {};
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
    const name = String(pair.key.value);
    if (name !== 'needfirst' && name !== 'stage') continue;
    const [start, end] = pair.value.range ?? [0, 0];
    const pos = lineCounter.linePos(start);
    // Lines are counted in the document, which starts with the opening "---" line.
    out[name] = { value: String(pair.value.value).trim(), line: pos.line + 1, column: pos.col, offset: open[0].length + start, length: end - start };
  }
  return out;
}

/** `strict`, `needfirst:strict` and the like, as a preset name; null when it names none. */
export function presetNamed(value: string): PresetName | null {
  const full = value.startsWith('needfirst:') ? value : `needfirst:${value}`;
  return (PRESET_NAMES as readonly string[]).includes(full) ? (full as PresetName) : null;
}
