import { Worker, parentPort } from 'node:worker_threads';
import type { LintPool } from './io.js';
import { runTask, type LintOutcome, type LintTask } from './lintTask.js';

/** Marks a worker started by this pool, so the bundle knows to serve rather than run the CLI. */
export const WORKER_MARK = 'needfirst-lint-worker';

interface Request {
  id: number;
  task: LintTask;
}

interface Reply {
  id: number;
  outcome: LintOutcome;
}

/**
 * Worker threads that lint documents. `script` is a bundle that calls serveLintRequests() when
 * started with WORKER_MARK as its workerData (dist/cli.js does). Tasks go to the least busy
 * worker; results come back as plain data, the same as runTask gives on the main thread.
 */
export function createWorkerPool(script: string, size: number): LintPool {
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(script, { workerData: WORKER_MARK });
    // An idle pool must not keep the process alive.
    worker.unref();
    return { worker, pending: new Map<number, { resolve: (o: LintOutcome) => void; reject: (e: unknown) => void }>() };
  });
  for (const w of workers) {
    w.worker.on('message', (reply: Reply) => {
      const p = w.pending.get(reply.id);
      w.pending.delete(reply.id);
      if (w.pending.size === 0) w.worker.unref();
      p?.resolve(reply.outcome);
    });
    w.worker.on('error', (error) => {
      for (const p of w.pending.values()) p.reject(error);
      w.pending.clear();
    });
  }
  let next = 0;
  return {
    size,
    run(task: LintTask): Promise<LintOutcome> {
      const w = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = next++;
      return new Promise((resolve, reject) => {
        if (w.pending.size === 0) w.worker.ref();
        w.pending.set(id, { resolve, reject });
        w.worker.postMessage({ id, task } satisfies Request);
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** The worker's side: lint each task it is sent and answer with the outcome. */
export function serveLintRequests(): void {
  parentPort?.on('message', (request: Request) => {
    parentPort?.postMessage({ id: request.id, outcome: runTask(request.task) } satisfies Reply);
  });
}
