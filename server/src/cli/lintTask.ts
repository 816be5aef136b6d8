import { lint } from '../engine/lint.js';
import { applyFixes } from '../engine/fixes.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { LintResult } from '../engine/types.js';

/** Passes of --fix: a fix can uncover another, as ESLint also finds. */
const FIX_PASSES = 10;

/** One document to lint; plain data, so it can cross to a worker thread. */
export interface LintTask {
  text: string;
  config: ResolvedConfig;
  /** Apply `fix` fixes until none is left (for --fix and --fix-dry-run). */
  fix: boolean;
}

export type LintOutcome = { output: string; result: LintResult; fixed: number } | { crash: string };

/** Lints and applies `fix` fixes until none is left, up to FIX_PASSES times. */
export function lintAndFix(text: string, config: ResolvedConfig): { output: string; result: LintResult; fixed: number } {
  let output = text;
  let fixed = 0;
  let result = lint(output, { config });
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const fixes = result.findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'fix'));
    if (fixes.length === 0) break;
    const applied = applyFixes(output, fixes);
    if (applied.output === output) break;
    output = applied.output;
    fixed += applied.applied;
    result = lint(output, { config });
  }
  return { output, result, fixed };
}

/** Runs a task the same way on the main thread and in a worker; a crash becomes data. */
export function runTask(task: LintTask): LintOutcome {
  try {
    return task.fix ? lintAndFix(task.text, task.config) : { output: task.text, result: lint(task.text, { config: task.config }), fixed: 0 };
  } catch (error) {
    return { crash: error instanceof Error ? error.message : String(error) };
  }
}
