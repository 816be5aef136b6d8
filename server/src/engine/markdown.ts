import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Processor } from 'unified';
import type { Nodes, Paragraph, Parents, Root, RootContent } from 'mdast';
import { applyPlan, type NormalizedText, type RawText } from './normalize.js';
import { BlockMemo } from './cache.js';
import { parsePieces } from './chunks.js';

/** A unit of prose: a paragraph, a heading, or a table row. */
export interface Block {
  index: number;
  kind: 'paragraph' | 'heading' | 'tableRow';
  start: number;
  end: number;
  /** The innermost section that holds the block. */
  section: number;
  inBlockquote: boolean;
  norm: NormalizedText;
  /**
   * What to add to the source offsets of `norm` to get offsets in the document: not 0 only for a
   * block kept from an earlier parse after the text before it changed length.
   */
  offset: number;
  /** Sentence boundaries in `norm.text`: sentence k spans [sentenceStarts[k], sentenceStarts[k + 1]). */
  sentenceStarts: number[];
  /** What is known about the block's prose alone; shared by every block with the same prose. */
  memo: BlockMemo;
}

/** A heading and everything under it, down to the next heading of the same or a higher level. */
export interface Section {
  index: number;
  /** 0 for the document itself. */
  depth: number;
  parent: number;
  start: number;
  end: number;
  /** The heading's prose, or '' for the document. */
  title: string;
  headingBlock: number | null;
  /** The offset right after the section's own content, before its first subsection. */
  ownContentEnd: number;
}

export interface HtmlComment {
  start: number;
  end: number;
  body: string;
}

export interface ParsedDocument {
  text: string;
  blocks: Block[];
  sections: Section[];
  comments: HtmlComment[];
  /** The offset of the first line after any front matter, for inserting at the top. */
  bodyStart: number;
}

export interface ParseOptions {
  blockquotes: boolean;
}

/**
 * Of GitHub's extensions only tables and footnotes change where prose is. The others cost parse
 * time for nothing here: literal autolinks alone take about a quarter of it, and bare URLs are
 * left out of prose by maskUrls instead; strikethrough and task list markers leave prose as it is.
 */
function gfmTablesAndFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

function gfmFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmTablesAndFootnotes).use(remarkFrontmatter, ['yaml', 'toml']);
/** For text that cannot hold a table (chunks.ts): the same parse, without the table extension's cost. */
const processorWithoutTables = unified().use(remarkParse).use(gfmFootnotes).use(remarkFrontmatter, ['yaml', 'toml']);

const SENTENCE_END = /[。!?;|…]|\.(?=\s|$)(?<!\d\.(?=\d))/g;

/** Parses a piece of Markdown on its own; offsets in the tree are relative to `markdown`. */
export function parseTree(markdown: string, tables = true): Root {
  return (tables ? processor : processorWithoutTables).parse(markdown) as Root;
}

/** A top-level node of the tree and what to add to its offsets to get offsets in the document. */
export interface TopLevel {
  node: RootContent;
  shift: number;
}

export function parseMarkdown(text: string, options: ParseOptions, pieceLength?: number): ParsedDocument {
  return buildDocument(text, topLevel(text, pieceLength), options);
}

/**
 * The top-level nodes of a document, parsed piece by piece when it is long (chunks.ts), so that
 * each piece's tree can go once its blocks are collected.
 */
export function* topLevel(text: string, pieceLength?: number): Generator<TopLevel> {
  // micromark's offsets are kept exact by parsing the text after a BOM and shifting back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const { node, offset } of parsePieces(bom ? text.slice(1) : text, parseTree, pieceLength)) yield { node, shift: offset + bom };
}

/** A block as collected from its top-level node, with offsets as of that node's shift. */
interface CollectedBlock {
  kind: Block['kind'];
  start: number;
  end: number;
  inBlockquote: boolean;
  norm: NormalizedText;
  memo: BlockMemo;
}

/** What a top-level node contributes to the document, in order. */
type Item =
  | { type: 'heading'; depth: number; start: number; title: string; block: CollectedBlock | null }
  | { type: 'block'; block: CollectedBlock }
  | { type: 'comment'; comment: HtmlComment }
  | { type: 'frontMatter'; bodyStart: number };

/** The items of one top-level node and the shift their offsets were collected at. */
export interface NodeItems {
  shift: number;
  blockquotes: boolean;
  items: Item[];
}

/**
 * Kept by an editor between lints (incremental.ts): the items of each top-level node, so a node
 * reused from the last parse is not walked again, and the block memos of the nodes the last parse
 * replaced, by prose, so a block re-parsed with unchanged prose keeps its memo.
 */
