import type { Edit, Fix } from './types.js';

export interface AppliedFixes {
  output: string;
  applied: number;
  /** Fixes left out because they overlapped one already taken. */
  skipped: number;
}

/**
 * Applies fixes bottom-up. A fix whose edits overlap an edit already taken is skipped, so the
 * result never depends on the order edits would otherwise collide in.
 */
export function applyFixes(text: string, fixes: Fix[]): AppliedFixes {
  const taken: Edit[] = [];
  let skipped = 0;
  const ordered = [...fixes].sort((a, b) => firstOffset(a) - firstOffset(b));
  for (const fix of ordered) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      skipped++;
      continue;
    }
    taken.push(...fix.edits);
  }
  taken.sort((a, b) => b.offset - a.offset || b.length - a.length);
  let output = text;
  for (const edit of taken) {
    output = output.slice(0, edit.offset) + edit.text + output.slice(edit.offset + edit.length);
  }
  return { output, applied: fixes.length - skipped, skipped };
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.offset));
}

/** Two insertions at one place also collide: their order would be arbitrary. */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
