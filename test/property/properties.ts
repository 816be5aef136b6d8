// The engine's properties, as checks that throw on a counterexample. The vitest suite and
// `npm run fuzz` run the same checks, with few and with many generated documents.
import fc from 'fast-check';
import { lint } from '../../server/src/engine/lint.js';
import { applyFixes, overlaps } from '../../server/src/engine/fixes.js';
import { lineStarts, positionAt } from '../../server/src/engine/positions.js';
import { recommended, strict } from '../../server/src/engine/presets.js';
import { lintAndFix } from '../../server/src/cli/main.js';
import { formatJson } from '../../server/src/cli/formats/json.js';
import { formatStylish } from '../../server/src/cli/formats/stylish.js';
import { formatSarif } from '../../server/src/cli/formats/sarif.js';
import { formatGithub } from '../../server/src/cli/formats/github.js';
import { formatMarkdown } from '../../server/src/cli/formats/markdown.js';
import type { ResolvedConfig } from '../../server/src/engine/config.js';
import type { Edit, Finding, LintResult } from '../../server/src/engine/types.js';
import { markdown, markdownLf, withEol } from './arbitraries.js';

const CONFIGS: Record<string, () => ResolvedConfig> = { recommended, strict };

function fail(message: string): never {
  throw new Error(message);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A boundary inside the text that cuts neither a surrogate pair nor a CRLF. */
function checkBoundary(text: string, at: number, what: string): void {
  if (!Number.isInteger(at) || at < 0 || at > text.length) fail(`${what} ${at} lies outside the document (length ${text.length})`);
  if (isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))) fail(`${what} ${at} splits a surrogate pair`);
}

function allFindings(result: LintResult): Finding[] {
  return [...result.findings, ...result.suppressed.map((s) => s.finding).filter((f): f is Finding => f !== undefined)];
}

