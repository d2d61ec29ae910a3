import { main } from '../../src/cli/main.ts';
import { captureIo } from './capture-io.ts';

/** The outcome of one `ve` run: exit code and what it printed. */
export interface VeRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `ve` in-process through `main` against the database at `db` (as `VE_DB`), with any
 * extra environment, restoring the environment afterwards.
 */
export async function runVe(db: string, argv: string[], env: Record<string, string> = {}): Promise<VeRun> {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries({ VE_DB: db, ...env })) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  try {
    const { io, out, err } = captureIo();
    const code = await main(argv, io);
    return { code, out: out(), err: err() };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
