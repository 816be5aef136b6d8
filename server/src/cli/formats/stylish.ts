import type { FileReport } from '../report.js';
import type { Severity } from '../../engine/types.js';

export interface StylishOptions {
  color: boolean;
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** Grouped by file like ESLint's stylish output, with each document's value checklist score. */
export function formatStylish(reports: FileReport[], options: StylishOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const colorOf: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '2' };
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const report of reports) {
    const { findings, checklist, ruleFailures } = report.result;
    const addressed = checklist.filter((c) => c.addressed).length;
    if (findings.length === 0 && ruleFailures.length === 0) continue;
    lines.push(paint('4', report.displayPath));
    const width = Math.max(...findings.map((f) => `${f.start.line}:${f.start.column}`.length), 3);
    for (const f of findings) {
      counts[f.severity]++;
      if (f.fixes.some((x) => x.kind === 'fix')) fixable++;
      const where = `${f.start.line}:${f.start.column}`.padEnd(width);
      lines.push(`  ${paint('2', where)}  ${paint(colorOf[f.severity], LABEL[f.severity].padEnd(7))}  ${f.message}  ${paint('2', f.ruleId)}`);
    }
    for (const failure of ruleFailures) lines.push(`  ${paint('31', 'rule failed')}  ${failure.ruleId}: ${failure.error}`);
    const missing = checklist.filter((c) => !c.addressed).map((c) => c.id);
    const profile = report.profile ? `; profile ${report.profile}` : '';
    lines.push(paint('2', `  value checklist ${addressed}/10${missing.length ? `; not addressed: ${missing.join(', ')}` : ''}${profile}`));
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) return reports.length > 0 ? '' : '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} info)`;
  lines.push(paint(counts.error > 0 ? '31;1' : '33;1', `✖ ${summary}`));
  if (fixable > 0) lines.push(paint('2', `  ${fixable} fixable with the --fix option`));
  return `${lines.join('\n')}\n`;
}
