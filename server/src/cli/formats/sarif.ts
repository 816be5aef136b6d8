import { RULES } from '../../engine/rules/index.js';
import { META_CHECKS } from '../../engine/meta.js';
import { docsUrl } from '../../engine/docs.js';
import type { FileReport, RunSummary } from '../report.js';
import type { Finding, Severity } from '../../engine/types.js';
import { FINGERPRINT_KEY, fingerprints } from '../fingerprint.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const INFORMATION_URI = 'https://github.com/needfirst/needfirst';

/** The rule catalogue: every rule and meta check, whether or not it reported anything. */
function catalogue(): object[] {
  return [
    ...RULES.map((r) => ({
      id: r.id,
      name: pascal(r.id),
      shortDescription: { text: r.description.en },
      fullDescription: { text: `${r.description.en} ${r.why.en}` },
      helpUri: docsUrl(r.id),
      help: { text: r.satisfy.en, markdown: `${r.satisfy.en}\n\n[${r.id}](${docsUrl(r.id)})` },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { judgment: `${r.judgment.source} ${r.judgment.text.zh} (${r.judgment.text.en})`, tags: r.tags },
    })),
    ...META_CHECKS.map((m) => ({
      id: m.id,
      name: pascal(m.id),
      shortDescription: { text: m.description.en },
      fullDescription: { text: m.description.en },
      helpUri: docsUrl(m.id),
      help: { text: m.description.en, markdown: `${m.description.en}\n\n[${m.id}](${docsUrl(m.id)})` },
      // value-checklist is off unless configured, which SARIF says with enabled: false.
      defaultConfiguration: { level: LEVEL[m.defaultSeverity], enabled: m.id !== 'value-checklist' },
      properties: { judgment: 'meta', tags: ['needfirst-meta'] },
    })),
  ];
}

/**
 * SARIF 2.1.0 for code scanning: the rule catalogue, results with exact regions (1-based lines,
 * UTF-16 columns), content fingerprints, and directive-silenced findings as in-source suppressions.
 */
export function formatSarif(reports: FileReport[], version: string, summary: RunSummary = {}): string {
  const rules = catalogue() as Array<{ id: string }>;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const result = (r: FileReport, f: Finding, suppression?: { reason: string }): object => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(r.displayPath), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column, snippet: { text: f.text } },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: r.fingerprints?.get(f) ?? '' },
    ...(suppression ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: suppression.reason }] } : {}),
    ...(summary.baseline && !suppression ? { baselineState: 'new' } : {}),
    properties: { safeguard: f.safeguard, ...(f.scopeTitle ? { section: f.scopeTitle } : {}) },
  });
  const results = reports.flatMap((report) => {
    const r = report.fingerprints ? report : { ...report, fingerprints: fingerprints(report.result) };
    return [
    ...r.result.findings.map((f) => result(r, f)),
      ...r.result.suppressed.map((s) => result(r, s.finding, s)),
    ];
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'needfirst', version, semanticVersion: version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder needfirst ran in; result paths are relative to it.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** "digital-only" -> "DigitalOnly": SARIF's rule name is an identifier-like word. */
function pascal(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function encodeUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
