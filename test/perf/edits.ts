// Random edits of Markdown and a plain-data view of a parsed document, shared by the tests that
// compare incremental and piecewise parsing with a whole parse.
import { buildDocument, parseTree, type ParsedDocument, type ParseOptions } from '../../server/src/engine/markdown.js';

/** The reference: one parse of the whole document, with no pieces and no reuse. */
export function wholeDocument(text: string, options: ParseOptions): ParsedDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return buildDocument(text, parseTree(bom ? text.slice(1) : text).children.map((node) => ({ node, shift: bom })), options);
}

export interface Rng {
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

export function edit(r: Rng, text: string): string {
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
export function shape(doc: ParsedDocument): unknown {
  return {
    blocks: doc.blocks.map((b) => [b.kind, b.start, b.end, b.section, b.inBlockquote, b.memo.raw, b.norm.text, Array.from({ length: b.norm.text.length }, (_, k) => b.norm.sourceStart(k) + b.offset).join(','), Array.from({ length: b.norm.text.length }, (_, k) => b.norm.sourceEnd(k) + b.offset).join(','), b.sentenceStarts.join(',')]),
    sections: doc.sections,
    comments: doc.comments,
    bodyStart: doc.bodyStart,
  };
}

