import { createHash } from 'node:crypto';
import type { Finding, LintResult } from '../engine/types.js';

/** The key under which SARIF carries the fingerprint; its version changes only if the recipe does. */
export const FINGERPRINT_KEY = 'needfirst/v1';

/** Text as compared for fingerprints: width, case and spacing changes do not make a new finding. */
export function normaliseForFingerprint(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Content fingerprints of a document's findings and suppressed findings, keyed by the finding
 * object. They hash the rule, the matched text, the section title and which occurrence of that
 * triple it is, never a line number, so inserting lines above a finding leaves them unchanged.
 * Suppressed findings count as occurrences too, so silencing one does not renumber the others.
 */
export function fingerprints(result: LintResult): Map<Finding, string> {
  const all = [...result.findings, ...result.suppressed.map((s) => s.finding)].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of all) {
    const key = `${f.ruleId}\u0000${normaliseForFingerprint(f.text)}\u0000${normaliseForFingerprint(f.scopeTitle ?? '')}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out.set(f, createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32));
  }
  return out;
}