export interface BuildMemo {
  nodes: WeakMap<RootContent, NodeItems>;
  retired: Map<string, BlockMemo>;
}

/** The collected block of an item, if it has one. */
export function itemBlock(item: Item): CollectedBlock | null {
  return item.type === 'block' || item.type === 'heading' ? item.block : null;
}

/**
 * Blocks, sections and comments from the top-level nodes of a document, each with the shift of
 * its offsets: the whole tree of one parse, or (incremental.ts) nodes reused from earlier parses.
 */
export function buildDocument(text: string, children: Iterable<TopLevel>, options: ParseOptions, memo?: BuildMemo): ParsedDocument {
  const blocks: Block[] = [];
  const sections: Section[] = [
    { index: 0, depth: 0, parent: -1, start: 0, end: text.length, title: '', headingBlock: null, ownContentEnd: text.length },
  ];
  const comments: HtmlComment[] = [];
  let bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: number[] = [0];
  const memoFor = (raw: string): BlockMemo => memo?.retired.get(raw) ?? new BlockMemo(raw, splitSentences);

  const addBlock = (b: CollectedBlock, delta: number): void => {
    blocks.push({
      index: blocks.length,
      kind: b.kind,
      start: b.start + delta,
      end: b.end + delta,
      section: stack[stack.length - 1]!,
      inBlockquote: b.inBlockquote,
      norm: b.norm,
      offset: delta,
      sentenceStarts: b.memo.sentenceStarts,
      memo: b.memo,
    });
  };

  for (const child of children) {
    let collected = memo?.nodes.get(child.node);
    if (!collected || collected.blockquotes !== options.blockquotes) {
      collected = collect(child.node, child.shift, text, options, memoFor);
      memo?.nodes.set(child.node, collected);
    }
    const delta = child.shift - collected.shift;
    for (const item of collected.items) {
      switch (item.type) {
        case 'frontMatter':
          bodyStart = item.bodyStart + delta;
          break;
        case 'comment':
          comments.push(delta === 0 ? item.comment : { ...item.comment, start: item.comment.start + delta, end: item.comment.end + delta });
          break;
        case 'block':
          addBlock(item.block, delta);
          break;
        case 'heading': {
          const start = item.start + delta;
          while (stack.length > 1 && sections[stack[stack.length - 1]!]!.depth >= item.depth) {
            const closed = sections[stack.pop()!]!;
            closed.end = start;
          }
          const parent = stack[stack.length - 1]!;
          const parentSection = sections[parent]!;
          if (parentSection.ownContentEnd > start) parentSection.ownContentEnd = start;
          const section: Section = {
            index: sections.length,
            depth: item.depth,
            parent,
            start,
            end: text.length,
            title: item.title,
            headingBlock: null,
            ownContentEnd: text.length,
          };
          sections.push(section);
          stack.push(section.index);
          if (item.block) {
            addBlock(item.block, delta);
            section.headingBlock = blocks.length - 1;
          }
          break;
        }
      }
    }
  }
  return { text, blocks, sections, comments, bodyStart };
}

