/**
 * Regenerates every generated file from its source of truth: the compiled vocabulary (from the
 * YAML data, validated here), the zh-TW strings (from the Simplified ones, with OpenCC), the
 * configuration schema and the rule documentation. With --check it writes nothing and fails when
 * a generated file is out of date, which CI runs.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as OpenCC from 'opencc-js';
import { RULES } from '../server/src/engine/rules/index.js';
import { META_CHECKS } from '../server/src/engine/meta.js';
import { sharedMessages, type Localized } from '../server/src/engine/i18n.js';
import { CHECKLIST } from '../server/src/engine/checklist.js';
import { normalizeLiteral, setRegionalVariants } from '../server/src/engine/normalize.js';
import { compileTerms, findTerms, termProblems, type ChecklistVocab, type NegationVocab, type RuleVocab, type SafeguardVocab, type TermEntry, type VocabData, type VocabLanguage } from '../server/src/engine/vocab.js';
import { docsUrl } from '../server/src/engine/docs.js';
import { fillSlots, readSlots, type Slots } from './slots.js';

const root = process.cwd();
const check = process.argv.includes('--check');
const outputs = new Map<string, string>();
const problems: string[] = [];

function readYaml<T>(path: string): T {
  try {
    return parseYaml(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    console.error(`${relative(root, path)}: ${(error as Error).message}`);
    process.exit(1);
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
}

/** Word classes per language, read before any term so that terms can use them. */
const slots: Slots = readSlots(root, problems);
const slotsUsed = new Set<string>();

function fillEntrySlots(file: string, entry: TermEntry, lang: VocabLanguage, what: string): void {
  if (typeof entry.term !== 'string') return;
  const term = entry.term;
  entry.term = fillSlots(term, slots[lang], (name) => slotsUsed.add(`${lang}:${name}`), (name) =>
    problems.push(`${file}: ${what} "${term}" uses {${name}}, which server/vocab/slots.${lang}.yaml does not define.`),
  );
}

function checkEntries(file: string, entries: unknown, lang: VocabLanguage, what: string): TermEntry[] {
  if (!Array.isArray(entries)) {
    problems.push(`${file}: "${what}" must be a list of { term } or { regex } entries.`);
    return [];
  }
  for (const [i, entry] of entries.entries()) {
    fillEntrySlots(file, entry as TermEntry, lang, `${what}[${i}]`);
    for (const p of termProblems(entry as TermEntry, lang, normalizeLiteral)) problems.push(`${file}: ${what}[${i}] ${p}.`);
  }
  return entries as TermEntry[];
}

/**
 * A trigger may carry its own `flagged` example (which it must match) and `accepted` near miss.
 * They leave the entry here and are tested with the rule's examples; `checkOwnExamples` checks the
 * flagged ones against their terms once the terms are filled in and checked.
 */
function takeTermExamples(file: string, entries: unknown): Array<{ index: number; flagged?: string; accepted?: string }> {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((raw, index) => {
    const entry = raw as TermEntry & { flagged?: unknown; accepted?: unknown };
    const { flagged, accepted } = entry;
    delete entry.flagged;
    delete entry.accepted;
    for (const [key, value] of [['flagged', flagged], ['accepted', accepted]] as const) {
      if (value !== undefined && typeof value !== 'string') problems.push(`${file}: triggers[${index}] "${key}" must be one example sentence.`);
    }
    if (typeof flagged !== 'string' && typeof accepted !== 'string') return [];
    return [{ index, ...(typeof flagged === 'string' ? { flagged } : {}), ...(typeof accepted === 'string' ? { accepted } : {}) }];
  });
}

function checkOwnExamples(file: string, triggers: TermEntry[], lang: VocabLanguage, own: Array<{ index: number; flagged?: string }>): void {
  for (const { index, flagged } of own) {
    const entry = triggers[index]!;
    if (flagged === undefined || termProblems(entry, lang, normalizeLiteral).length > 0) continue;
    if (findTerms(compileTerms([entry], lang), normalizeLiteral(flagged)).length === 0) {
      problems.push(`${file}: triggers[${index}] "${entry.term ?? entry.regex}" does not match its own flagged example "${flagged}".`);
    }
  }
}

