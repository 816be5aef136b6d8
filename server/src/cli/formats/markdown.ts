import type { FileReport, RunSummary } from '../report.js';
import type { Finding, MessageLanguage, Severity } from '../../engine/types.js';
import { docsUrl } from '../../engine/docs.js';

/** GitHub refuses comments over 65,536 characters; stay below with room for the fold note. */
export const MARKDOWN_LIMIT = 65000;
/** Kept free for the fold note and the closing lines, so they always fit. */
const RESERVE = 600;

interface Words {
  title: string;
  file: string;
  findings: string;
  checklist: string;
  line: (n: number) => string;
  document: string;
  clean: string;
  nothing: string;
  add: string;
  totals: (files: number, counts: Record<Severity, number>, suppressed: number) => string;
  baseline: (known: number, gone: number) => string;
  profile: (name: string) => string;
  severity: Record<Severity, string>;
  moreFindings: (n: number) => string;
  moreFiles: (n: number) => string;
}

const ZH_SEVERITY = { error: '错误', warning: '警告', information: '提示', hint: '提示' };

const WORDS: Record<MessageLanguage, Words> = {
  en: {
    title: 'needfirst report',
    file: 'File',
    findings: 'Findings',
    checklist: 'Value checklist',
    line: (n) => `line ${n}`,
    document: '(before the first heading)',
    clean: 'No findings.',
    nothing: 'No Markdown files were linted.',
    add: 'add',
    totals: (files, c, s) =>
      `${files} file${files === 1 ? '' : 's'} · ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.information + c.hint} info${s ? ` · ${s} suppressed by directives` : ''}`,
    baseline: (known, gone) => `Baseline: ${known} known finding${known === 1 ? '' : 's'} not shown; ${gone} baseline entr${gone === 1 ? 'y' : 'ies'} no longer occur${gone === 1 ? 's' : ''}.`,
    profile: (name) => `Linted with the front-matter profile ${name}.`,
    severity: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
    moreFindings: (n) => `… and ${n} more finding${n === 1 ? '' : 's'} not shown, so that the report can be posted. Run needfirst locally for all of them.`,
    moreFiles: (n) => `… and ${n} more file${n === 1 ? '' : 's'}`,
  },
  'zh-CN': {
    title: 'needfirst 审阅报告',
    file: '文件',
    findings: '问题',
    checklist: '价值判断清单',
    line: (n) => `第 ${n} 行`,
    document: '（首个标题之前）',
    clean: '没有发现问题。',
    nothing: '没有检查任何 Markdown 文件。',
    add: '建议补充',
    totals: (files, c, s) => `${files} 个文件 · ${c.error} 个错误、${c.warning} 个警告、${c.information + c.hint} 个提示${s ? ` · ${s} 条已由指令抑制` : ''}`,
    baseline: (known, gone) => `基线：${known} 条已知问题未列出；${gone} 条基线记录已不再出现。`,
    profile: (name) => `按文档前言（front matter）指定的配置 ${name} 检查。`,
    severity: ZH_SEVERITY,
    moreFindings: (n) => `…… 另有 ${n} 条问题未列出（为保证报告可以发布，已折叠）。请在本地运行 needfirst 查看全部。`,
    moreFiles: (n) => `…… 另有 ${n} 个文件`,
  },
  'zh-TW': {
    title: 'needfirst 審閱報告',
    file: '檔案',
    findings: '問題',
    checklist: '價值判斷清單',
    line: (n) => `第 ${n} 行`,
    document: '（首個標題之前）',
    clean: '沒有發現問題。',
    nothing: '沒有檢查任何 Markdown 檔案。',
    add: '建議補充',
    totals: (files, c, s) => `${files} 個檔案 · ${c.error} 個錯誤、${c.warning} 個警告、${c.information + c.hint} 個提示${s ? ` · ${s} 條已由指令抑制` : ''}`,
    baseline: (known, gone) => `基線：${known} 條已知問題未列出；${gone} 條基線記錄已不再出現。`,
    profile: (name) => `依文件前言（front matter）指定的設定 ${name} 檢查。`,
    severity: { error: '錯誤', warning: '警告', information: '提示', hint: '提示' },
    moreFindings: (n) => `…… 另有 ${n} 條問題未列出（為確保報告可以發布，已摺疊）。請在本機執行 needfirst 查看全部。`,
    moreFiles: (n) => `…… 另有 ${n} 個檔案`,
  },
};

