import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const superlativeTech: Rule = {
  id: 'superlative-tech',
  description: {
    en: 'Technology praised as the most advanced or leading, with no real need or measurable target.',
    zh: '以“最先进”“国际领先”等夸耀技术本身，却未说明真实需求或可衡量的目标。',
  },
  tags: ['technical-judgment', 'boast'],
  defaultSeverity: 'warning',
  fixable: true,
  judgment: { source: '少作1', text: { en: 'Is the technology the coolest?', zh: '技术是否最炫酷' } },
  why: {
    en: 'The report asks cities to stop judging projects by how advanced the technology is: what matters is whether it solves a real problem for people.',
    zh: '报告提出要少作“技术是否最炫酷”的判断：重要的不是技术多先进，而是它是否解决了人们的真实问题。',
  },
  satisfy: {
    en: 'State whose problem the technology solves, or replace the boast with a measurable target (for example "answer 95% of calls within 30 seconds").',
    zh: '说明技术解决了谁的什么问题，或把夸耀改为可衡量的目标（例如“95% 的来电在 30 秒内接通”）。',
  },
  safeguards: [['need'], ['measurable-target']],
  scaffold: 'need',
  check: reportUnanswered,
};
