import zhTW from './generated/zh-tw.json';
import type { MessageLanguage } from './types.js';

/**
 * A string in English and Simplified Chinese. The Traditional (zh-TW) text is derived from the
 * Simplified one by `npm run generate` with OpenCC, so translators keep only two versions.
 */
export interface Localized {
  en: string;
  zh: string;
}

const traditional = zhTW as Record<string, string>;

export function localize(text: Localized, language: MessageLanguage): string {
  if (language === 'en') return text.en;
  if (language === 'zh-TW') return traditional[text.zh] ?? text.zh;
  return text.zh;
}

/** Templates split at their slots: text at even indexes, slot names at odd ones. */
const compiledTemplates = new Map<string, string[]>();

/** Fills `{name}` slots; the values are inserted as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Templates are the engine's own messages, a bounded set; the limit only guards against misuse.
    if (compiledTemplates.size < 1000) compiledTemplates.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in values ? String(values[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** Every Simplified string the engine can show, for the generator that derives zh-TW. */
export const sharedMessages = {
  unanswered: {
    en: '"{text}" leans on a technical judgment ({judgment}) without {missing}.',
    zh: '「{text}」是技术判断（{judgment}），但未说明{missing}。',
  },
  unansweredValue: {
    en: '"{text}" raises a value judgment ({judgment}) without {missing}.',
    zh: '「{text}」关系到价值判断（{judgment}），但未说明{missing}。',
  },
  unfilled: {
    en: ' The "{heading}" section is still a placeholder: fill it in.',
    zh: '「{heading}」一节仍是待填写的占位内容，请补充。',
  },
  and: { en: ' and ', zh: '和' },
  or: { en: ' or ', zh: '或' },
  searchedIn: {
    en: '{label}: looked for in the same sentence, paragraph, section{section} and in dedicated sections ({headings}); none found.',
    zh: '{label}：已在本句、本段、本节{section}及专门章节（{headings}）中查找，均未找到。',
  },
  searchedSentence: {
    en: '{label}: looked for in the same sentence; none found.',
    zh: '{label}：已在本句中查找，未找到。',
  },
  searchedParagraph: {
    en: '{label}: looked for in the same sentence and paragraph; none found.',
    zh: '{label}：已在本句和本段中查找，均未找到。',
  },
  searchedDocument: {
    en: '{label}: looked for in the whole document; none found.',
    zh: '{label}：已在全文中查找，未找到。',
  },
  sectionName: { en: ' "{title}"', zh: '「{title}」' },
  scaffoldTitle: { en: 'Insert a "{heading}" section to fill in', zh: '插入「{heading}」一节（待填写）' },
  deleteTitle: { en: 'Delete "{text}"', zh: '删除「{text}」' },
  directiveNoReason: {
    en: 'This needfirst directive gives no reason: add one after " -- ", for example <!-- needfirst-{directive} {rule} -- the need is stated in section 2 -->.',
    zh: '此 needfirst 指令没有说明理由：请在“ -- ”后写明，例如 <!-- needfirst-{directive} {rule} -- 需求已在第二节说明 -->。',
  },
  directiveUnknownRule: {
    en: 'Unknown rule "{rule}" in this needfirst directive. Known rules: {known}.',
    zh: '此 needfirst 指令中的规则「{rule}」不存在。可用的规则：{known}。',
  },
  directiveUnknownKind: {
    en: 'Unknown needfirst directive "{kind}": use needfirst-disable, needfirst-enable, needfirst-disable-line or needfirst-disable-next-line.',
    zh: '未知的 needfirst 指令「{kind}」：请使用 needfirst-disable、needfirst-enable、needfirst-disable-line 或 needfirst-disable-next-line。',
  },
  checklistMissing: {
    en: 'Value checklist: {count} of 10 value judgments are not addressed: {items}.',
    zh: '价值判断清单：10 项中有 {count} 项未涉及：{items}。',
  },
} satisfies Record<string, Localized>;
