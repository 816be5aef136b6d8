/** A slice of the files for one job of a CI matrix: --shard 2/4 is the second of four. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "I/N" with 1 <= I <= N; null when it is not that. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/**
 * The files of one shard: every N-th file of the sorted list, starting at the I-th. The list is
 * sorted by the paths as shown (relative to the working folder), so every job of a matrix,
 * whatever its checkout folder, cuts the same slices; together the shards hold every file once.
 */
export function selectShard<T>(files: T[], shard: Shard, name: (file: T) => string): T[] {
  const sorted = [...files].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
