import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const duplicateBuild: Rule = {
  id: 'duplicate-build',
  description: {
    en: 'A new standalone app, platform or portal, with no plan to reuse or integrate with what exists.',
    zh: '新建独立的APP、平台或小程序，却未说明如何复用或接入现有系统。',
  },
  tags: ['value-judgment', 'silos'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '信息孤岛、重复建设', text: { en: 'Data silos and duplicate building', zh: '信息孤岛与重复建设' } },
  why: {
    en: 'The source texts show how each new app adds a silo and a burden; the report recommends merging apps into one entrance.',
    zh: '来源文本指出每新建一个APP就多一个信息孤岛和负担；报告推荐把多个APP整合为统一入口。',
  },
  satisfy: {
    en: 'Say which existing platform it joins or reuses (a one-stop portal, the shared data platform).',
    zh: '写明接入或复用哪个现有平台（如“一网通办”、统一数据平台）。',
  },
  safeguards: [['reuse']],
  scaffold: 'reuse',
  check: reportUnanswered,
};
