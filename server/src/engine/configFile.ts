import Ajv, { type ErrorObject } from 'ajv';
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseDocument, LineCounter, isMap, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../schemas/needfirst.schema.json';
import { lineStarts, positionAt } from './positions.js';
import type { MessageLanguage, Scope, SeveritySetting } from './types.js';

/** A rule's entry in a configuration file: a severity, or settings. */
export type RuleEntry =
  | SeveritySetting
  | { severity?: SeveritySetting; scope?: Scope; triggers?: string[]; safeguards?: string[]; allow?: string[] };

/** A configuration file as written, after validation. */
export interface ConfigFile {
  root?: boolean;
  extends?: string | string[];
  messages?: 'auto' | MessageLanguage;
  blockquotes?: boolean;
  checklist?: { diagnostics?: boolean };
  ignores?: string[];
  rules?: Record<string, RuleEntry>;
}

export interface ConfigProblem {
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ParsedConfig {
  config: ConfigFile | null;
  problems: ConfigProblem[];
  /** Where a JSON pointer path lies in the file, for messages about values found later (extends). */
  locate(path: Array<string | number>): { offset: number; length: number };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

export type ConfigFormat = 'json' | 'yaml';

export function configFormat(fileName: string): ConfigFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/** Parses and validates a configuration file's text. Never throws: every fault is a problem with a place. */
export function parseConfigText(text: string, fileName: string): ParsedConfig {
  const starts = lineStarts(text);
  const problem = (message: string, offset: number, length: number): ConfigProblem => {
    const s = positionAt(starts, offset);
    const e = positionAt(starts, offset + length);
    return { message, offset, length, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const syntax = configFormat(fileName) === 'yaml' ? parseYaml(text) : parseJson(text);
  const problems = syntax.errors.map((e) => problem(e.message, e.offset, e.length));
  if (problems.length > 0 || syntax.value === undefined) {
    if (problems.length === 0) problems.push(problem('The configuration file is empty: write an object such as { "extends": "needfirst:recommended" }.', 0, 0));
    return { config: null, problems, locate: syntax.locate };
  }
  if (!validate(syntax.value)) {
    for (const error of relevantErrors(validate.errors ?? [])) {
      const message = describeError(error);
      if (message === null) continue;
      const path = pointerPath(error.instancePath);
      const key = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : null;
      const at = syntax.locate(key === null ? path : [...path, key], key !== null);
      if (!problems.some((p) => p.offset === at.offset && p.message === message)) problems.push(problem(message, at.offset, at.length));
    }
    problems.sort((a, b) => a.offset - b.offset);
    return { config: null, problems, locate: syntax.locate };
  }
  return { config: syntax.value as ConfigFile, problems: [], locate: syntax.locate };
}

interface SyntaxResult {
  value: unknown;
  errors: Array<{ message: string; offset: number; length: number }>;
  locate(path: Array<string | number>, key?: boolean): { offset: number; length: number };
}

function parseJson(text: string): SyntaxResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const value = root ? nodeValue(root) : undefined;
  return {
    value,
    errors: errors.map((e) => ({ message: jsonErrorMessage(e.error), offset: e.offset, length: e.length })),
    locate(path, key = false) {
      if (!root) return { offset: 0, length: 0 };
      const node = findNodeAtLocation(root, path) ?? deepest(root, path);
      if (key && node?.parent?.type === 'property') {
        const k = node.parent.children?.[0];
        if (k) return { offset: k.offset, length: k.length };
      }
      return node ? { offset: node.offset, length: node.length } : { offset: root.offset, length: 1 };
    },
  };
}

function deepest(root: JsonNode, path: Array<string | number>): JsonNode | undefined {
  for (let n = path.length - 1; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node;
  }
  return root;
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function jsonErrorMessage(code: Parameters<typeof printParseErrorCode>[0]): string {
  const name = printParseErrorCode(code);
  const words: Record<string, string> = {
    InvalidSymbol: 'Unexpected character: this is not valid JSON here.',
    InvalidNumberFormat: 'Invalid number.',
    PropertyNameExpected: 'A property name in double quotes is expected here.',
    ValueExpected: 'A value is expected here.',
    ColonExpected: 'A colon (:) is expected after the property name.',
    CommaExpected: 'A comma (,) is expected between entries.',
    CloseBraceExpected: 'A closing brace (}) is expected.',
    CloseBracketExpected: 'A closing bracket (]) is expected.',
    EndOfFileExpected: 'The file should end after the top-level object.',
    InvalidCommentToken: 'This comment is not closed.',
    UnexpectedEndOfComment: 'The file ends inside a comment.',
    UnexpectedEndOfString: 'This string is not closed with a double quote.',
    UnexpectedEndOfNumber: 'The file ends inside a number.',
    InvalidUnicode: 'Invalid \\u escape in a string.',
    InvalidEscapeCharacter: 'Invalid escape character in a string.',
    InvalidCharacter: 'Invalid character in a string.',
  };
  return words[name] ?? `Invalid JSON (${name}).`;
}

function parseYaml(text: string): SyntaxResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed;
  const errors = doc.errors.map((e) => {
    const [start, end] = e.pos;
    const first = e.message.split('\n')[0] ?? e.message;
    return { message: `Invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}.`.replace(/\.\.$/, '.'), offset: start, length: Math.max(0, end - start) };
  });
  const value = errors.length === 0 ? doc.toJS() : undefined;
  return {
    value: value === null ? undefined : value,
    errors,
    locate(path, key = false) {
      const at = (node: YamlNode | null | undefined): { offset: number; length: number } | null =>
        node?.range ? { offset: node.range[0], length: node.range[1] - node.range[0] } : null;
      if (key && path.length > 0) {
        const parent = doc.getIn(path.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
          const found = pair && at(pair.key as YamlNode);
          if (found) return found;
        }
      }
      for (let n = path.length; n >= 0; n--) {
        const found = at(doc.getIn(path.slice(0, n), true) as YamlNode);
        if (found) return found;
      }
      return { offset: 0, length: 0 };
    },
  };
}

/**
 * A value checked against alternatives (oneOf) fails every branch; keep the errors of the branch
 * it was meant for (the deeper ones) or else one sentence for the alternatives.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath);
  return errors.filter((e) => {
    for (const at of alternatives) {
      const deeper = errors.some((o) => o.instancePath.startsWith(`${at}/`));
      if (e.instancePath === at && deeper) return false;
      if (e.instancePath === at && e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return false;
    }
    return true;
  });
}

function pointerPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const RULE_IDS = Object.keys((schema as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties);

/** Turns a schema error into a sentence; null for errors another error already explains. */
function describeError(error: ErrorObject): string | null {
  const where = error.instancePath === '' ? 'The configuration' : `"${pointerPath(error.instancePath).join('.')}"`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      if (error.instancePath === '/rules') return `Unknown rule "${name}". Valid rule ids: ${RULE_IDS.join(', ')}.`;
      const allowed = Object.keys(schemaAt(error.schemaPath)?.properties ?? {});
      return `Unknown setting "${name}" in ${where === 'The configuration' ? 'the configuration' : where}. Expected one of: ${allowed.join(', ')}.`;
    }
    case 'type':
      return `${where} must be ${article(String(params.type))}.`;
    case 'enum':
      return `${where} must be one of: ${((params.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'oneOf':
    case 'anyOf':
      if (error.instancePath.startsWith('/rules/')) {
        return `${where} must be a severity ("error", "warning", "information", "hint", "off") or an object with severity, scope, triggers, safeguards and allow.`;
      }
      if (error.instancePath === '/extends') return `${where} must be a preset name or a path, or a list of them.`;
      return `${where} has the wrong shape.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function schemaAt(schemaPath: string): { properties?: Record<string, unknown> } | undefined {
  let node: unknown = schema;
  for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    if (node && typeof node === 'object') node = (node as Record<string, unknown>)[part];
  }
  return node as { properties?: Record<string, unknown> } | undefined;
}
