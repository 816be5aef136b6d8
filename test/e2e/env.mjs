// Where the e2e kit and the VS Code host (code-server + playwright-core, installed by the kit's
// setup.sh) live, and where a run keeps its logs and screenshots.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');
/** The kit sits beside the clone in CI (../shared/vscode-e2e). */
export const kit = resolve(process.env.VSCODE_E2E_KIT ?? join(root, '..', 'shared', 'vscode-e2e'));

export function hostEnv() {
  if (!process.env.VSCODE_HOST) throw new Error('Set VSCODE_HOST to the folder the e2e kit\'s setup.sh installed code-server into.');
  const host = resolve(process.env.VSCODE_HOST);
  return { CODE_SERVER: join(host, 'node_modules', '.bin', 'code-server'), NODE_PATH: join(host, 'node_modules'), TMPDIR: process.env.TMPDIR ?? join(host, 'tmp') };
}

/** The folder for this run's logs and screenshots: E2E_OUT, or a new temporary one. */
export function outDir(name) {
  const base = process.env.E2E_OUT ? resolve(process.env.E2E_OUT) : mkdtempSync(join(tmpdir(), 'needfirst-e2e-'));
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  return { base, dir };
}
