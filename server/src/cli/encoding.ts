import iconv from 'iconv-lite';

/** A file's text and how to write it back byte for byte. */
export interface DecodedFile {
  text: string;
  /** An iconv-lite encoding name: utf-8, utf-16le, utf-16be, gb18030, or what --encoding named. */
  encoding: string;
  bom: boolean;
}

/** Decoded text, or the reason (a clause) why the file cannot be linted. */
export type Decoded = DecodedFile | { skip: string };

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The canonical name of an encoding iconv-lite knows, or null. */
export function encodingName(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower === 'utf8') return 'utf-8';
  if (lower === 'utf16le' || lower === 'utf16be') return `utf-16${lower.slice(5)}`;
  return iconv.encodingExists(lower) ? lower : null;
}

/**
 * Decodes a file. With no `forced` encoding: a BOM decides; NUL bytes on one side of every pair
 * mean UTF-16 without a BOM, elsewhere binary; then UTF-8; then GB18030 (which covers GBK).
 * Bytes that would not be written back identically are never accepted, so --fix loses nothing.
 */
export function decodeFile(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) {
    const bom = BOMS[forced] !== undefined && startsWith(bytes, BOMS[forced]!);
    const decoded = tryDecode(bytes, forced, bom);
    return decoded ?? { skip: `it is not valid ${forced}, so it was skipped; check the --encoding given` };
  }
  for (const [encoding, bom] of Object.entries(BOMS)) {
    if (!startsWith(bytes, bom)) continue;
    const decoded = tryDecode(bytes, encoding, true);
    if (decoded && !decoded.text.includes('\0')) return decoded;
    return { skip: `it starts with a ${encoding} byte order mark but is not valid ${encoding}, so it was skipped; save it again as UTF-8` };
  }
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    return utf16 ?? { skip: 'it looks binary (it contains NUL bytes), so it was skipped' };
  }
  const utf8 = tryDecode(bytes, 'utf-8', false);
  if (utf8) return utf8;
  const gb = tryDecode(bytes, 'gb18030', false);
  if (gb && !/[\0-\x08\x0e-\x1f\ufffd]/.test(gb.text)) return gb;
  return { skip: 'it is neither valid UTF-8 nor GB18030, so it was skipped; save it as UTF-8, or name its encoding with --encoding (for example --encoding big5)' };
}

/**
 * UTF-16 without a BOM: NUL bytes fall mostly on one side of the pairs (the high byte of ASCII;
 * a few CJK characters such as 最 U+6700 put one on the other side).
 */
function utf16WithoutBom(bytes: Uint8Array): DecodedFile | null {
  if (bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (Math.min(even, odd) * 4 > Math.max(even, odd)) return null;
  // ASCII puts its NUL first in big-endian pairs and second in little-endian ones; the other order
  // is tried too, since Chinese text can have more NULs from its own characters than from ASCII.
  const orders = even > odd ? ['utf-16be', 'utf-16le'] : ['utf-16le', 'utf-16be'];
  for (const encoding of orders) {
    const decoded = tryDecode(bytes, encoding, false);
    // Text has line breaks and no control characters; binary data rarely passes both.
    if (decoded && decoded.text.includes('\n') && !/[\0-\x08\x0e-\x1f]/.test(decoded.text)) return decoded;
  }
  return null;
}

function tryDecode(bytes: Uint8Array, encoding: string, bom: boolean): DecodedFile | null {
  const body = bom ? bytes.subarray(BOMS[encoding]!.length) : bytes;
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return null;
    }
  } else {
    text = iconv.decode(body, encoding, { stripBOM: false });
  }
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return null;
  const decoded = { text, encoding, bom };
  return sameBytes(encodeFile(decoded), bytes) ? decoded : null;
}

/** The bytes of a text in a file's encoding, with its BOM. */
export function encodeFile(file: DecodedFile): Uint8Array {
  const body = file.encoding === 'utf-8' ? new TextEncoder().encode(file.text) : iconv.encode(file.text, file.encoding);
  if (!file.bom) return body;
  const bom = BOMS[file.encoding] ?? [];
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom);
  out.set(body, bom.length);
  return out;
}

/** Whether a text survives encoding: characters the encoding lacks would be written as "?". */
export function encodesExactly(file: DecodedFile): boolean {
  const bytes = encodeFile(file);
  const back = file.encoding === 'utf-8' ? new TextDecoder().decode(bytes.subarray(file.bom ? 3 : 0)) : iconv.decode(bytes, file.encoding, { stripBOM: file.bom });
  return back === file.text;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** "5MB", "512kb", "1000000" → bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return null;
  return Math.round(Number(m[1]) * unit);
}

/** A size as people read it: "50.0 MB", "512 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes % 1024 ** 2 === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}
