import type { Writable } from './io.js';

/** A run shorter than this shows no bar at all. */
export const PROGRESS_DELAY_MS = 2000;
/** The bar is redrawn at most this often. */
const REDRAW_MS = 100;
const WIDTH = 24;

/**
 * A progress bar on standard error, for a person at a terminal: only when standard error is a
 * TTY, never in CI (CI logs keep every carriage return as a line), and only once the run has
 * taken a few seconds, so quick runs print nothing extra.
 */
export class Progress {
  private done = 0;
  private drawnAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: Writable,
    private readonly total: number,
    private readonly now: () => number,
    private readonly enabled: boolean,
    private readonly started = now(),
  ) {}

  static wanted(stream: Writable, env: Record<string, string | undefined>): boolean {
    return stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
  }

  tick(count = 1): void {
    this.done += count;
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.started < PROGRESS_DELAY_MS || t - this.drawnAt < REDRAW_MS) return;
    this.drawnAt = t;
    this.drawn = true;
    const filled = Math.round((this.done / Math.max(this.total, 1)) * WIDTH);
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${this.done}/${this.total} files`);
  }

  /** Clears the bar's line so the report starts on a clean one. */
  end(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
