/**
 * Scores the engine on whole real documents, as a user meets it: each file is linted as one
 * document (sections, scopes and safeguards included), and its findings are compared with labels
 * given per block (a paragraph, list item, table row or heading) by an annotator who never saw
 * needfirst's output. Shared by `npm run eval -- --documents` and the documents test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/engine/lint.js';
import { RULE_IDS, score, type Scores } from '../corpus/evaluate.js';

export interface BlockLabel {
  file: string;
  startLine: number;
  endLine: number;
  rules: string[];
  quote: string;
  why: string;
}

export interface DocumentSource {
  file: string;
  lang: 'zh-Hans' | 'zh-Hant' | 'en';
  text: string;
}

/** One (rule, block) pair the engine flagged or the annotator labelled. */
export interface BlockVerdict {
  file: string;
  ruleId: string;
  line: number;
  /** The flagged words, or the label's quote when the engine found nothing there. */
  text: string;
  kind: 'tp' | 'fp' | 'fn';
}

export interface DocumentOutcome {
  file: string;
  lang: DocumentSource['lang'];
  characters: number;
  findings: number;
  verdicts: BlockVerdict[];
}

/**
 * Findings and labels meet per block: a finding belongs to the labelled block that holds its first
 * line, or else to its own line. Several findings of one rule in one block count once, since the
 * annotator labelled blocks, not words.
 */
export function scoreDocument(doc: DocumentSource, labels: BlockLabel[]): DocumentOutcome {
  const own = labels.filter((l) => l.file === doc.file);
  const findings = lint(doc.text).findings.filter((f) => RULE_IDS.includes(f.ruleId));
  // Keyed by rule and block (a label's index, or the finding's own line outside every label).
  const predicted = new Map<string, { ruleId: string; line: number; text: string; label: BlockLabel | undefined }>();
  for (const f of findings) {
    const index = own.findIndex((l) => l.startLine <= f.start.line && f.start.line <= l.endLine);
    const key = `${f.ruleId}@${index >= 0 ? `label${index}` : `line${f.start.line}`}`;
    if (!predicted.has(key)) predicted.set(key, { ruleId: f.ruleId, line: f.start.line, text: f.text, label: own[index] });
  }
  const verdicts: BlockVerdict[] = [];
  own.forEach((label, index) => {
    for (const ruleId of label.rules) {
      const hit = predicted.get(`${ruleId}@label${index}`);
      verdicts.push({ file: doc.file, ruleId, line: hit?.line ?? label.startLine, text: hit?.text ?? label.quote, kind: hit ? 'tp' : 'fn' });
    }
  });
  for (const { ruleId, line, text, label } of predicted.values()) {
    if (!label?.rules.includes(ruleId)) verdicts.push({ file: doc.file, ruleId, line, text, kind: 'fp' });
  }
  return { file: doc.file, lang: doc.lang, characters: doc.text.length, findings: findings.length, verdicts };
}

/** Precision and recall over (rule, block) verdicts, from any selection of them. */
export function scoreVerdicts(verdicts: BlockVerdict[]): Scores {
  const count = (kind: BlockVerdict['kind']): number => verdicts.filter((v) => v.kind === kind).length;
  return score({ tp: count('tp'), fp: count('fp'), fn: count('fn') });
}

/**
 * Reads `sources.tsv` (file, repository, path, commit, language, licence, characters), the files it
 * lists from `files/`, and `labels.jsonl`, and says exactly which line is wrong when one is. Only
 * documents whose licence lets us keep a copy are in the repository; the others are `absent` until
 * someone fetches them from the listed commit into `files/`, and their labels wait for them.
 */
export function loadDocuments(dir: string): { documents: DocumentSource[]; labels: BlockLabel[]; absent: string[] } {
  const sources = readFileSync(join(dir, 'sources.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('file\t'));
  const documents: DocumentSource[] = [];
  const absent: string[] = [];
  sources.forEach((line, i) => {
    const [file, , , , lang] = line.split('\t');
    if (!file || !(lang === 'zh-Hans' || lang === 'zh-Hant' || lang === 'en')) {
      throw new Error(`${dir}/sources.tsv:${i + 2}: expected a file name and a language (zh-Hans, zh-Hant or en) in columns 1 and 5.`);
    }
    const path = join(dir, 'files', file);
    if (existsSync(path)) documents.push({ file, lang, text: readFileSync(path, 'utf8') });
    else absent.push(file);
  });
  const listed = new Set([...documents.map((d) => d.file), ...absent]);
  const lineCounts = new Map(documents.map((d) => [d.file, d.text.split('\n').length]));
  const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .map((line, i) => ({ line, at: `${dir}/labels.jsonl:${i + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, at }) => {
      let label: BlockLabel;
      try {
        label = JSON.parse(line) as BlockLabel;
      } catch (error) {
        throw new Error(`${at}: not valid JSON: ${(error as Error).message}`);
      }
      if (!listed.has(label.file)) throw new Error(`${at}: ${label.file} is not listed in sources.tsv.`);
      const lines = lineCounts.get(label.file) ?? Infinity;
      if (!(label.startLine >= 1 && label.startLine <= label.endLine && label.endLine <= lines)) {
        throw new Error(`${at}: lines ${label.startLine}-${label.endLine} are outside ${label.file} (${lines} lines).`);
      }
      const unknown = label.rules.filter((r) => !RULE_IDS.includes(r));
      if (unknown.length > 0 || label.rules.length === 0) throw new Error(`${at}: rules must be rule ids of the catalogue; got ${JSON.stringify(label.rules)}.`);
      return label;
    });
  return { documents, labels: labels.filter((l) => lineCounts.has(l.file)), absent };
}
