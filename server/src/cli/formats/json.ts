import type { FileReport } from '../report.js';

/** The documented JSON shape; other tools read it, so fields are neither added nor renamed. */
export function formatJson(reports: FileReport[]): string {
  const out = reports.map((r) => ({
    filePath: r.displayPath,
    language: r.language,
    findings: r.result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.start.line,
      column: f.start.column,
      endLine: f.end.line,
      endColumn: f.end.column,
      text: f.text,
      safeguard: f.safeguard,
      fixes: f.fixes.map((x) => ({ title: x.title, kind: x.kind, edits: x.edits.map((e) => ({ offset: e.offset, length: e.length, text: e.text })) })),
    })),
    checklist: r.result.checklist.map((c) => ({ id: c.id, addressed: c.addressed, line: c.line })),
    suppressed: r.result.suppressed.map((s) => ({ ruleId: s.ruleId, line: s.line, reason: s.reason })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
