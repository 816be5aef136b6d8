import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const grassrootsBurden: Rule = {
  id: 'grassroots-burden',
  description: {
    en: 'Downloads, check-ins, study hours, photo proof or repeated reporting set as targets for front-line staff.',
    zh: '把下载量、打卡、学习时长、拍照留痕、重复填报作为基层考核指标。',
  },
  tags: ['value-judgment', 'front-line'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '多作7', text: { en: 'Does it help front-line staff?', zh: '基层是否受用' } },
  why: {
    en: 'The report names apps that burden front-line staff with download counts, check-ins and photo traces as "digital formalism".',
    zh: '报告把以下载量、打卡、拍照留痕考核基层的做法列为“数字形式主义”。',
  },
  satisfy: {
    en: 'Measure outcomes instead, and show how data is collected once and reused.',
    zh: '改为考核实际成效，并说明如何一次采集、多方使用，为基层减负。',
  },
  safeguards: [['burden-reduction']],
  scaffold: 'burden-reduction',
  check: reportUnanswered,
};
