import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]!);

describe('architecture invariants', () => {
  it('the engine imports nothing from vscode, the language server or node', () => {
    const offending: string[] = [];
    for (const file of sources(join(root, 'server/src/engine'))) {
      for (const spec of importsOf(file)) {
        if (/^(vscode|vscode-languageserver|vscode-languageclient|node:|fs$|path$|os$|child_process$)/.test(spec)) offending.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('only cli/node.ts binds the CLI to the real process and file system', () => {
    const offending: string[] = [];
    for (const file of sources(join(root, 'server/src/cli'))) {
      if (file.endsWith('node.ts')) continue;
      const text = readFileSync(file, 'utf8');
      if (/from 'node:fs'|process\.(argv|stdout|stderr|stdin|exit)/.test(text)) offending.push(relative(root, file));
    }
    expect(offending).toEqual([]);
  });

  it('rule modules hold no trigger words: vocabulary is data', () => {
    for (const file of sources(join(root, 'server/src/engine/rules'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(root, file)).not.toMatch(/new RegExp|\/[^/\n]*[\u4e00-\u9fff][^/\n]*\/[gimsuy]*[.;,)]/);
    }
  });

  it('only server/src/lsp imports the language server libraries, and only client/ imports vscode', () => {
    const offending: string[] = [];
    for (const file of [...sources(join(root, 'server/src')), ...sources(join(root, 'client/src'))]) {
      const where = relative(root, file).split('\\').join('/');
      for (const spec of importsOf(file)) {
        if (/^vscode-languageserver/.test(spec) && !where.startsWith('server/src/lsp/')) offending.push(`${where} imports ${spec}`);
        if (/^(vscode|vscode-languageclient)(\/|$)/.test(spec) && !where.startsWith('client/')) offending.push(`${where} imports ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