/** The items of one top-level node, its offsets in `text` being its own plus `shift`. */
function collect(top: RootContent, shift: number, text: string, options: ParseOptions, memoFor: (raw: string) => BlockMemo): NodeItems {
  const items: Item[] = [];
  const pos = (node: Nodes): [number, number] => [(node.position?.start.offset ?? 0) + shift, (node.position?.end.offset ?? 0) + shift];
  const comments: HtmlComment[] = [];
  // Comments are found while prose is gathered; they go out before the block that held them.
  const flushComments = (): void => {
    for (const comment of comments) items.push({ type: 'comment', comment });
    comments.length = 0;
  };
  const block = (kind: Block['kind'], node: Nodes, raw: RawText, inBlockquote: boolean): CollectedBlock | null => {
    flushComments();
    if (raw.text.trim() === '') return null;
    const [start, end] = pos(node);
    const memo = memoFor(raw.text);
    return { kind, start, end, inBlockquote, norm: applyPlan(memo.plan, raw.offsets), memo };
  };
  const add = (b: CollectedBlock | null): void => {
    if (b) items.push({ type: 'block', block: b });
  };

  const walk = (node: Nodes, inBlockquote: boolean): void => {
    // remark-frontmatter's TOML node is not in mdast's types, so it is compared as a string.
    if ((node.type as string) === 'toml' || node.type === 'yaml') {
      items.push({ type: 'frontMatter', bodyStart: lineEndAfter(text, pos(node)[1]) });
      return;
    }
    switch (node.type) {
      case 'code':
      case 'definition':
      case 'image':
      case 'imageReference':
        return;
      case 'html': {
        const [start] = pos(node);
        for (const m of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
          items.push({ type: 'comment', comment: { start: start + m.index, end: start + m.index + m[0].length, body: m[1] ?? '' } });
        }
        return;
      }
      case 'heading': {
        const raw = inlineText(node, text, shift, comments);
        flushComments();
        items.push({ type: 'heading', depth: node.depth, start: pos(node)[0], title: oneLine(raw.text), block: block('heading', node, raw, inBlockquote) });
        return;
      }
      case 'paragraph': {
        if (inBlockquote && !options.blockquotes) return;
        const raw = inlineText(node, text, shift, comments);
        if (isCitation(node)) {
          flushComments();
          return;
        }
        add(block('paragraph', node, raw, inBlockquote));
        return;
      }
      case 'tableRow': {
        if (inBlockquote && !options.blockquotes) return;
        const raw: RawText = { text: '', offsets: [] };
        node.children.forEach((cell, k) => {
          const cellText = inlineText(cell, text, shift, comments);
          if (k > 0) {
            // A cell boundary ends a sentence, so a match never runs from one cell into the next.
            raw.text += '|';
            raw.offsets.push((cell.position?.start.offset ?? 0) + shift);
          }
          raw.text += cellText.text;
          for (const o of cellText.offsets) raw.offsets.push(o);
        });
        add(block('tableRow', node, raw, inBlockquote));
        return;
      }
      case 'blockquote':
        for (const child of node.children) walk(child, true);
        return;
      default:
        if ('children' in node) for (const child of (node as Parents).children) walk(child as Nodes, inBlockquote);
    }
  };
  walk(top, false);
  flushComments();
  return { shift, blockquotes: options.blockquotes, items };
}

/**
 * A paragraph or list item that is one link and nothing else ("- [全国首个数字孪生城市白皮书](…)")
 * names another text, as a reading list or a table of contents does; its words are that text's
 * title, not the author's claim.
 */
function isCitation(node: Paragraph): boolean {
  let links = 0;
  const visit = (n: Nodes): boolean => {
    if (n.type === 'link' || n.type === 'linkReference') {
      links++;
      return true;
    }
    if (n.type === 'text') return /^[\s\p{P}]*$/u.test(n.value);
    if (n.type === 'strong' || n.type === 'emphasis') return n.children.every((c) => visit(c as Nodes));
    return n.type === 'break';
  };
  return node.children.every((c) => visit(c as Nodes)) && links === 1;
}

/**
 * A setext heading can span lines; its title is shown on one, the same for LF and CRLF. Wrapped
 * Chinese joins without a space.
 */
function oneLine(text: string): string {
  const cjk = /[\u3400-\u9fff]/;
  return text.replace(/\s*\n\s*/g, (m: string, at: number, all: string) => (cjk.test(all[at - 1] ?? '') && cjk.test(all[at + m.length] ?? '') ? '' : ' ')).trim();
}

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The prose of an inline container, with the source offset of every code unit. Code, HTML,
 * images and the URLs of links are left out; a stand-in character keeps words on either side of
 * left-out code apart.
 */
function inlineText(node: Nodes, source: string, bom: number, comments: HtmlComment[]): RawText {
  const out: RawText = { text: '', offsets: [] };
  const visit = (n: Nodes): void => {
    switch (n.type) {
      case 'text': {
        const start = (n.position?.start.offset ?? 0) + bom;
        const end = (n.position?.end.offset ?? 0) + bom;
        const from = out.text.length;
        align(n.value, source, start, end, out);
        if (/https?:\/\/|www\.|@/i.test(n.value)) maskUrls(out, from);
        return;
      }
      case 'break': {
        out.text += '\n';
        out.offsets.push((n.position?.start.offset ?? 0) + bom);
        return;
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference': {
        out.text += '\ufffc';
        out.offsets.push((n.position?.start.offset ?? 0) + bom);
        return;
      }
      case 'html': {
        const start = (n.position?.start.offset ?? 0) + bom;
        for (const m of n.value.matchAll(/<!--([\s\S]*?)-->/g)) {
          comments.push({ start: start + m.index, end: start + m.index + m[0].length, body: m[1] ?? '' });
        }
        return;
      }
      case 'link': {
        // An autolink shows its own URL as its text: that is not prose.
        const label = n.children.map((c) => ('value' in c ? c.value : '')).join('');
        if (label === n.url || `mailto:${label}` === n.url || /^(https?:|www\.)/i.test(label)) {
          out.text += '\ufffc';
          out.offsets.push((n.position?.start.offset ?? 0) + bom);
          return;
        }
        for (const c of n.children) visit(c as Nodes);
        return;
      }
      default:
        if ('children' in n) for (const c of (n as Parents).children) visit(c as Nodes);
    }
  };
  if ('children' in node) for (const c of (node as Parents).children) visit(c as Nodes);
  return out;
}

