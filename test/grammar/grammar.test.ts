/** The directive grammar, injected into VS Code's Markdown grammar and run by vscode-textmate. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: Array<{ scopeName: string; path: string; injectTo: string[] }> };
};
const contribution = manifest.contributes.grammars.find((g) => g.scopeName === 'markdown.needfirst.directives')!;

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const files: Record<string, string> = {
    'text.html.markdown': join(__dirname, 'markdown.tmLanguage.json'),
    [contribution.scopeName]: join(root, contribution.path),
  };
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(readFileSync(files[scope]!, 'utf8'), files[scope]) : null),
    // As VS Code does with the manifest's injectTo.
    getInjections: (scope) => (contribution.injectTo.includes(scope) ? [contribution.scopeName] : []),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
});

/** Each token's text with the needfirst scopes it carries. */
function tokens(text: string): Array<[string, string[]]> {
  let state = INITIAL;
  const out: Array<[string, string[]]> = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const scopes = t.scopes.filter((s) => s.endsWith('.needfirst'));
      if (scopes.length > 0) out.push([line.slice(t.startIndex, t.endIndex), scopes]);
    }
    state = r.ruleStack;
  }
  return out;
}

const innermost = (text: string): Array<[string, string]> =>
  tokens(text).map(([t, s]): [string, string] => [t.trim(), s.at(-1)!]).filter(([t]) => t !== '');

describe('directive grammar', () => {
  it('scopes the directive, its rule ids and its reason', () => {
    expect(innermost('<!-- needfirst-disable-next-line digital-only, over-reach -- 第四节已有线下窗口 -->')).toEqual([
      ['needfirst-disable-next-line', 'keyword.control.directive.needfirst'],
      ['digital-only', 'entity.name.rule.needfirst'],
      [',', 'punctuation.separator.comma.needfirst'],
      ['over-reach', 'entity.name.rule.needfirst'],
      ['--', 'punctuation.separator.reason.needfirst'],
      ['第四节已有线下窗口', 'string.unquoted.reason.needfirst'],
    ]);
  });

  it('knows every kind of directive, and a reason that spans lines', () => {
    expect(innermost('<!-- needfirst-enable -->')).toEqual([['needfirst-enable', 'keyword.control.directive.needfirst']]);
    expect(innermost('<!-- needfirst-disable-line -- quoted from the 2021 plan -->')).toEqual([
      ['needfirst-disable-line', 'keyword.control.directive.needfirst'],
      ['--', 'punctuation.separator.reason.needfirst'],
      ['quoted from the 2021 plan', 'string.unquoted.reason.needfirst'],
    ]);
    expect(innermost('<!-- needfirst-disable showcase-display -- press release,\n   not a spec -->').at(-1)).toEqual(['not a spec', 'string.unquoted.reason.needfirst']);
  });

  it('leaves other comments and prose alone', () => {
    expect(tokens('<!-- a note about needfirst-disable -->\n\nneedfirst-disable digital-only -- prose\n')).toEqual([]);
  });

  it('never fires inside fenced code or inline code', () => {
    expect(tokens('```markdown\n<!-- needfirst-disable digital-only -- example -->\n```\n')).toEqual([]);
    expect(tokens('~~~\n<!-- needfirst-enable -->\n~~~\n')).toEqual([]);
    expect(tokens('Write `<!-- needfirst-disable-line -- why -->` above the line.\n')).toEqual([]);
    expect(innermost('```\n<!-- needfirst-enable -->\n```\n\n<!-- needfirst-enable -->\n')).toEqual([['needfirst-enable', 'keyword.control.directive.needfirst']]);
  });
});