/** Adds lines while they fit the budget; once one does not, nothing more is added. */
class Budget {
  readonly lines: string[] = [];
  private length = 0;
  full = false;
  constructor(private readonly limit: number) {}
  add(...lines: string[]): boolean {
    if (this.full) return false;
    const size = lines.reduce((n, l) => n + l.length + 1, 0);
    if (this.length + size > this.limit) {
      this.full = true;
      return false;
    }
    this.lines.push(...lines);
    this.length += size;
    return true;
  }
}

/**
 * A reviewer's report to post on a pull request: totals, a table per file, then per document its
 * value checklist and its findings grouped by section. Each document speaks its own language
 * unless `override` is set. The tail is folded into "and N more" so the whole stays postable.
 */
export function formatMarkdown(reports: FileReport[], override: MessageLanguage | null, summary: RunSummary = {}, limit = MARKDOWN_LIMIT): string {
  const head = WORDS[override ?? reports[0]?.result.messageLanguage ?? 'en'];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const f of r.result.findings) counts[f.severity]++;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const suppressed = reports.reduce((n, r) => n + r.result.suppressed.length, 0);
  const out = new Budget(limit - RESERVE);
  out.add(`## ${head.title}`, '', head.totals(reports.length, counts, suppressed));
  if (summary.baseline) out.add('', head.baseline(summary.baseline.known, summary.baseline.gone));
  out.add('');
  if (reports.length === 0) {
    out.add(head.nothing);
    return `${out.lines.join('\n')}\n`;
  }

  // The table lists files with findings first, so a folded table still shows where the work is.
  const ordered = [...reports].sort((a, b) => Number(b.result.findings.length > 0) - Number(a.result.findings.length > 0));
  out.add(`| ${head.file} | ${head.findings} | ${head.checklist} |`, '|---|---|---|');
  let rows = 0;
  // The table takes at most a third of the budget; the findings matter more.
  const table = new Budget(Math.floor((limit - RESERVE) / 3));
  for (const r of ordered) {
    const addressed = r.result.checklist.filter((c) => c.addressed).length;
    const row = `| \`${code(r.displayPath)}\` | ${r.result.findings.length} | ${addressed}/10 |`;
    if (!table.add(row) || !out.add(row)) break;
    rows++;
  }
  if (rows < ordered.length) out.add(`| ${head.moreFiles(ordered.length - rows)} | | |`);
  out.add('');

  let shown = 0;
  for (const r of ordered) {
    const w = WORDS[override ?? r.result.messageLanguage];
    const done = r.result.checklist.filter((c) => c.addressed);
    const block = [`### \`${code(r.displayPath)}\``, ''];
    if (r.profile) block.push(w.profile(r.profile), '');
    block.push(`<details><summary>${w.checklist}: ${done.length}/10</summary>`, '');
    for (const c of r.result.checklist) {
      block.push(c.addressed ? `- ✅ ${text(c.title)} (${w.line(c.line ?? 1)})` : `- ⬜ ${text(c.title)}: ${w.add}: ${text(c.hint)}`);
    }
    block.push('', '</details>', '');
    if (!out.add(...block)) break;
    if (r.result.findings.length === 0) {
      out.add(w.clean, '');
      continue;
    }
    for (const [title, findings] of bySection(r.result.findings, w.document)) {
      if (!out.add(`#### ${text(title)}`, '')) break;
      for (const f of findings) {
        if (!out.add(`- ${w.line(f.start.line)} · ${w.severity[f.severity]} · ${text(f.message)} ([${f.ruleId}](${docsUrl(f.ruleId)}))`)) break;
        shown++;
      }
      out.add('');
    }
    if (out.full) break;
  }
  const lines = out.lines;
  if (shown < total) lines.push('', `_${head.moreFindings(total - shown)}_`);
  return `${lines.join('\n')}\n`;
}

function bySection(findings: Finding[], untitled: string): Map<string, Finding[]> {
  const sections = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.scopeTitle || untitled;
    sections.set(key, [...(sections.get(key) ?? []), f]);
  }
  return sections;
}

/**
 * Document text in a comment must stay text: HTML, links and emphasis are escaped, and "@name"
 * gets a zero-width joiner so that a quoted document never mentions anybody.
 */
function text(value: string): string {
  return value
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/@(?=\w)/g, '@\u200d')
    .replace(/\r?\n/g, ' ');
}

/** A path inside backticks: only a backtick would end it early. */
function code(path: string): string {
  return path.replace(/`/g, "'").replace(/\|/g, '\\|');
}
