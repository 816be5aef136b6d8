import type { DocumentLanguage, LintResult } from '../engine/types.js';

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
}
