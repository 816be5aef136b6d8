import { join, relative, resolve, sep, posix, dirname } from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import type { CliFileSystem } from './io.js';

const MARKDOWN = /\.(md|markdown|mdown|mkd|mkdn)$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileSelection {
  files: string[];
  /** Patterns or paths that matched nothing. */
  unmatched: string[];
  /** Paths that exist but cannot be read. */
  unreadable: Array<{ path: string; error: unknown }>;
}

function toPosix(path: string): string {
  return path.split(sep).join(posix.sep);
}

const isGlob = (s: string): boolean => picomatch.scan(s).isGlob;

/**
 * Expands the paths, folders and globs given on the command line into Markdown files. Folders
 * are walked for Markdown files, skipping node_modules and what .gitignore files ignore.
 */
export async function selectFiles(fs: CliFileSystem, cwd: string, patterns: string[]): Promise<FileSelection> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  const unreadable: FileSelection['unreadable'] = [];
  const gitignores = new Map<string, Ignore | null>();

  const gitignoreOf = async (folder: string): Promise<Ignore | null> => {
    if (gitignores.has(folder)) return gitignores.get(folder)!;
    let rules: Ignore | null = null;
    try {
      const text = new TextDecoder().decode(await fs.readFile(join(folder, '.gitignore')));
      rules = ignore().add(text);
    } catch {
      rules = null;
    }
    gitignores.set(folder, rules);
    return rules;
  };

  /** True when a .gitignore between `root` and the path ignores it. */
  const ignored = async (path: string, isDir: boolean, ancestors: string[]): Promise<boolean> => {
    for (const folder of ancestors) {
      const rules = await gitignoreOf(folder);
      if (!rules) continue;
      const rel = toPosix(relative(folder, path));
      if (rel && !rel.startsWith('..') && rules.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  };

  const walk = async (folder: string, ancestors: string[], accept: (path: string) => boolean): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(folder);
    } catch (error) {
      unreadable.push({ path: folder, error });
      return;
    }
    const chain = [...ancestors, folder];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        if (await ignored(path, true, chain)) continue;
        await walk(path, chain, accept);
      } else if (entry.isFile() && accept(path) && !(await ignored(path, false, chain))) {
        found.add(path);
      }
    }
  };

  const ancestorsOf = (folder: string): string[] => {
    const out: string[] = [];
    let here = dirname(folder);
    const root = resolve(cwd);
    while (here.startsWith(root) && here !== folder) {
      out.unshift(here);
      if (here === root) break;
      const up = dirname(here);
      if (up === here) break;
      here = up;
    }
    return out;
  };

  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const before = found.size;
    const absolute = resolve(cwd, pattern);
    let stat = null;
    try {
      stat = await fs.stat(absolute);
    } catch {
      stat = null;
    }
    if (stat?.isFile()) {
      found.add(absolute);
    } else if (stat?.isDirectory()) {
      await walk(absolute, ancestorsOf(absolute), (p) => MARKDOWN.test(p));
    } else if (isGlob(pattern)) {
      const scan = picomatch.scan(toPosix(pattern));
      const base = resolve(cwd, scan.base || '.');
      const matcher = picomatch(toPosix(resolve(cwd, pattern)), { dot: false });
      try {
        if ((await fs.stat(base)).isDirectory()) await walk(base, ancestorsOf(base), (p) => matcher(toPosix(p)));
      } catch {
        // A glob whose base folder does not exist matches nothing, which is reported below.
      }
    }
    if (found.size === before && !stat?.isFile()) unmatched.push(pattern);
  }
  return { files: [...found].sort(), unmatched, unreadable };
}

/** Whether configuration `ignores` globs (absolute, POSIX) exclude a file. */
export function isIgnoredByConfig(path: string, globs: string[]): boolean {
  if (globs.length === 0) return false;
  return picomatch(globs, { dot: true })(toPosix(path));
}
