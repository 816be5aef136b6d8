import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const aiEverywhere: Rule = {
  id: 'ai-everywhere',
  description: {
    en: 'AI everywhere, full automation or AI replacing staff as a goal, without a stated need and human review.',
    zh: '以“AI无处不在”“全面智能化”“以AI取代人工”为目标，却未说明需求和人工复核。',
  },
  tags: ['technical-judgment', 'ai'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '少作4', text: { en: 'Is the AI content high?', zh: 'AI含量是否高' } },
  why: {
    en: 'The report asks cities to stop measuring projects by how much AI they contain: AI must serve a need and stay under human review.',
    zh: '报告提出要少作“AI含量是否高”的判断：AI应服务于具体需求，并保留人工复核。',
  },
  satisfy: {
    en: 'State the task AI serves and who reviews its output (human in the loop).',
    zh: '写明AI服务于哪项具体任务，以及由谁对其结果进行人工复核。',
  },
  safeguards: [['need', 'human-review']],
  scaffold: 'human-review',
  check: reportUnanswered,
};
