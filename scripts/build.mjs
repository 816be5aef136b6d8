// Bundles the shipped programs with esbuild: one self-contained file each.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  legalComments: 'linked',
  logLevel: 'warning',
  // jsonc-parser's UMD build loads its parts dynamically, which a bundle cannot follow; its ESM build can be.
  mainFields: ['module', 'main'],
};

await Promise.all([
  build({ ...common, entryPoints: { cli: 'server/src/cli/node.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { engine: 'server/src/engine/index.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' }),
  // The editor provides `vscode` at run time.
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  // The VS Code integration tests run inside the extension host; they are not shipped.
  ...(process.argv.includes('--e2e') ? [build({ ...common, entryPoints: { 'vscode-suite': 'test/e2e/vscode/suite.ts' }, outdir: 'out/e2e', external: ['vscode'] })] : []),
]);