/** A bare URL or e-mail address, as GitHub would make a link of it; never prose. */
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/**
 * Replaces each bare URL in `out.text` from `from` on with one stand-in character, as an autolink
 * would be. Trailing punctuation and an unmatched closing parenthesis stay outside, as in GFM.
 */
function maskUrls(out: RawText, from: number): void {
  const tail = out.text.slice(from);
  const spans: Array<[number, number]> = [];
  for (const m of tail.matchAll(BARE_URL)) {
    let url = m[0].replace(/[?!.,:;*_~'"]+$/, '');
    while (url.endsWith(')') && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) url = url.slice(0, -1).replace(/[?!.,:;*_~'"]+$/, '');
    if (url.includes('@') || /^(?:https?:\/\/|www\.)./i.test(url)) spans.push([from + m.index, from + m.index + url.length]);
  }
  for (let k = spans.length - 1; k >= 0; k--) {
    const [s, e] = spans[k]!;
    out.text = out.text.slice(0, s) + '\ufffc' + out.text.slice(e);
    out.offsets.splice(s + 1, e - s - 1);
  }
}

/**
 * Maps each code unit of a node's value to the source. The value can differ from the source
 * slice: a character reference (&#x1F600;, &amp;) or an escape (\*) stands for fewer characters,
 * and continued lines in lists and block quotes lose their indentation and markers. So the source
 * is walked beside the value: a reference maps its decoded characters to its "&", and source
 * characters the value lacks are skipped, a short way at most; a character not found there maps
 * to the current place.
 */
function align(value: string, source: string, start: number, end: number, out: RawText): void {
  if (source.slice(start, end) === value) {
    for (let i = 0; i < value.length; i++) out.offsets.push(start + i);
    out.text += value;
    return;
  }
  let j = start;
  for (let i = 0; i < value.length; ) {
    // Walk ahead to the next source character, or reference, that gives the value's next text.
    let k = j;
    let reference: CharacterReference | null = null;
    const limit = Math.min(end, j + SKIP_LIMIT);
    for (; k < limit; k++) {
      if (source[k] === '&') {
        reference = characterReference(source, k, end);
        if (reference && value.startsWith(reference.decoded, i)) break;
        reference = null;
      }
      if (source[k] === value[i]) break;
    }
    if (reference) {
      for (let n = 0; n < reference.decoded.length; n++) out.offsets.push(k);
      i += reference.decoded.length;
      j = reference.end;
    } else if (k < limit) {
      out.offsets.push(k);
      j = k + 1;
      i++;
    } else {
      out.offsets.push(Math.min(j, Math.max(start, end - 1)));
      i++;
    }
  }
  out.text += value;
}

/** How far the source may run ahead of the value: indentation and markers of a continued line. */
const SKIP_LIMIT = 64;

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

interface CharacterReference {
  decoded: string;
  /** The source offset right after the reference's ";". */
  end: number;
}

/** The character reference at `at`, decoded as CommonMark does, or null when there is none. */
function characterReference(source: string, at: number, end: number): CharacterReference | null {
  REFERENCE.lastIndex = at;
  const m = REFERENCE.exec(source);
  if (!m || at + m[0].length > end) return null;
  if (m[3] !== undefined) {
    const decoded = decodeNamedCharacterReference(m[3]);
    return decoded === false ? null : { decoded, end: at + m[0].length };
  }
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
  // CommonMark replaces NUL, surrogates and code points beyond Unicode with U+FFFD.
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { decoded: valid ? String.fromCodePoint(code) : '\ufffd', end: at + m[0].length };
}

export function splitSentences(text: string): number[] {
  const starts = [0];
  SENTENCE_END.lastIndex = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const next = m.index + m[0].length;
    if (next < text.length && next > starts[starts.length - 1]!) starts.push(next);
  }
  starts.push(text.length);
  return starts;
}

/** The index of the sentence that holds offset `at` of a block's normalised text. */
export function sentenceAt(block: Block, at: number): number {
  const s = block.sentenceStarts;
  let lo = 0;
  let hi = s.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