/** The engine does not throw, no rule fails, and every range and edit lies on the document's own boundaries. */
export function checkRanges(text: string, config: ResolvedConfig): LintResult {
  const result = lint(text, { config });
  if (result.ruleFailures.length > 0) fail(`rules failed: ${JSON.stringify(result.ruleFailures)}`);
  const starts = lineStarts(text);
  for (const f of allFindings(result)) {
    const { start, end } = f.range;
    checkBoundary(text, start, `${f.ruleId} start`);
    checkBoundary(text, end, `${f.ruleId} end`);
    if (start > end) fail(`${f.ruleId} range ${start}-${end} is reversed`);
    if (text.slice(start, end) !== f.text) fail(`${f.ruleId} text ${JSON.stringify(f.text)} is not the source at ${start}-${end}`);
    const s = positionAt(starts, start);
    if (s.line !== f.start.line || s.column !== f.start.column) fail(`${f.ruleId} start position ${JSON.stringify(f.start)} is not offset ${start}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        checkBoundary(text, e.offset, `${f.ruleId} ${fix.kind} edit offset`);
        checkBoundary(text, e.offset + e.length, `${f.ruleId} ${fix.kind} edit end`);
        if (text[e.offset - 1] === '\r' && text[e.offset] === '\n') fail(`${f.ruleId} ${fix.kind} edit at ${e.offset} splits a CRLF`);
        if (/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(e.text)) fail(`${f.ruleId} ${fix.kind} edit inserts half a surrogate pair`);
      }
    }
  }
  // The formatters see every result the CLI can make; none of them may throw either.
  const reports = [{ path: '/doc.md', displayPath: 'doc.md', language: result.language, result, fixed: 0 }];
  formatJson(reports);
  formatStylish(reports, { color: true });
  formatSarif(reports, '0.0.0');
  formatGithub(reports);
  formatMarkdown(reports, null);
  return result;
}

/** The edits of one run's fixes never overlap, and applying them keeps every code unit outside them. */
export function checkFixes(text: string, result: LintResult): void {
  const fixes = result.findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'fix').map((fix) => ({ fix, ruleId: f.ruleId })));
  const edits: Array<{ edit: Edit; ruleId: string }> = fixes.flatMap(({ fix, ruleId }) => fix.edits.map((edit) => ({ edit, ruleId })));
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) {
      if (overlaps(edits[i]!.edit, edits[j]!.edit)) fail(`fixes overlap: ${edits[i]!.ruleId} ${JSON.stringify(edits[i]!.edit)} and ${edits[j]!.ruleId} ${JSON.stringify(edits[j]!.edit)}`);
    }
  }
  const applied = applyFixes(text, fixes.map((f) => f.fix));
  if (applied.skipped !== 0) fail(`${applied.skipped} fixes were skipped`);
  expectKept(text, applied.output, edits.map((e) => e.edit));
  // Each scaffold alone also keeps everything around it.
  for (const f of result.findings) {
    for (const fix of f.fixes.filter((x) => x.kind === 'scaffold')) expectKept(text, applyFixes(text, [fix]).output, fix.edits);
  }
}

/** Rebuilds the expected output from the edits alone and compares. */
function expectKept(before: string, after: string, edits: Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let expected = '';
  let at = 0;
  for (const e of sorted) {
    expected += before.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  expected += before.slice(at);
  if (expected !== after) fail('applying the fixes changed text outside their edits');
}

/** --fix leaves no fixable finding, and a second --fix changes nothing. */
export function checkFixIdempotent(text: string, config: ResolvedConfig): void {
  const first = lintAndFix(text, config);
  if ((first.output !== text) !== first.fixed > 0) fail(`${first.fixed} fixes were counted but the text ${first.output === text ? 'did not change' : 'changed'}`);
  const fixable = first.result.findings.filter((f) => f.fixes.some((x) => x.kind === 'fix'));
  if (fixable.length > 0) fail(`fixed text still has fixable findings: ${fixable.map((f) => `${f.ruleId} ${JSON.stringify(f.text)}`).join(', ')}`);
  const second = lintAndFix(first.output, config);
  if (second.output !== first.output) fail('a second --fix changed the text again');
  checkRanges(first.output, config);
}

/** What a finding says, leaving out where it is in code units. */
function shape(result: LintResult): unknown {
  const unEol = (s: string): string => s.replace(/\r\n/g, '\n');
  const finding = (f: Finding): unknown => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: unEol(f.message),
    text: unEol(f.text),
    start: f.start,
    end: f.end,
    safeguard: f.safeguard,
    fixes: f.fixes.map((x) => ({ kind: x.kind, title: unEol(x.title), edits: x.edits.map((e) => unEol(e.text)) })),
  });
  return {
    language: result.language,
    messageLanguage: result.messageLanguage,
    findings: result.findings.map(finding),
    suppressed: result.suppressed.map((s) => ({ ruleId: s.ruleId, line: s.line, reason: unEol(s.reason) })),
    checklist: result.checklist.map((c) => ({ id: c.id, addressed: c.addressed, line: c.line })),
  };
}

/** An LF document and its CRLF twin give the same findings, lines and columns. */
export function checkEolIndependent(lf: string, config: ResolvedConfig): void {
  const a = shape(lint(lf, { config }));
  const b = shape(lint(withEol(lf, 'crlf'), { config }));
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja !== jb) fail(`LF and CRLF differ:\nLF   ${ja}\nCRLF ${jb}`);
}

const config = fc.constantFrom(...Object.keys(CONFIGS));

/** The properties with their generators, by name; one lint serves the range and the fix checks. */
export const PROPERTIES = {
  ranges: fc.property(markdown, config, (text, c) => checkFixes(text, checkRanges(text, CONFIGS[c]!()))),
  fixIdempotent: fc.property(markdown, config, (text, c) => checkFixIdempotent(text, CONFIGS[c]!())),
  eol: fc.property(markdownLf, config, (text, c) => checkEolIndependent(text, CONFIGS[c]!())),
};
