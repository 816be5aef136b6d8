import { findNodeAtLocation, getNodeValue, modify, parseTree, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Edit } from '../engine/index.js';

/** What a code action changes in a configuration file. */
export type ConfigChange = { kind: 'allow'; ruleId: string; phrase: string } | { kind: 'off'; ruleId: string };

const isYaml = (fileName: string): boolean => /\.ya?ml$/i.test(fileName);

/** The text of a new `.needfirst.json` holding only this change. */
export function newConfigText(change: ConfigChange, eol = '\n'): string {
  const entry = change.kind === 'allow' ? { allow: [change.phrase] } : 'off';
  return JSON.stringify({ rules: { [change.ruleId]: entry } }, null, 2).replace(/\n/g, eol) + eol;
}

/**
 * Edits that make the change in an existing configuration file, keeping its comments and layout;
 * an empty list when the file already says so, null when the file cannot be parsed.
 */
export function editConfigText(text: string, fileName: string, change: ConfigChange): Edit[] | null {
  return isYaml(fileName) ? editYaml(text, change) : editJson(text, change);
}

function editJson(text: string, change: ConfigChange): Edit[] | null {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 && text.trim() !== '') return null;
  const node = tree ? findNodeAtLocation(tree, ['rules', change.ruleId]) : undefined;
  const value: unknown = node ? getNodeValue(node) : undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formattingOptions: FormattingOptions = { insertSpaces: true, tabSize: 2, eol };
  const at = (path: Array<string | number>, v: unknown, isArrayInsertion = false): Edit[] =>
    modify(text, path, v, { formattingOptions, isArrayInsertion }).map((e) => ({ offset: e.offset, length: e.length, text: e.content }));
  const path = ['rules', change.ruleId];
  const settings = value && typeof value === 'object' && !Array.isArray(value) ? (value as { severity?: unknown; allow?: unknown }) : null;
  if (change.kind === 'off') {
    if (value === 'off' || settings?.severity === 'off') return [];
    return settings ? at([...path, 'severity'], 'off') : at(path, 'off');
  }
  if (settings) {
    if (!Array.isArray(settings.allow)) return at([...path, 'allow'], [change.phrase]);
    if (settings.allow.includes(change.phrase)) return [];
    return at([...path, 'allow', settings.allow.length], change.phrase, true);
  }
  // A rule given only as a severity keeps that severity beside its new allow list.
  return at(path, typeof value === 'string' ? { severity: value, allow: [change.phrase] } : { allow: [change.phrase] });
}

function editYaml(text: string, change: ConfigChange): Edit[] | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const path = ['rules', change.ruleId];
  const entry = doc.getIn(path, true);
  if (change.kind === 'off') {
    if (isScalar(entry) && entry.value === 'off') return [];
    if (isMap(entry)) {
      if (entry.get('severity') === 'off') return [];
      entry.set('severity', 'off');
    } else doc.setIn(path, 'off');
  } else if (isMap(entry)) {
    const allow = entry.get('allow', true);
    if (isSeq(allow)) {
      if (allow.items.some((item) => isScalar(item) && item.value === change.phrase)) return [];
      allow.add(doc.createNode(change.phrase));
    } else entry.set('allow', doc.createNode([change.phrase]));
  } else {
    const severity = isScalar(entry) && typeof entry.value === 'string' ? entry.value : undefined;
    doc.setIn(path, doc.createNode(severity ? { severity, allow: [change.phrase] } : { allow: [change.phrase] }));
  }
  const out = doc.toString();
  return out === text ? [] : [{ offset: 0, length: text.length, text: out }];
}
