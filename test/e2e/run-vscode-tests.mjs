// Runs test/e2e/vscode/suite.ts in a real VS Code extension host: @vscode/test-electron's runTests
// starts the e2e kit's code-shim.sh in place of a desktop VS Code, which runs code-server 1.100.3
// headless through chromium with the extension loaded from this folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { hostEnv, kit, outDir, root } from './env.mjs';

const started = Date.now();
Object.assign(process.env, hostEnv());
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--e2e'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const { base, dir } = outDir('vscode');
const workspace = join(dir, 'workspace');
mkdirSync(workspace, { recursive: true });
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
process.env.WORK = join(dir, 'work');
mkdirSync(join(base, 'screenshots'), { recursive: true });
process.env.SHOT = join(base, 'screenshots', 'vscode-ext-host-end.png');
process.env.TIMEOUT_MS = process.env.TIMEOUT_MS ?? '240000';

try {
  await runTests({
    vscodeExecutablePath: join(kit, 'code-shim.sh'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'e2e', 'vscode-suite.js'),
    launchArgs: [workspace],
  });
  console.log(`VS Code extension-host tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${dir})`);
} catch (error) {
  console.error(`VS Code extension-host tests failed: ${error instanceof Error ? error.message : error}. Logs are in ${dir}.`);
  process.exit(1);
}
