// Builds needfirst-<version>.vsix with @vscode/vsce from a staging folder. The npm package lists
// its files in package.json "files" (the CLI and the language-server bins), which vsce will not
// combine with .vscodeignore, so the extension is staged with a manifest of its own.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stage = join(root, 'out', 'vsix');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const run = (command, args, cwd) => {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['scripts/build.mjs', '--minify'], root);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const path of ['.vscodeignore', 'README.md', 'package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json', 'dist/extension.js', 'dist/server.js', 'docs/rules', 'l10n', 'syntaxes', 'schemas']) {
  cpSync(join(root, path), join(stage, path), { recursive: true });
}
// The extension needs nothing installed: both programs are bundles.
const { files, scripts, devDependencies, bin, ...extension } = manifest;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(extension, null, 2)}\n`);
const out = join(root, `${manifest.name}-${manifest.version}.vsix`);
run(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--out', out], stage);
