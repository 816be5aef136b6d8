import type { Rule } from '../rule.js';
import { reportUnanswered } from './shared.js';

export const digitalOnly: Rule = {
  id: 'digital-only',
  description: {
    en: 'An app, QR code, face scan or online channel made the only way, with no offline alternative.',
    zh: '把APP、小程序、扫码、刷脸或网上办理作为唯一方式，却没有线下替代渠道。',
  },
  tags: ['value-judgment', 'inclusion'],
  defaultSeverity: 'warning',
  fixable: false,
  judgment: { source: '多作5', text: { en: 'Do users have a choice?', zh: '用户是否有选择' } },
  why: {
    en: 'The report asks for online and offline channels that run in parallel and back each other up; refusing cash or counters shuts out older and less digital residents.',
    zh: '报告要求线上线下渠道并行、互为备份；拒收现金、只能网上预约会把老年人等群体拒之门外。',
  },
  satisfy: {
    en: 'Offer an alternative: a counter in person, a phone line, paper forms, cash, or assisted digital help.',
    zh: '提供替代渠道：线下窗口、电话、纸质材料、现金或代办帮办服务。',
  },
  safeguards: [['offline']],
  scaffold: 'offline',
  check: reportUnanswered,
};
