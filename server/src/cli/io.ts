import type { LintOutcome, LintTask } from './lintTask.js';

/** What the CLI needs from its surroundings; `main` takes these so tests can pass their own. */
export interface CliFileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number; mode: number }>;
  chmod(path: string, mode: number): Promise<void>;
  readdir(path: string): Promise<Array<{ name: string; isFile(): boolean; isDirectory(): boolean }>>;
  /** The path with links resolved, so --fix replaces a link's target and keeps the link. */
  realpath?(path: string): Promise<string>;
}

export interface Writable {
  write(text: string): void;
  /** Raw bytes, for a document fixed from standard input in an encoding other than UTF-8. */
  writeBytes?(bytes: Uint8Array): void;
  isTTY?: boolean;
}

export interface CliEnvironment {
  argv: string[];
  cwd: string;
  fs: CliFileSystem;
  stdout: Writable;
  stderr: Writable;
  /** Standard input, read whole as bytes; only asked for with --stdin. */
  readStdin?: () => Promise<Uint8Array>;
  env?: Record<string, string | undefined>;
  /** Starts worker threads that lint; without it everything is linted on this thread. */
  workers?: (size: number) => LintPool;
  /** Cores available, for --concurrency auto (default 1). */
  cpus?: number;
  /** Milliseconds, for the progress bar's timing (default Date.now). */
  now?: () => number;
}

/** Worker threads that lint documents, as node.ts provides them. */
export interface LintPool {
  size: number;
  run(task: LintTask): Promise<LintOutcome>;
  close(): Promise<void>;
}
