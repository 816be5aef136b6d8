import { basename, dirname, join } from 'node:path';
import type { CliFileSystem } from './io.js';
import { encodeFile, encodesExactly, sameBytes, type DecodedFile } from './encoding.js';

/** Why a fixed file was not written; the original is then untouched. */
export class WriteError extends Error {}

/**
 * Writes fixed text over a file atomically: a temporary file beside it, with the original's mode,
 * renamed over it. The file's encoding and BOM are kept. Nothing is written when the text cannot
 * be encoded exactly or the file changed since it was read; a failure removes the temporary file.
 */
export async function writeFixed(fs: CliFileSystem, path: string, original: Uint8Array, fixed: DecodedFile): Promise<void> {
  if (!encodesExactly(fixed)) throw new WriteError(`the fixed text has characters that ${fixed.encoding} cannot hold`);
  const data = encodeFile(fixed);
  // A link stays a link: the file it points to is replaced, not the link.
  const target = fs.realpath ? await fs.realpath(path) : path;
  const stat = await fs.stat(target);
  if (!sameBytes(await fs.readFile(target), original)) throw new WriteError('it changed while needfirst was fixing it; run needfirst --fix again');
  const temp = join(dirname(target), `.${basename(target)}.needfirst-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.chmod(temp, stat.mode & 0o7777);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A file-system error as a clause that says what to do; writing a new file, ENOENT means its folder is missing. */
export function describeFsError(error: unknown, writing = false): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; check its permissions';
    case 'ENOENT':
      return writing ? 'its folder does not exist; create the folder or choose another path' : 'it does not exist (was it moved or deleted?)';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open; lint fewer files at once';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
