import type { Analysis } from './context.js';
import type { Localized } from './i18n.js';
import { localize } from './i18n.js';
import { positionAt } from './positions.js';
import type { ChecklistId, ChecklistItem, MessageLanguage } from './types.js';

/** The ten value judgments of the report (三、应该多作的价值判断), in its order. */
export const CHECKLIST: Array<{ id: ChecklistId; title: Localized; hint: Localized }> = [
  {
    id: 'people-centred',
    title: { zh: '眼里是否有“人”', en: 'People at the centre' },
    hint: { zh: '写明服务对象是谁、他们的感受和体验如何被考虑。', en: 'Say who the service is for and how their experience is taken into account.' },
  },
  {
    id: 'real-need',
    title: { zh: '需求是否真实', en: 'A real need' },
    hint: { zh: '写明调研或反馈所见的真实问题，而不是“政府觉得你需要”。', en: 'State the problem that research or feedback showed, not what the authority assumes people need.' },
  },
  {
    id: 'fit-for-purpose',
    title: { zh: '技术是否适用', en: 'Fit-for-purpose technology' },
    hint: { zh: '说明为何所选技术够用、成熟、适合场景。', en: 'Explain why the chosen technology is sufficient, proven and suited to the task.' },
  },
  {
    id: 'humane-scale',
    title: { zh: '尺度是否宜人', en: 'A humane scale' },
    hint: { zh: '划定边界：数据最小必要、隐私保护、知情同意，哪些事不做。', en: 'Draw boundaries: data minimisation, privacy, consent, what will not be done.' },
  },
  {
    id: 'user-choice',
    title: { zh: '用户是否有选择', en: 'User choice' },
    hint: { zh: '保留线下、电话、人工等渠道，断网时也能办。', en: 'Keep in-person, phone and assisted channels that also work when the network is down.' },
  },
  {
    id: 'proportionate-cost',
    title: { zh: '投入是否适度', en: 'Proportionate investment' },
    hint: { zh: '给出成本效益、试点和分期计划、运维费用。', en: 'Give the cost-benefit case, a pilot and phases, and running costs.' },
  },
  {
    id: 'front-line-benefit',
    title: { zh: '基层是否受用', en: 'Useful to front-line staff' },
    hint: { zh: '说明如何为基层减负（一次采集、多方使用），而非增加留痕和填报。', en: 'Show how front-line staff carry less (collect once, reuse), not more reporting.' },
  },
  {
    id: 'shared-benefit',
    title: { zh: '红利是否共享', en: 'Shared benefits' },
    hint: { zh: '说明老年人、残障人士等群体如何同样受益（适老化、无障碍）。', en: 'Say how older and disabled people benefit too (accessibility, assisted digital).' },
  },
  {
    id: 'lasting-legacy',
    title: { zh: '是否留得下“遗产”', en: 'A lasting legacy' },
    hint: { zh: '说明长效运营、数据开放、可持续维护。', en: 'Describe long-term operation, open data and sustainable maintenance.' },
  },
  {
    id: 'diverse-participation',
    title: { zh: '参与是否多元', en: 'Diverse participation' },
    hint: { zh: '说明居民、企业、社会组织如何参与设计和评价。', en: 'Say how residents, businesses and civil society take part in design and evaluation.' },
  },
];

export function computeChecklist(analysis: Analysis, language: MessageLanguage, starts: number[]): ChecklistItem[] {
  return CHECKLIST.map((item) => {
    const matchers = analysis.vocab.checklist.get(item.id) ?? [];
    const hits = analysis.hits(matchers, { negation: 'safeguard' });
    const first = hits.reduce<(typeof hits)[number] | null>((best, h) => (best === null || h.srcStart < best.srcStart ? h : best), null);
    return {
      id: item.id,
      addressed: first !== null,
      line: first ? positionAt(starts, first.srcStart).line : null,
      evidence: first ? analysis.doc.text.slice(first.srcStart, first.srcEnd) : null,
      title: localize(item.title, language),
      hint: localize(item.hint, language),
    };
  });
}