function checkStrings(file: string, value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problems.push(`${file}: "${what}" must be a list of strings.`);
    return [];
  }
  return value as string[];
}

// Vocabulary.
const vocabDir = join(root, 'server/vocab');

// Regional variants come first: every term below is checked in the form text takes after them.
const variantFile = 'server/vocab/variants.zh.yaml';
const variantData = readYaml<{ pairs: Array<[string, string]>; examples: Array<[string, string]> }>(join(root, variantFile));
for (const [from, to] of variantData.pairs) {
  if (from.length !== to.length) problems.push(`${variantFile}: "${from}" and "${to}" differ in length; offsets would shift.`);
  if (normalizeLiteral(from) !== from || normalizeLiteral(to) !== to) problems.push(`${variantFile}: write "${from}" and "${to}" in Simplified, lower-case form.`);
}
setRegionalVariants(variantData.pairs);
for (const [input, expected] of variantData.examples) {
  if (normalizeLiteral(input) !== expected) problems.push(`${variantFile}: example "${input}" becomes "${normalizeLiteral(input)}", not "${expected}".`);
}
const ruleIds = new Set(RULES.map((r) => r.id));
const rules: RuleVocab[] = [];
for (const file of yamlFiles(join(vocabDir, 'rules'))) {
  const data = readYaml<RuleVocab>(file);
  const name = relative(root, file);
  const expected = `${data.rule}.${data.lang}.yaml`;
  if (!file.endsWith(expected)) problems.push(`${name}: the file name should be ${expected}.`);
  if (!ruleIds.has(data.rule)) problems.push(`${name}: unknown rule "${data.rule}".`);
  const own = takeTermExamples(name, data.triggers);
  checkEntries(name, data.triggers, data.lang, 'triggers');
  checkOwnExamples(name, data.triggers, data.lang, own);
  const termExamples = { flagged: own.flatMap((e) => e.flagged ?? []), accepted: own.flatMap((e) => e.accepted ?? []) };
  if (data.context !== undefined) checkEntries(name, data.context, data.lang, 'context');
  if (data.triggers.some((t) => t.context) && !data.context) problems.push(`${name}: a trigger asks for context but there is no "context" list.`);
  checkStrings(name, data.examples?.flagged, 'examples.flagged');
  checkStrings(name, data.examples?.accepted, 'examples.accepted');
  rules.push({ rule: data.rule, lang: data.lang, triggers: data.triggers, ...(data.context ? { context: data.context } : {}), examples: data.examples, ...(own.length > 0 ? { termExamples } : {}) });
}
for (const id of ruleIds) {
  for (const lang of ['zh', 'en'] as const) {
    if (!rules.some((r) => r.rule === id && r.lang === lang)) problems.push(`server/vocab/rules: rule "${id}" has no ${lang} vocabulary.`);
  }
}
const safeguards: SafeguardVocab[] = [];
for (const file of yamlFiles(join(vocabDir, 'safeguards'))) {
  const data = readYaml<SafeguardVocab>(file);
  const name = relative(root, file);
  checkEntries(name, data.terms, data.lang, 'terms');
  checkEntries(name, data.headings, data.lang, 'headings');
  if (typeof data.label !== 'string' || typeof data.scaffold?.heading !== 'string' || typeof data.scaffold?.prompt !== 'string') {
    problems.push(`${name}: needs "label" and "scaffold: { heading, prompt }".`);
  }
  safeguards.push(data);
}
const setIds = new Set(safeguards.map((s) => s.set));
for (const rule of RULES) {
  for (const set of [...rule.safeguards.flat(), rule.scaffold]) {
    if (!setIds.has(set)) problems.push(`rule ${rule.id}: safeguard set "${set}" has no vocabulary in server/vocab/safeguards.`);
  }
}
const negations: NegationVocab[] = [];
const checklist: ChecklistVocab[] = [];
for (const lang of ['zh', 'en'] as const) {
  const nFile = `server/vocab/negations.${lang}.yaml`;
  const n = readYaml<NegationVocab>(join(root, nFile));
  for (const key of ['before', 'after', 'critique'] as const) checkEntries(nFile, n[key], lang, key);
  if (n.beforeClause !== undefined) checkEntries(nFile, n.beforeClause, lang, 'beforeClause');
  if (n.critiqueParagraph !== undefined) checkEntries(nFile, n.critiqueParagraph, lang, 'critiqueParagraph');
  negations.push(n);
  const cFile = `server/vocab/checklist.${lang}.yaml`;
  const c = readYaml<ChecklistVocab>(join(root, cFile));
  for (const item of CHECKLIST) {
    if (!c.items?.[item.id]) problems.push(`${cFile}: no terms for checklist item "${item.id}".`);
    else checkEntries(cFile, c.items[item.id], lang, item.id);
  }
  checklist.push(c);
}
for (const lang of ['zh', 'en'] as const) {
  for (const name of slots[lang].keys()) {
    if (!slotsUsed.has(`${lang}:${name}`)) problems.push(`server/vocab/slots.${lang}.yaml: slot "${name}" is used by no term; remove it or use it.`);
  }
}
const vocab: VocabData = { variants: variantData.pairs, rules, safeguards, negations, checklist };
outputs.set('server/src/engine/generated/vocab.json', `${JSON.stringify(vocab, null, 1)}\n`);

