import { promises as fsp } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import type { CliFileSystem } from './io.js';
import { main } from './main.js';
import { WORKER_MARK, createWorkerPool, serveLintRequests } from './workers.js';

/** The real file system, for the bin. */
export const nodeFileSystem: CliFileSystem = {
  readFile: (path) => fsp.readFile(path),
  writeFile: (path, data) => fsp.writeFile(path, data),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  stat: (path) => fsp.stat(path),
  chmod: (path, mode) => fsp.chmod(path, mode),
  readdir: (path) => fsp.readdir(path, { withFileTypes: true }),
  realpath: (path) => fsp.realpath(path),
};

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Worker threads that run this very bundle, which serves lint requests when started as a worker. */
export const nodeWorkers = (size: number) => createWorkerPool(__filename, size);

/** Runs the CLI as a process: real arguments, streams and file system. */
export async function run(): Promise<void> {
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    process.stderr.write('needfirst: the current folder no longer exists (it was deleted or moved). Change to an existing folder and run needfirst again.\n');
    process.exitCode = 2;
    return;
  }
  const code = await main({
    argv: process.argv.slice(2),
    cwd,
    fs: nodeFileSystem,
    stdout: { write: (s) => void process.stdout.write(s), writeBytes: (b) => void process.stdout.write(b), isTTY: process.stdout.isTTY },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY },
    readStdin,
    env: process.env,
    workers: nodeWorkers,
    cpus: availableParallelism(),
  });
  process.exitCode = code;
}

if (!isMainThread && workerData === WORKER_MARK) serveLintRequests();
