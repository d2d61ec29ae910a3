/**
 * A child process for the multi-process store tests (run with `node --import tsx`). One JSON
 * argument says what to do:
 * - `{ mode: "open", db }`: open (and migrate) the database, print `opened`.
 * - `{ mode: "approve", db, by, ids, startAt, now, pauseMs }`: wait until `startAt` (epoch ms),
 *   approve each proposal id in order (pausing `pauseMs` after each), print one JSON line per result.
 * - `{ mode: "stream", db, caseId, now, by, round }`: propose and approve changes forever, printing
 *   `applied <id> <version>` after each approval that returned success (until killed).
 */
import { openStore } from '../../db/open-store.ts';
import { approve, propose } from '../../src/proposals/index.ts';

interface Args {
  mode: 'open' | 'approve' | 'stream';
  db: string;
  by?: string;
  ids?: string[];
  startAt?: number;
  /** Pause between approvals (ms), so two workers take turns at the write lock. */
  pauseMs?: number;
  now?: string;
  caseId?: string;
  /** Makes a stream's values unique across workers on one database. */
  round?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const store = openStore({ path: args.db });
const fixed = args.now ? new Date(args.now) : null;
const ctx = { store, now: () => (fixed ? new Date(fixed) : new Date()) };

if (args.mode === 'open') {
  write('opened');
} else if (args.mode === 'approve') {
  while (Date.now() < (args.startAt ?? 0)) {
    // Busy-wait: both workers start approving within a millisecond of each other.
  }
  for (const id of args.ids ?? []) {
    const result = approve(ctx, { proposalId: id, approvedBy: args.by ?? 'worker' });
    write(
      JSON.stringify(
        result.ok ? { id, ok: true, alreadyApplied: result.value.alreadyApplied } : { id, ok: false, code: result.error.code, message: result.error.message },
      ),
    );
    if (args.pauseMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, args.pauseMs);
  }
} else {
  for (let i = 0; ; i++) {
    const month = `2025-${String((i % 12) + 1).padStart(2, '0')}`;
    const proposed = propose(ctx, {
      caseId: args.caseId ?? '',
      operations: [
        { op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: (args.round ?? 0) * 100_000 + i },
        { op: 'recordMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month, value: (args.round ?? 0) + i / 100_000 },
      ],
      proposedBy: 'streamer',
    });
    if (!proposed.ok) throw new Error(proposed.error.message);
    const approved = approve(ctx, { proposalId: proposed.value.id, approvedBy: args.by ?? 'worker' });
    if (!approved.ok) throw new Error(approved.error.message);
    write(`applied ${proposed.value.id} ${approved.value.version}`);
  }
}
store.close();