// Traditional Chinese strings, derived from the Simplified ones.
const taiwanPhrases = OpenCC.Converter({ from: 'cn', to: 'twp' });
// OpenCC's Taiwan phrases read 窗口 and 对象 as a computer's window and object (視窗, 物件); here
// they are always a service counter and the people served.
const PHRASES_KEPT: Array<[string, string]> = [
  ['視窗', '窗口'],
  ['服務物件', '服務對象'],
];
const toTaiwan = (text: string): string => PHRASES_KEPT.reduce((out, [wrong, right]) => out.replaceAll(wrong, right), taiwanPhrases(text));
const simplified = new Set<string>();
const addLocalized = (l: Localized): void => void simplified.add(l.zh);
for (const rule of RULES) [rule.description, rule.judgment.text, rule.why, rule.satisfy].forEach(addLocalized);
for (const meta of META_CHECKS) addLocalized(meta.description);
Object.values(sharedMessages).forEach(addLocalized);
for (const item of CHECKLIST) [item.title, item.hint].forEach(addLocalized);
for (const s of safeguards.filter((s) => s.lang === 'zh')) {
  simplified.add(s.label);
  simplified.add(s.scaffold.heading);
  simplified.add(s.scaffold.prompt);
}
const zhTW: Record<string, string> = {};
for (const s of [...simplified].sort()) zhTW[s] = toTaiwan(s);
outputs.set('server/src/engine/generated/zh-tw.json', `${JSON.stringify(zhTW, null, 1)}\n`);

