import { describe, expect, it } from 'vitest';
import { cli, project } from '../helpers.js';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github.js';
import { MARKDOWN_LIMIT, formatMarkdown } from '../../server/src/cli/formats/markdown.js';
import { lint } from '../../server/src/engine/lint.js';
import { recommended } from '../../server/src/engine/presets.js';
import type { FileReport } from '../../server/src/cli/report.js';
import { EN, TW, ZH, ZH_SUPPRESSED } from './docs.js';

/** Reverses the workflow-command escaping, as the runner does. */
const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

function reportOf(path: string, text: string): FileReport {
  const result = lint(text, { config: recommended() });
  return { path: `/repo/${path}`, displayPath: path, language: result.language, result, fixed: 0 };
}

describe('--format github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const report = reportOf('docs/a,b: 100%.md', ZH);
    report.result.findings[0]!.message = 'line one\r\nline two: 50%, done';
    const [first] = formatGithub([report]).trim().split('\n');
    const match = /^::warning (?<props>[^:]*)::(?<message>.*)$/.exec(first!);
    expect(match?.groups?.props).toBe('file=docs/a%2Cb%3A 100%25.md,line=5,col=5,endLine=5,endColumn=8,title=needfirst superlative-tech');
    const props = Object.fromEntries(match!.groups!.props!.split(',').map((p) => p.split('=')));
    expect(unescape(props.file!)).toBe('docs/a,b: 100%.md');
    expect(unescape(match!.groups!.message!)).toBe('line one\r\nline two: 50%, done');
  });

  it('writes one command per finding with the severity as the command', async () => {
    const dir = project({ 'a.md': ZH, '.needfirst.json': '{"rules":{"digital-only":"error","superlative-tech":"information"}}' });
    const lines = (await cli(dir, ['--format', 'github', 'a.md'])).stdout.trim().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::notice', '::error']);
  });
});

describe('--format markdown', () => {
  it('summarises each file, lists the checklist with lines and what to add, and groups findings by section', async () => {
    const dir = project({ 'zh.md': ZH_SUPPRESSED, 'clean.md': '# 方案\n\n## 需求调研\n\n我们走访了300位居民，调研发现老年人办证要跑三次。\n\n保留线下窗口和电话办理渠道。\n' });
    const out = (await cli(dir, ['--format', 'markdown'])).stdout;
    expect(out).toContain('## needfirst 审阅报告');
    expect(out).toContain('2 个文件 · 0 个错误、2 个警告、0 个提示 · 1 条已由指令抑制');
    // Files with findings come first in the table.
    expect(out.indexOf('| `zh.md` | 2 |')).toBeLessThan(out.indexOf('| `clean.md` | 0 |'));
    expect(out).toContain('| `clean.md` | 0 | 3/10 |');
    expect(out).toContain('- ✅ 用户是否有选择 (第 7 行)');
    expect(out).toContain('- ⬜ 眼里是否有“人”: 建议补充: 写明服务对象是谁');
    expect(out).toMatch(/#### 平台\n\n- 第 5 行 · 警告 · 「最先进」.*\(\[superlative-tech\]\(https:\/\/github\.com\/needfirst\/needfirst\/blob\/main\/docs\/rules\/superlative-tech\.md\)\)\n- 第 7 行 · 警告 · .*digital-only/);
    expect(out).toContain('没有发现问题。');
  });

  it('speaks each document\'s language, or the one --messages asks for', async () => {
    const dir = project({ 'a-en.md': EN, 'b-tw.md': TW });
    const out = (await cli(dir, ['--format', 'markdown'])).stdout;
    expect(out).toContain('## needfirst report');
    expect(out).toContain('- line 5 · warning · "state-of-the-art"');
    expect(out).toContain('- 第 5 行 · 警告 · 「最先進」');
    const en = (await cli(dir, ['--format', 'markdown', '--messages', 'en'])).stdout;
    expect(en).not.toMatch(/第 \d+ 行/);
    expect(en).toContain('- line 5 · warning · "最先進"');
  });

  it('keeps document text from becoming markup or mentions', () => {
    const report = reportOf('a.md', ZH);
    report.result.findings[0]!.message = 'see <img src=x> and @team | *bold*';
    const out = formatMarkdown([report], null);
    expect(out).toContain('see \\<img src=x\\> and @\u200dteam \\| \\*bold\\*');
  });

  it('folds the tail into "and N more" to stay under 65,000 characters, counting exactly', () => {
    const body = Array.from({ length: 400 }, (_, i) => `## 第${i}节\n\n平台采用最先进的技术，市民必须通过APP预约。\n`).join('\n');
    const long = reportOf('docs/spec.md', `# 方案\n\n${body}`);
    const reports = Array.from({ length: 12 }, (_, i) => ({ ...long, displayPath: `docs/spec-${i}.md` }));
    const total = reports.reduce((n, r) => n + r.result.findings.length, 0);
    const out = formatMarkdown(reports, null);
    expect(out.length).toBeLessThan(MARKDOWN_LIMIT);
    const shown = (out.match(/^- 第 \d+ 行 · /gm) ?? []).length;
    const folded = /另有 (\d+) 条问题未列出/.exec(out);
    expect(shown).toBeGreaterThan(100);
    expect(Number(folded?.[1])).toBe(total - shown);
    // The table itself folds when there are very many files.
    const short = reportOf('a.md', ZH);
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...short, displayPath: `docs/a-very-long-folder-name/another-level/spec-${i}.md` }));
    const big = formatMarkdown(many, 'en');
    expect(big.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(big).toMatch(/… and \d+ more files/);
    expect(big).toMatch(/… and \d+ more findings not shown/);
  });

  it('does not fold a report that fits', () => {
    const out = formatMarkdown([reportOf('a.md', ZH)], null);
    expect(out).not.toContain('未列出');
  });
});
