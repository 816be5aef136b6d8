import { dirname, relative, resolve, sep, posix } from 'node:path';
import type { FileReport } from './report.js';
import { fingerprints } from './fingerprint.js';

/** One recorded finding: enough to match it again, and to let a person read the file. */
export interface BaselineEntry {
  /** The document, relative to the baseline file's folder, with forward slashes. */
  file: string;
  ruleId: string;
  fingerprint: string;
  /** Where it was when recorded; not used for matching, since lines move. */
  line: number;
  text: string;
}

export interface Baseline {
  version: 1;
  tool: string;
  entries: BaselineEntry[];
}

const key = (file: string, fingerprint: string): string => `${file}\u0000${fingerprint}`;

function documentKey(baselineFile: string, path: string): string {
  return relative(dirname(baselineFile), path).split(sep).join(posix.sep);
}

/** The baseline of a run: every reported finding, sorted so the file diffs well in review. */
export function makeBaseline(reports: FileReport[], baselineFile: string, version: string): string {
  const entries: BaselineEntry[] = [];
  for (const r of reports) {
    const file = documentKey(baselineFile, r.path);
    const prints = r.fingerprints ?? fingerprints(r.result);
    for (const f of r.result.findings) entries.push({ file, ruleId: f.ruleId, fingerprint: prints.get(f) ?? '', line: f.start.line, text: f.text });
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.fingerprint < b.fingerprint ? -1 : 1)));
  const baseline: Baseline = { version: 1, tool: `needfirst ${version}`, entries };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads a baseline file's text; a sentence on what is wrong when it is not one. */
export function parseBaseline(text: string, display: string): Baseline | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return `the baseline ${display} is not valid JSON; write it again with --write-baseline.`;
  }
  const entries = (data as Baseline | null)?.entries;
  if ((data as Baseline | null)?.version !== 1 || !Array.isArray(entries) || !entries.every((e) => typeof e?.file === 'string' && typeof e?.fingerprint === 'string')) {
    return `the baseline ${display} is not a needfirst baseline (version 1 with entries); write it again with --write-baseline.`;
  }
  return data as Baseline;
}

/**
 * Leaves out of each report the findings the baseline holds. Matching is a multiset: two equal
 * entries excuse two findings, not three. Entries for files this run did not lint are neither
 * matched nor counted as gone, so a shard or a narrower path list does not miscount them.
 */
export function applyBaseline(reports: FileReport[], baseline: Baseline, baselineFile: string): { reports: FileReport[]; known: number; gone: number } {
  const linted = new Set(reports.map((r) => documentKey(baselineFile, resolve(r.path))));
  const remaining = new Map<string, number>();
  for (const e of baseline.entries) {
    if (!linted.has(e.file)) continue;
    remaining.set(key(e.file, e.fingerprint), (remaining.get(key(e.file, e.fingerprint)) ?? 0) + 1);
  }
  let known = 0;
  const out = reports.map((r) => {
    const file = documentKey(baselineFile, resolve(r.path));
    const prints = r.fingerprints ?? fingerprints(r.result);
    const findings = r.result.findings.filter((f) => {
      const k = key(file, prints.get(f) ?? '');
      const left = remaining.get(k) ?? 0;
      if (left === 0) return true;
      remaining.set(k, left - 1);
      return false;
    });
    known += r.result.findings.length - findings.length;
    return { ...r, result: { ...r.result, findings }, baselined: r.result.findings.length - findings.length };
  });
  const gone = [...remaining.values()].reduce((n, v) => n + v, 0);
  return { reports: out, known, gone };
}