// The configuration schema.
const severity = { enum: ['error', 'warning', 'information', 'hint', 'off'] };
const ruleProperties: Record<string, unknown> = {};
for (const rule of RULES) ruleProperties[rule.id] = { description: `${rule.description.en} Default: ${rule.defaultSeverity}.`, $ref: '#/definitions/ruleEntry' };
for (const meta of META_CHECKS) ruleProperties[meta.id] = { description: meta.description.en, $ref: '#/definitions/ruleEntry' };
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/needfirst/needfirst/blob/main/schemas/needfirst.schema.json',
  title: 'needfirst configuration',
  description: 'Configuration of needfirst: .needfirst.json, .needfirst.jsonc, .needfirst.yaml or .needfirst.yml, found upward from each document.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    root: { type: 'boolean', description: 'Stop looking for configuration files in parent folders.' },
    extends: {
      description: 'Presets (needfirst:recommended, needfirst:strict) or paths of configuration files, relative to this file, applied before it.',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    messages: { enum: ['auto', 'en', 'zh-CN', 'zh-TW'], description: 'Message language; auto follows the document.' },
    blockquotes: { type: 'boolean', description: 'Lint prose inside block quotes (default true).' },
    checklist: {
      type: 'object',
      additionalProperties: false,
      properties: { diagnostics: { type: 'boolean', description: 'Report missing value judgments as a value-checklist finding.' } },
    },
    ignores: { type: 'array', items: { type: 'string' }, description: 'Globs of files not to lint, relative to this file.' },
    stages: {
      type: 'object',
      description: 'Front-matter profiles: a document whose front matter says "stage: <name>" is linted with the preset mapped here, for example { "tender": "needfirst:strict" }. "needfirst: strict" in the front matter chooses a preset directly.',
      additionalProperties: { enum: ['needfirst:recommended', 'needfirst:strict'] },
    },
    rules: { type: 'object', additionalProperties: false, properties: ruleProperties },
  },
  definitions: {
    severity,
    ruleEntry: {
      oneOf: [
        { $ref: '#/definitions/severity' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            severity: { $ref: '#/definitions/severity' },
            scope: { enum: ['sentence', 'paragraph', 'section', 'document'], description: 'How far from a trigger an answer still counts (default section).' },
            triggers: { type: 'array', items: { type: 'string' }, description: 'Extra phrases this rule reports.' },
            safeguards: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that answer this rule.' },
            allow: { type: 'array', items: { type: 'string' }, description: 'Phrases this rule never reports.' },
          },
        },
      ],
    },
  },
};
outputs.set('schemas/needfirst.schema.json', `${JSON.stringify(schema, null, 2)}\n`);

// Rule documentation.
const label = (setId: string, lang: VocabLanguage): string => safeguards.find((s) => s.set === setId && s.lang === lang)?.label ?? setId;
const headings = (setId: string, lang: VocabLanguage): string =>
  (safeguards.find((s) => s.set === setId && s.lang === lang)?.headings ?? []).map((h) => `\`${h.term ?? h.regex}\``).join(', ');
// A trigger that needs a context word is marked, so a reader knows why it stays silent alone.
const termList = (entries: TermEntry[]): string => entries.map((e) => `\`${e.term ?? e.regex}\`${e.context ? '¹' : ''}`).join(', ');
const contextLines = (lang: string, vocab: RuleVocab): string[] =>
  vocab.context?.length && vocab.triggers.some((e) => e.context) ? ['', `¹ Only with a context word in the same sentence (${lang}): ${termList(vocab.context)}`] : [];
