import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const showcaseDisplay: Rule = {
  id: 'showcase-display',
  description: {
    en: 'A big screen, video wall, cockpit or exhibition hall, with no user who decides with it on live data.',
    zh: '大屏、驾驶舱、指挥大厅、展厅等展示设施，却未说明谁用它依据哪些实时数据作什么决策。',
  },
  tags: ['technical-judgment', 'showcase'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '少作3', text: { en: 'Is the form big and beautiful?', zh: '形式是否大而美' } },
  why: {
    en: 'The report lists giant screens used mainly for visitors among the poor practices: a display is worth building only when someone decides with it.',
    zh: '报告把主要供参观的巨幅大屏列为欠妥做法：展示设施只有在有人据以决策时才值得建设。',
  },
  satisfy: {
    en: 'Name who uses the display, for which decision or task, with which live data.',
    zh: '写明谁使用这块屏、用于哪项决策或处置任务、依据哪些实时数据。',
  },
  safeguards: [['operational-use']],
  scaffold: 'operational-use',
  check: reportUnanswered,
};
