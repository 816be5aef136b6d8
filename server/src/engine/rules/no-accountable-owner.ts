import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const noAccountableOwner: Rule = {
  id: 'no-accountable-owner',
  description: {
    en: 'An automated system decides, approves or punishes with no named owner or appeal path.',
    zh: '由系统或算法自动判定、审批、处罚，却未写明责任单位或申诉渠道。',
  },
  tags: ['technical-judgment', 'accountability'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '少作5', text: { en: 'Is it all technology\'s fault?', zh: '都是技术犯的错' } },
  why: {
    en: 'The report warns against blaming technology for outcomes: every automated decision needs a person who answers for it and a way to contest it.',
    zh: '报告提醒不能把问题都归咎于技术：每项自动决定都要有人负责，并有途径提出异议。',
  },
  satisfy: {
    en: 'Name the unit responsible for the decision and how a person can appeal it to a human.',
    zh: '写明对该决定负责的单位，以及当事人如何向人工提出申诉或复核。',
  },
  safeguards: [['owner-appeal']],
  scaffold: 'owner-appeal',
  check: reportUnanswered,
};
