import type { DocumentLanguage, Finding, LintResult } from '../engine/types.js';

/** One linted file as the formatters see it. */
export interface FileReport {
  /** Absolute path, or the --stdin-filename. */
  path: string;
  /** Path relative to the working folder, as shown to people. */
  displayPath: string;
  language: DocumentLanguage;
  result: LintResult;
  /** Fixes applied by --fix or counted by --fix-dry-run. */
  fixed: number;
  /** Content fingerprints of every finding and suppressed finding, computed before any filtering. */
  fingerprints?: Map<Finding, string>;
  /** The front-matter profile the document was linted with, such as "needfirst:strict (stage: tender)". */
  profile?: string;
  /** Findings left out because the baseline holds them. */
  baselined?: number;
}

/** Totals over a run, as the summaries of several formats show them. */
export interface RunSummary {
  /** With --baseline: findings the baseline holds, and baseline entries that no longer occur. */
  baseline?: { known: number; gone: number };
}