const index: string[] = ['# Rules', '', '<!-- Generated by `npm run generate` from the rule modules and server/vocab. Do not edit. -->', '', '| id | judgment | default | fixable | description |', '|---|---|---|---|---|'];
for (const rule of RULES) {
  const zh = rules.find((r) => r.rule === rule.id && r.lang === 'zh')!;
  const en = rules.find((r) => r.rule === rule.id && r.lang === 'en')!;
  const groups = rule.safeguards.map((g) => g.map((s) => `${label(s, 'en')} (${label(s, 'zh')})`).join(' **and** ')).join(' **or** ');
  const lines = [
    `# ${rule.id}`,
    '',
    '<!-- Generated by `npm run generate` from the rule module and server/vocab. Do not edit. -->',
    '',
    `${rule.description.en}`,
    '',
    `${rule.description.zh}`,
    '',
    `- Judgment: ${rule.judgment.source} ${rule.judgment.text.zh} (${rule.judgment.text.en})`,
    `- Default severity: \`${rule.defaultSeverity}\``,
    `- Fixable: ${rule.fixable ? 'yes, where deleting the phrase resolves it' : 'no; a scaffold section is offered'}`,
    `- Tags: ${rule.tags.join(', ')}`,
    '',
    '## Why',
    '',
    rule.why.en,
    '',
    rule.why.zh,
    '',
    '## What answers it',
    '',
    `${groups}, in the same sentence, paragraph or section, or in a dedicated section anywhere in the document.`,
    '',
    ...rule.safeguards.flat().map((s) => `- ${label(s, 'en')}: dedicated headings ${headings(s, 'en') || '(none: same sentence only)'}; ${headings(s, 'zh') || '（无专节）'}`),
    '',
    rule.satisfy.en,
    '',
    rule.satisfy.zh,
    '',
    '## Examples',
    '',
    'Flagged:',
    '',
    ...[...zh.examples.flagged, ...en.examples.flagged].map((e) => `- ${e}`),
    '',
    'Accepted:',
    '',
    ...[...zh.examples.accepted, ...en.examples.accepted].map((e) => `- ${e}`),
    '',
    'These examples are run by the test suite.',
    '',
    '## Options',
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: { severity: rule.defaultSeverity, scope: 'section', triggers: [], safeguards: [], allow: [] } } }, null, 2),
    '```',
    '',
    '- `severity`: `error`, `warning`, `information`, `hint` or `off`.',
    '- `scope`: how far from the trigger an answer counts: `sentence`, `paragraph`, `section` (default) or `document`.',
    '- `triggers`: extra phrases to report. `safeguards`: extra phrases that answer the rule. `allow`: phrases never reported.',
    '',
    '## Vocabulary',
    '',
    `Triggers (zh): ${termList(zh.triggers)}`,
    ...contextLines('zh', zh),
    '',
    `Triggers (en): ${termList(en.triggers)}`,
    ...contextLines('en', en),
    '',
  ];
  outputs.set(`docs/rules/${rule.id}.md`, `${lines.join('\n')}\n`);
  index.push(`| [${rule.id}](${rule.id}.md) | ${rule.judgment.source} ${rule.judgment.text.zh} | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'scaffold'} | ${rule.description.en} |`);
}
const META_DOCS: Record<string, string[]> = {
  'invalid-directive': [
    'A directive silences findings, so it must say why and name rules that exist:',
    '',
    '```markdown',
    '<!-- needfirst-disable-next-line digital-only -- the counter is described in section 4 -->',
    '```',
    '',
    'Reported: a `needfirst-disable`, `needfirst-disable-line` or `needfirst-disable-next-line` with no reason after ` -- `; a rule id that does not exist (the other ids of the directive still apply; a directive naming only unknown ids silences nothing); a misspelt directive name.',
  ],
  'value-checklist': [
    'Off by default (the checklist is always in the JSON, SARIF and Markdown output and in the editor). Turn it on with `"checklist": { "diagnostics": true }` and a severity for `value-checklist`, or with the `needfirst:strict` preset: one finding at the top of the document lists the value judgments of the report that the document does not address.',
    '',
    ...CHECKLIST.map((c) => `- \`${c.id}\`: ${c.title.en} (${c.title.zh}). ${c.hint.en}`),
  ],
};
for (const meta of META_CHECKS) {
  outputs.set(
    `docs/rules/${meta.id}.md`,
    [`# ${meta.id}`, '', '<!-- Generated by `npm run generate`. Do not edit. -->', '', meta.description.en, '', meta.description.zh, '', `- Default severity: \`${meta.id === 'value-checklist' ? 'off' : meta.defaultSeverity}\``, '', ...(META_DOCS[meta.id] ?? []), ''].join('\n'),
  );
  index.push(`| [${meta.id}](${meta.id}.md) | (document hygiene) | ${meta.id === 'value-checklist' ? 'off' : meta.defaultSeverity} | no | ${meta.description.en} |`);
}
outputs.set('docs/rules/README.md', `${index.join('\n')}\n\nEach rule's page is also at ${docsUrl('<id>')}.\n`);

if (problems.length > 0) {
  console.error(`The vocabulary has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
let stale = 0;
for (const [path, content] of outputs) {
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run generate and commit the result.`);
    stale++;
  } else {
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
    console.log(`wrote ${path}`);
  }
}
if (stale > 0) process.exit(1);
if (check) console.log(`generated files are up to date (${outputs.size} checked)`);
