import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const conceptRace: Rule = {
  id: 'concept-race',
  description: {
    en: 'Being first, pioneering or a showcase concept (metaverse, digital twin) set as the aim, with no real need.',
    zh: '以“全国首个”“率先”“标杆”或元宇宙、数字孪生等概念为目标，却未说明真实需求。',
  },
  tags: ['technical-judgment', 'concept'],
  defaultSeverity: 'warning',
  fixable: true,
  judgment: { source: '少作2', text: { en: 'Is the concept the newest and leading?', zh: '概念是否最领先' } },
  why: {
    en: 'The report warns that racing to be first with a new concept replaces the question of whether residents need it.',
    zh: '报告指出，争当“首个”、追逐新概念，会取代“市民是否需要”这一真正的问题。',
  },
  satisfy: {
    en: 'Say which problem of whom the project solves; being first is not a need.',
    zh: '说明项目解决了谁的什么问题；“首个”本身不是需求。',
  },
  safeguards: [['need'], ['measurable-target']],
  scaffold: 'need',
  check: reportUnanswered,
};
