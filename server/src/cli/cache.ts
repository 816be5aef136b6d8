import { createHash } from 'node:crypto';
import { dirname, join, relative, sep, posix } from 'node:path';
import type { ResolvedConfig } from '../engine/config.js';
import type { LintResult } from '../engine/types.js';
import type { CliFileSystem } from './io.js';

/** The default cache file, in the working folder. */
export const CACHE_NAME = '.needfirstcache';

interface CacheEntry {
  key: string;
  result: LintResult;
  fixed: number;
}

interface CacheFile {
  version: string;
  entries: Record<string, CacheEntry>;
}

/**
 * Lint results of unchanged files. An entry is used only when its key matches: a hash of the
 * file's bytes, the effective configuration, the encoding option and the mode. A cache written
 * by another needfirst version is dropped whole, since rules and vocabulary change between them.
 */
export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private changed = false;
  hits = 0;

  private constructor(
    private readonly fs: CliFileSystem,
    readonly file: string,
    private readonly version: string,
  ) {}

  /** Opens the cache; a missing, unreadable or foreign file starts an empty one. */
  static async open(fs: CliFileSystem, file: string, version: string): Promise<LintCache> {
    const cache = new LintCache(fs, file, version);
    try {
      const data = JSON.parse(new TextDecoder().decode(await fs.readFile(file))) as CacheFile;
      if (data?.version === version && typeof data.entries === 'object' && data.entries) cache.entries = data.entries;
    } catch {
      // No cache yet, or one that cannot be used: it is rebuilt.
    }
    return cache;
  }

  /** Where the cache goes: --cache-location names a file, or a folder that gets the default name. */
  static async locate(fs: CliFileSystem, cwd: string, location: string | undefined): Promise<string> {
    if (!location) return join(cwd, CACHE_NAME);
    const path = join(cwd, location);
    if (/[\\/]$/.test(location)) return join(path, CACHE_NAME);
    try {
      if ((await fs.stat(path)).isDirectory()) return join(path, CACHE_NAME);
    } catch {
      // A path that does not exist yet is the cache file itself.
    }
    return path;
  }

  key(bytes: Uint8Array, config: ResolvedConfig, encoding: string | undefined, fix: boolean): string {
    return createHash('sha256')
      .update(this.version)
      .update('\u0000')
      .update(JSON.stringify(config))
      .update('\u0000')
      .update(`${encoding ?? 'detect'}\u0000${fix ? 'fix' : 'lint'}\u0000`)
      .update(bytes)
      .digest('hex');
  }

  get(path: string, key: string): { result: LintResult; fixed: number } | null {
    const entry = this.entries[this.name(path)];
    if (entry?.key !== key) return null;
    this.hits++;
    return { result: entry.result, fixed: entry.fixed };
  }

  set(path: string, key: string, result: LintResult, fixed: number): void {
    this.entries[this.name(path)] = { key, result, fixed };
    this.changed = true;
  }

  /** Writes the cache through a temporary file, so an interrupted run never leaves half a cache. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const data: CacheFile = { version: this.version, entries: this.entries };
    const temporary = `${this.file}.${Date.now().toString(36)}.tmp`;
    await this.fs.writeFile(temporary, new TextEncoder().encode(JSON.stringify(data)));
    try {
      await this.fs.rename(temporary, this.file);
    } catch (error) {
      await this.fs.unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  private name(path: string): string {
    return relative(dirname(this.file), path).split(sep).join(posix.sep);
  }
}
