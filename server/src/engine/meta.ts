import type { Localized } from './i18n.js';
import type { Severity } from './types.js';

/** Checks that are not judgments of the report but keep the document's own markup honest. */
export interface MetaCheck {
  id: string;
  description: Localized;
  defaultSeverity: Severity;
}

export const INVALID_DIRECTIVE: MetaCheck = {
  id: 'invalid-directive',
  description: {
    en: 'A needfirst directive without a reason, or naming a rule or directive that does not exist.',
    zh: 'needfirst 指令缺少理由，或引用了不存在的规则或指令。',
  },
  defaultSeverity: 'warning',
};

export const VALUE_CHECKLIST: MetaCheck = {
  id: 'value-checklist',
  description: {
    en: 'Value judgments of the report that the document does not address (off unless configured).',
    zh: '文档未涉及的报告价值判断（默认关闭，可在配置中开启）。',
  },
  defaultSeverity: 'information',
};

export const META_CHECKS: readonly MetaCheck[] = [INVALID_DIRECTIVE, VALUE_CHECKLIST];
