import { RULES } from '../../engine/rules/index.js';
import { META_CHECKS } from '../../engine/meta.js';
import { docsUrl } from '../../engine/docs.js';
import type { FileReport } from '../report.js';
import type { Severity } from '../../engine/types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 for code scanning. Fingerprints and suppressions come with the pull-request work. */
export function formatSarif(reports: FileReport[], version: string): string {
  const rules = [
    ...RULES.map((r) => ({
      id: r.id,
      shortDescription: { text: r.description.en },
      fullDescription: { text: `${r.description.en} ${r.why.en}` },
      helpUri: docsUrl(r.id),
      help: { text: r.satisfy.en },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { judgment: `${r.judgment.source} ${r.judgment.text.zh} (${r.judgment.text.en})`, tags: r.tags },
    })),
    ...META_CHECKS.map((m) => ({
      id: m.id,
      shortDescription: { text: m.description.en },
      helpUri: docsUrl(m.id),
      defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
    })),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) =>
    r.result.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: r.displayPath.split('\\').join('/') },
            region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'needfirst', version, semanticVersion: version, informationUri: 'https://github.com/needfirst/needfirst', rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
