import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const overReach: Rule = {
  id: 'over-reach',
  description: {
    en: 'Citizen scores, forced face recognition, forced phone authorisation or blanket surveillance, without consent and an alternative.',
    zh: '给市民打分、强制刷脸、强制授权手机号或无死角监控，却未征得同意、未提供替代方式。',
  },
  tags: ['value-judgment', 'privacy'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '多作4', text: { en: 'Is the scale humane?', zh: '尺度是否宜人' } },
  why: {
    en: 'The report lists the "civilisation code" and forced face scans among the poor practices: technology must stop at boundaries people accept.',
    zh: '报告把“文明码”、强制刷脸列为欠妥做法：技术应用要有边界，有些事不应去做。',
  },
  satisfy: {
    en: 'Ask for consent and offer a non-biometric alternative (a key card, showing an ID).',
    zh: '征得本人同意，并提供非生物特征的替代方式（门禁卡、出示证件等）。',
  },
  safeguards: [['consent']],
  scaffold: 'consent',
  check: reportUnanswered,
};
