import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../server/src/cli/main.js';
import { nodeFileSystem } from '../server/src/cli/node.js';

/** A throw-away folder with the given files (path -> content). */
export function project(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'needfirst-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What was written as raw bytes: a document fixed from standard input in a legacy encoding. */
  stdoutBytes: Buffer;
}

/** Runs the CLI in-process against the real file system. */
export async function cli(cwd: string, argv: string[], stdin?: string | Uint8Array): Promise<CliRun> {
  let stdout = '';
  const stdoutBytes: Uint8Array[] = [];
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    fs: nodeFileSystem,
    stdout: { write: (s) => void (stdout += s), writeBytes: (b) => void stdoutBytes.push(b) },
    stderr: { write: (s) => void (stderr += s) },
    readStdin: async () => (typeof stdin === 'string' || stdin === undefined ? new TextEncoder().encode(stdin ?? '') : stdin),
    env: {},
  });
  return { code, stdout, stderr, stdoutBytes: Buffer.concat(stdoutBytes) };
}
