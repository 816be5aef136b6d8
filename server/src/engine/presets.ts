import type { ResolvedConfig, RuleSettings } from './config.js';
import { RULES } from './rules/index.js';
import { META_CHECKS } from './meta.js';
import type { Severity } from './types.js';

export const PRESET_NAMES = ['needfirst:recommended', 'needfirst:strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

function settings(severity: Severity | 'off'): RuleSettings {
  return { severity, scope: 'section', triggers: [], safeguards: [], allow: [] };
}

/** The defaults of DESIGN.md: the first eight rules warn, the last three inform. */
export function recommended(): ResolvedConfig {
  const rules: Record<string, RuleSettings> = {};
  for (const rule of RULES) rules[rule.id] = settings(rule.defaultSeverity);
  for (const check of META_CHECKS) rules[check.id] = settings(check.id === 'value-checklist' ? 'off' : check.defaultSeverity);
  return { rules, messages: 'auto', blockquotes: true, checklist: { diagnostics: false }, ignores: [] };
}

/** For documents at a late stage such as a tender: answers must stand close to the claim. */
export function strict(): ResolvedConfig {
  const config = recommended();
  for (const rule of RULES) {
    config.rules[rule.id] = { ...settings(rule.defaultSeverity === 'warning' ? 'error' : 'warning'), scope: 'section' };
  }
  config.rules['value-checklist'] = settings('information');
  config.checklist.diagnostics = true;
  return config;
}

export function preset(name: PresetName): ResolvedConfig {
  return name === 'needfirst:strict' ? strict() : recommended();
}
