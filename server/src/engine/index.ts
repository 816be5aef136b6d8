/** The engine's public surface: adapters import from here only. */
export { lint, VOCAB, type LintOptions } from './lint.js';
export { applyFixes, overlaps, type AppliedFixes } from './fixes.js';
export { RULES } from './rules/index.js';
export { META_CHECKS } from './meta.js';
export { CHECKLIST } from './checklist.js';
export { docsUrl } from './docs.js';
export { recommended, strict, preset, PRESET_NAMES } from './presets.js';
export { applyConfig, type ResolvedConfig, type RuleSettings } from './config.js';
export { parseConfigText, type ConfigFile, type ConfigProblem } from './configFile.js';
export { localize, type Localized } from './i18n.js';
export type { Rule } from './rule.js';
export type * from './types.js';
export { LintSession, IncrementalParser, type Reparse } from './incremental.js';
