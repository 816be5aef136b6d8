import type { MessageLanguage } from '../engine/index.js';

/**
 * Strings the language server adds around the engine's findings. The engine's own strings get
 * their zh-TW form from `npm run generate`; these few are written out in all three languages.
 */
type Text = Record<MessageLanguage, string>;

export const STRINGS = {
  disableLine: {
    en: 'Disable {rule} on this line, with a reason',
    'zh-CN': '在此行停用 {rule}（需写明理由）',
    'zh-TW': '在此行停用 {rule}（需寫明理由）',
  },
  reasonPlaceholder: {
    en: '[reason to fill in]',
    'zh-CN': '【待填写理由】',
    'zh-TW': '【待填寫理由】',
  },
  allowPhrase: {
    en: 'Allow "{text}" for {rule} in {file}',
    'zh-CN': '在 {file} 中允许 {rule} 的「{text}」',
    'zh-TW': '在 {file} 中允許 {rule} 的「{text}」',
  },
  turnOff: {
    en: 'Turn {rule} off in {file}',
    'zh-CN': '在 {file} 中关闭 {rule}',
    'zh-TW': '在 {file} 中關閉 {rule}',
  },
  openDocs: {
    en: 'Open the documentation of {rule}',
    'zh-CN': '打开 {rule} 的说明文档',
    'zh-TW': '開啟 {rule} 的說明文件',
  },
  fixAll: {
    en: 'Fix all needfirst findings that fix themselves',
    'zh-CN': '修复所有可自动修复的 needfirst 问题',
    'zh-TW': '修復所有可自動修復的 needfirst 問題',
  },
  lens: {
    en: 'Value judgments {addressed}/{total} · {missing} without a stated basis',
    'zh-CN': '价值判断 {addressed}/{total} · {missing} 处缺少依据',
    'zh-TW': '價值判斷 {addressed}/{total} · {missing} 處缺少依據',
  },
  checklistTitle: {
    en: 'Value checklist: {addressed} of {total} value judgments addressed',
    'zh-CN': '价值判断清单：{total} 项中已涉及 {addressed} 项',
    'zh-TW': '價值判斷清單：{total} 項中已涉及 {addressed} 項',
  },
  checklistAddressed: {
    en: '✓ {title} (line {line}: "{evidence}")',
    'zh-CN': '✓ {title}（第 {line} 行：「{evidence}」）',
    'zh-TW': '✓ {title}（第 {line} 行：「{evidence}」）',
  },
  checklistMissing: {
    en: '✗ {title}: {hint}',
    'zh-CN': '✗ {title}：{hint}',
    'zh-TW': '✗ {title}：{hint}',
  },
  hoverJudgment: { en: 'Judgment ({source})', 'zh-CN': '判断（{source}）', 'zh-TW': '判斷（{source}）' },
  hoverWhy: { en: 'Why it matters', 'zh-CN': '为什么重要', 'zh-TW': '為什麼重要' },
  hoverSatisfy: { en: 'What would satisfy it', 'zh-CN': '怎样满足', 'zh-TW': '怎樣滿足' },
  hoverSearched: { en: 'Where the answer was sought', 'zh-CN': '查找范围', 'zh-TW': '查找範圍' },
  hoverDocs: { en: 'Documentation', 'zh-CN': '说明文档', 'zh-TW': '說明文件' },
  workspaceLinted: {
    en: 'needfirst linted {files} Markdown files: {findings} findings.',
    'zh-CN': 'needfirst 检查了 {files} 个 Markdown 文件，发现 {findings} 处问题。',
    'zh-TW': 'needfirst 檢查了 {files} 個 Markdown 檔案，發現 {findings} 處問題。',
  },
} satisfies Record<string, Text>;

/** The string in the given language with its `{name}` slots filled. */
export function say(key: keyof typeof STRINGS, language: MessageLanguage, values: Record<string, string | number> = {}): string {
  return STRINGS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
