import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const noFallback: Rule = {
  id: 'no-fallback',
  description: {
    en: 'A public-critical smart system (warnings, emergency, signals, gates, payment) with no fallback when it fails.',
    zh: '预警、应急、信号灯、门禁、支付等关键智能系统，却没有断网断电时的降级或人工接管预案。',
  },
  tags: ['value-judgment', 'resilience'],
  defaultSeverity: 'information',
  fixable: false,
  judgment: { source: '欠妥做法5', text: { en: 'Smart systems that fail when needed', zh: '关键时刻失灵的智慧系统' } },
  why: {
    en: 'The report cites "smart" systems that failed in a flood: a public-critical system needs a way to keep working when the network or power is down.',
    zh: '报告举了暴雨中智慧系统失灵的例子：关键公共系统必须在断网断电时仍能运转。',
  },
  satisfy: {
    en: 'Describe the fallback: manual override, offline mode, backup power, or the outage plan.',
    zh: '写明降级方案：人工接管、离线模式、备用电源或断网断电应急预案。',
  },
  safeguards: [['fallback']],
  scaffold: 'fallback',
  check: reportUnanswered,
};
