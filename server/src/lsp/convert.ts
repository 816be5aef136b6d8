import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, localize, META_CHECKS, RULES, type ChecklistItem, type Edit, type Finding, type LintResult, type MessageLanguage, type Severity } from '../engine/index.js';
import { say } from './strings.js';

/** Code action kind of the fix-all source action, as editor.codeActionsOnSave names it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.needfirst`;

/** Checks that are about the document's markup, not a phrase: no "allow this phrase" for them. */
const META_IDS = new Set(META_CHECKS.map((m) => m.id));

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function textEdit(doc: TextDocument, edit: Edit): TextEdit {
  return { range: rangeOf(doc, edit.offset, edit.offset + edit.length), newText: edit.text };
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function toDiagnostic(doc: TextDocument, finding: Finding, relatedInformation: boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    // The engine counts lines as LSP does, so its positions need no second pass over the text.
    range: { start: { line: finding.start.line - 1, character: finding.start.column - 1 }, end: { line: finding.end.line - 1, character: finding.end.column - 1 } },
    severity: SEVERITY[finding.severity],
    source: 'needfirst',
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data: { version: doc.version, start: finding.range.start, end: finding.range.end } satisfies DiagnosticData,
  };
  if (relatedInformation && finding.scopeRange && finding.safeguard) {
    // Point at the heading line of the section that was searched, not the whole section.
    const start = doc.positionAt(finding.scopeRange.start);
    const lineText = doc.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const range = { start, end: { line: start.line, character: Math.max(start.character, lineText.length) } };
    diagnostic.relatedInformation = [{ location: { uri: doc.uri, range }, message: finding.safeguard }];
  }
  return diagnostic;
}

/**
 * What a diagnostic carries back in code action requests: the version it was made for and the
 * finding's offsets. Some clients (Neovim 0.7) send the range back in their own units, so the
 * offsets are what identify the finding.
 */
interface DiagnosticData {
  version: number;
  start: number;
  end: number;
}

const isData = (value: unknown): value is DiagnosticData =>
  typeof value === 'object' && value !== null && ['version', 'start', 'end'].every((k) => typeof (value as Record<string, unknown>)[k] === 'number');

/** The current finding a client's diagnostic stands for; none when the diagnostic is from an older version. */
export function findingFor(doc: TextDocument, result: LintResult, diagnostic: Diagnostic): Finding | undefined {
  const data = diagnostic.data;
  if (isData(data)) {
    if (data.version !== doc.version) return undefined;
    return result.findings.find((f) => f.ruleId === diagnostic.code && f.range.start === data.start && f.range.end === data.end);
  }
  return result.findings.find((f) => f.ruleId === diagnostic.code && sameRange(rangeOf(doc, f.range.start, f.range.end), diagnostic.range));
}

/** The rule's own fixes (the first preferred), then the suppression with a reason and the documentation. */
export function quickFixes(doc: TextDocument, finding: Finding, diagnostic: Diagnostic, language: MessageLanguage): CodeAction[] {
  const actions: CodeAction[] = finding.fixes.map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: { changes: { [doc.uri]: fix.edits.map((e) => textEdit(doc, e)) } },
  }));
  actions.push({
    title: say('disableLine', language, { rule: finding.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [disableEdit(doc, finding, language)] } },
  });
  return actions;
}

/**
 * A directive above the finding's line, indented like it; in a table row a line of its own would
 * end the table, so there the directive goes at the end of the row.
 */
function disableEdit(doc: TextDocument, finding: Finding, language: MessageLanguage): TextEdit {
  const line = finding.start.line - 1;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const reason = say('reasonPlaceholder', language);
  if (/^\s*\|/.test(text)) {
    return { range: { start: { line, character: text.length }, end: { line, character: text.length } }, newText: ` <!-- needfirst-disable-line ${finding.ruleId} -- ${reason} -->` };
  }
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- needfirst-disable-next-line ${finding.ruleId} -- ${reason} -->${eol}` };
}

export function allowsPhrase(ruleId: string): boolean {
  return !META_IDS.has(ruleId);
}

/** The hover of one finding: the report's judgment, why it matters, what would satisfy it. */
export function hoverText(finding: Finding, language: MessageLanguage): string {
  const rule = RULES.find((r) => r.id === finding.ruleId);
  const lines = [`**needfirst · ${finding.ruleId}**`, '', finding.message, ''];
  if (rule) {
    lines.push(`**${say('hoverJudgment', language, { source: rule.judgment.source })}**: ${localize(rule.judgment.text, language)}`, '');
    lines.push(`**${say('hoverWhy', language)}**: ${localize(rule.why, language)}`, '');
    lines.push(`**${say('hoverSatisfy', language)}**: ${localize(rule.satisfy, language)}`, '');
  } else {
    const meta = META_CHECKS.find((m) => m.id === finding.ruleId);
    if (meta) lines.push(localize(meta.description, language), '');
  }
  if (finding.safeguard) lines.push(`**${say('hoverSearched', language)}**: ${finding.safeguard}`, '');
  lines.push(`[${say('hoverDocs', language)}](${docsUrl(finding.ruleId)})`);
  return lines.join('\n');
}

export function hoverOf(doc: TextDocument, findings: Finding[], language: MessageLanguage): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: findings.map((f) => hoverText(f, language)).join('\n\n---\n\n') },
    range: rangeOf(doc, findings[0]!.range.start, findings[0]!.range.end),
  };
}

/** Findings that are technical judgments without a stated basis, as the CodeLens counts them. */
export function unansweredCount(result: LintResult): number {
  return result.findings.filter((f) => !META_IDS.has(f.ruleId)).length;
}

export function lensTitle(result: LintResult): string {
  const addressed = result.checklist.filter((c) => c.addressed).length;
  return say('lens', result.messageLanguage, { addressed, total: result.checklist.length, missing: unansweredCount(result) });
}

export interface ChecklistReport {
  title: string;
  items: Array<ChecklistItem & { label: string }>;
}

/** The value checklist with a ready-made line per item, for any client to show. */
export function checklistReport(result: LintResult): ChecklistReport {
  const language = result.messageLanguage;
  const addressed = result.checklist.filter((c) => c.addressed).length;
  return {
    title: say('checklistTitle', language, { addressed, total: result.checklist.length }),
    items: result.checklist.map((c) => ({
      ...c,
      label: c.addressed
        ? say('checklistAddressed', language, { title: c.title, line: c.line ?? '?', evidence: c.evidence ?? '' })
        : say('checklistMissing', language, { title: c.title, hint: c.hint }),
    })),
  };
}

/** One edit that turns `before` into `after`: the changed middle, so the rest of the text keeps its place. */
export function minimalEdit(before: string, after: string): Edit | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Keep a surrogate pair whole on both sides of the edit.
  if (start > 0 && /[\ud800-\udbff]/.test(before[start - 1]!)) start--;
  if (end > 0 && /[\udc00-\udfff]/.test(before[before.length - end]!)) end--;
  return { offset: start, length: before.length - start - end, text: after.slice(start, after.length - end) };
}
