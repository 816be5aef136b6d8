import type { FileReport } from '../report.js';
import type { MessageLanguage } from '../../engine/types.js';
import { docsUrl } from '../../engine/docs.js';

/** GitHub refuses comments over 65,536 characters; stay below with room for the fold note. */
export const MARKDOWN_LIMIT = 65000;

interface Words {
  title: string;
  file: string;
  findings: string;
  checklist: string;
  addressed: string;
  missing: string;
  line: string;
  document: string;
  clean: string;
  more: string;
  add: string;
}

const WORDS: Record<MessageLanguage, Words> = {
  en: {
    title: 'needfirst report',
    file: 'File',
    findings: 'Findings',
    checklist: 'Value checklist',
    addressed: 'addressed',
    missing: 'missing',
    line: 'line',
    document: '(before the first heading)',
    clean: 'No findings.',
    more: 'and {n} more findings not shown (the report is kept short enough to post).',
    add: 'add',
  },
  'zh-CN': {
    title: 'needfirst 审阅报告',
    file: '文件',
    findings: '问题',
    checklist: '价值判断清单',
    addressed: '已涉及',
    missing: '未涉及',
    line: '第',
    document: '（首个标题之前）',
    clean: '没有发现问题。',
    more: '另有 {n} 条问题未列出（为保证报告可以发布，已折叠）。',
    add: '建议补充',
  },
  'zh-TW': {
    title: 'needfirst 審閱報告',
    file: '檔案',
    findings: '問題',
    checklist: '價值判斷清單',
    addressed: '已涉及',
    missing: '未涉及',
    line: '第',
    document: '（首個標題之前）',
    clean: '沒有發現問題。',
    more: '另有 {n} 條問題未列出（為確保報告可以發布，已摺疊）。',
    add: '建議補充',
  },
};

const lineRef = (w: Words, n: number): string => (w.line === 'line' ? `line ${n}` : `${w.line} ${n} 行`);

/** A reviewer's report to post on a pull request: summary, checklist, findings by section. */
export function formatMarkdown(reports: FileReport[], override: MessageLanguage | null): string {
  const first = override ?? reports[0]?.result.messageLanguage ?? 'en';
  const head = WORDS[first];
  const out: string[] = [`## ${head.title}`, '', `| ${head.file} | ${head.findings} | ${head.checklist} |`, '|---|---|---|'];
  for (const r of reports) {
    const addressed = r.result.checklist.filter((c) => c.addressed).length;
    out.push(`| \`${escapeCell(r.displayPath)}\` | ${r.result.findings.length} | ${addressed}/10 |`);
  }
  out.push('');
  let shown = 0;
  const total = reports.reduce((n, r) => n + r.result.findings.length, 0);
  const budget = MARKDOWN_LIMIT - 400;
  const body: string[] = [];
  let length = out.join('\n').length;
  const push = (line: string): boolean => {
    if (length + line.length + 1 > budget) return false;
    body.push(line);
    length += line.length + 1;
    return true;
  };
  let full = false;
  for (const r of reports) {
    if (full) break;
    const w = WORDS[override ?? r.result.messageLanguage];
    if (!push(`### \`${r.displayPath}\``) || !push('')) break;
    const missing = r.result.checklist.filter((c) => !c.addressed);
    const done = r.result.checklist.filter((c) => c.addressed);
    push(`<details><summary>${w.checklist}: ${done.length}/10</summary>`);
    push('');
    for (const c of done) push(`- ✅ ${c.title} (${lineRef(w, c.line ?? 0)})`);
    for (const c of missing) push(`- ⬜ ${c.title}: ${w.add}: ${c.hint}`);
    push('');
    push('</details>');
    push('');
    if (r.result.findings.length === 0) {
      push(w.clean);
      push('');
      continue;
    }
    const sections = new Map<string, typeof r.result.findings>();
    for (const f of r.result.findings) {
      const key = f.scopeTitle || w.document;
      sections.set(key, [...(sections.get(key) ?? []), f]);
    }
    for (const [title, findings] of sections) {
      if (!push(`#### ${title}`) || !push('')) {
        full = true;
        break;
      }
      for (const f of findings) {
        if (!push(`- ${lineRef(w, f.start.line)}: ${f.message.replace(/\n/g, ' ')} ([${f.ruleId}](${docsUrl(f.ruleId)}))`)) {
          full = true;
          break;
        }
        shown++;
      }
      if (full) break;
      push('');
    }
  }
  out.push(...body);
  if (shown < total) out.push('', `_${head.more.replace('{n}', String(total - shown))}_`);
  return `${out.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
