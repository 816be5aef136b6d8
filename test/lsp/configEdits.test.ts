import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/engine/index.js';
import { editConfigText, newConfigText } from '../../server/src/lsp/configEdits.js';

const apply = (text: string, name: string, change: Parameters<typeof editConfigText>[2]): string | null => {
  const edits = editConfigText(text, name, change);
  return edits === null ? null : applyFixes(text, [{ title: '', kind: 'fix', edits }]).output;
};

describe('configuration edits from code actions', () => {
  it('a new file holds only the change', () => {
    expect(JSON.parse(newConfigText({ kind: 'allow', ruleId: 'digital-only', phrase: '只能通过APP' }))).toEqual({ rules: { 'digital-only': { allow: ['只能通过APP'] } } });
    expect(newConfigText({ kind: 'off', ruleId: 'concept-race' }, '\r\n')).toBe('{\r\n  "rules": {\r\n    "concept-race": "off"\r\n  }\r\n}\r\n');
  });

  it('JSONC keeps comments, appends to an allow list and keeps a severity given as a string', () => {
    const text = '{\n  // ours\n  "rules": {\n    "digital-only": { "allow": ["a"] },\n    "concept-race": "error"\n  }\n}\n';
    const allowed = apply(text, '.needfirst.jsonc', { kind: 'allow', ruleId: 'digital-only', phrase: 'b' })!;
    expect(allowed).toContain('// ours');
    expect(allowed).toMatch(/"allow": \[\s*"a",\s*"b"\s*\]/);
    const severity = apply(text, '.needfirst.jsonc', { kind: 'allow', ruleId: 'concept-race', phrase: '首创' })!;
    expect(severity).toMatch(/"concept-race": \{\s*"severity": "error",\s*"allow": \[\s*"首创"\s*\]\s*\}/);
    expect(editConfigText(text, '.needfirst.jsonc', { kind: 'allow', ruleId: 'digital-only', phrase: 'a' })).toEqual([]);
    expect(JSON.parse(apply(text, '.needfirst.jsonc', { kind: 'off', ruleId: 'digital-only' })!.replace('// ours', ''))).toEqual({
      rules: { 'digital-only': { allow: ['a'], severity: 'off' }, 'concept-race': 'error' },
    });
    expect(editConfigText('{ "rules": ', '.needfirst.json', { kind: 'off', ruleId: 'x' })).toBeNull();
  });

  it('YAML keeps comments and nests the change under rules', () => {
    const text = '# shared settings\nrules:\n  digital-only: warning # keep\n';
    expect(apply(text, '.needfirst.yaml', { kind: 'off', ruleId: 'concept-race' })).toBe('# shared settings\nrules:\n  digital-only: warning # keep\n  concept-race: off\n');
    // The severity given as a string moves into the rule's settings, beside the allow list.
    expect(apply(text, '.needfirst.yml', { kind: 'allow', ruleId: 'digital-only', phrase: '扫码' })).toBe('# shared settings\nrules:\n  digital-only:\n    severity: warning\n    allow:\n      - 扫码\n');
    expect(editConfigText('rules: [', '.needfirst.yaml', { kind: 'off', ruleId: 'x' })).toBeNull();
  });
});
