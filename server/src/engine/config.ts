import type { MessageLanguage, Scope, SeveritySetting } from './types.js';

/** The settings of one rule after presets and overrides are merged. */
export interface RuleSettings {
  severity: SeveritySetting;
  scope: Scope;
  /** Extra trigger phrases. */
  triggers: string[];
  /** Extra phrases that answer the rule. */
  safeguards: string[];
  /** Phrases never reported by this rule. */
  allow: string[];
}

export interface ResolvedConfig {
  rules: Record<string, RuleSettings>;
  messages: 'auto' | MessageLanguage;
  blockquotes: boolean;
  checklist: { diagnostics: boolean };
  ignores: string[];
}

import type { ConfigFile, RuleEntry } from './configFile.js';

/** Applies one configuration file's own settings over a resolved configuration. */
export function applyConfig(base: ResolvedConfig, file: ConfigFile): ResolvedConfig {
  const out: ResolvedConfig = {
    rules: Object.fromEntries(Object.entries(base.rules).map(([id, s]) => [id, { ...s, triggers: [...s.triggers], safeguards: [...s.safeguards], allow: [...s.allow] }])),
    messages: file.messages ?? base.messages,
    blockquotes: file.blockquotes ?? base.blockquotes,
    checklist: { diagnostics: file.checklist?.diagnostics ?? base.checklist.diagnostics },
    ignores: [...base.ignores, ...(file.ignores ?? [])],
  };
  for (const [id, entry] of Object.entries(file.rules ?? {})) {
    const current = out.rules[id];
    if (!current) continue;
    out.rules[id] = mergeRule(current, entry);
  }
  return out;
}

function mergeRule(current: RuleSettings, entry: RuleEntry): RuleSettings {
  if (typeof entry === 'string') return { ...current, severity: entry };
  return {
    severity: entry.severity ?? current.severity,
    scope: entry.scope ?? current.scope,
    // Term lists add up across layers, so a project can extend a shared configuration.
    triggers: [...current.triggers, ...(entry.triggers ?? [])],
    safeguards: [...current.safeguards, ...(entry.safeguards ?? [])],
    allow: [...current.allow, ...(entry.allow ?? [])],
  };
}
