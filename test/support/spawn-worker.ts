import { spawn, type ChildProcess } from 'node:child_process';
import { testWorkerPath } from './test-workers.ts';

const WORKER = testWorkerPath('store-worker');

/** A running store worker: its process, the stdout lines so far, and its exit. */
export interface Worker {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `predicate` holds for the lines read so far. */
  waitFor: (predicate: (lines: string[]) => boolean, timeoutMs?: number) => Promise<void>;
}

/** Spawns `test/support/store-worker.ts` (bundled by the global setup) in a separate OS process. */
export function spawnWorker(args: Record<string, unknown>): Worker {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  let closed = false;
  const waiters: Array<() => void> = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const w of [...waiters]) w();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      for (const w of [...waiters]) w();
      resolve({ code, signal });
    });
  });
  const waitFor = (predicate: (lines: string[]) => boolean, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not get there in ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
      const check = () => {
        if (predicate(lines)) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve();
        } else if (closed) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          reject(new Error(`worker ended early (${child.exitCode ?? child.signalCode}); stderr: ${err}`));
        }
      };
      waiters.push(check);
      check();
    });
  return { child, lines, stderr: () => err, exited, waitFor };
}
