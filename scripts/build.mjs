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
]);
