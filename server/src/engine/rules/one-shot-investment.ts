import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const oneShotInvestment: Rule = {
  id: 'one-shot-investment',
  description: {
    en: 'One-off, big-bang or full-coverage investment with no pilot, phasing or cost-benefit case.',
    zh: '一次性投入、一步到位、全域覆盖，却没有试点、分期或成本效益分析。',
  },
  tags: ['value-judgment', 'cost'],
  defaultSeverity: 'information',
  fixable: false,
  judgment: { source: '多作6', text: { en: 'Is the investment proportionate?', zh: '投入是否适度' } },
  why: {
    en: 'The report asks for cost-benefit thinking and small iterations rather than one-off spending that is hard to maintain.',
    zh: '报告要求算好成本效益账、小步迭代，而不是难以为继的一次性投入。',
  },
  satisfy: {
    en: 'Add a pilot, phases, the running costs, or the cost-benefit case.',
    zh: '补充试点、分期建设计划、运维费用或成本效益分析。',
  },
  safeguards: [['proportionate']],
  scaffold: 'proportionate',
  check: reportUnanswered,
};
