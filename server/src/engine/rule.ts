import type { Localized } from './i18n.js';
import type { Severity } from './types.js';
import type { RuleContext } from './context.js';

/** The report's judgment a rule comes from. */
export interface Judgment {
  /** Where in the report, for example 少作1 or 多作5. */
  source: string;
  text: Localized;
}

/** A rule is one module: metadata plus one function. */
export interface Rule {
  /** Stable kebab-case id. */
  id: string;
  description: Localized;
  tags: string[];
  defaultSeverity: Severity;
  /** True when some findings carry a `fix` that resolves them by itself. */
  fixable: boolean;
  judgment: Judgment;
  /** Why the judgment matters, in a sentence. */
  why: Localized;
  /** What would satisfy the rule. */
  satisfy: Localized;
  /** Safeguard sets that answer a trigger: any one group, with every set in the group found. */
  safeguards: string[][];
  /** The safeguard set whose section the scaffold inserts. */
  scaffold: string;
  check(context: RuleContext): void;
}
