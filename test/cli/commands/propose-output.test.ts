/**
 * The text `ve propose` and `ve approve` print, with the store and clock injected (the
 * commands' `deps`), so the output is fixed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { openDatabase } from '../../../db/client.ts';
import { createSqliteStore } from '../../../db/sqlite-store.ts';
import { afterAll, expect, it } from 'vitest';
import { registerApprove } from '../../../src/cli/commands/approve.ts';
import { registerPropose } from '../../../src/cli/commands/propose.ts';
import type { StoreCommandDeps } from '../../../src/cli/commands/store-command.ts';
import { importCase } from '../../../src/proposals/index.ts';
import { captureIo } from '../../support/capture-io.ts';
import { measure, sampleCase } from '../../support/sample-case.ts';
import { fakeClock } from '../../support/fake-clock.ts';
import { tempDir } from '../../support/test-store.ts';

const tmp = tempDir('ve-cli-out-');
afterAll(tmp.cleanup);

it('prints the proposal id, the preview and how to approve; then what the approval did', async () => {
  let ids = 0;
  const store = { ...createSqliteStore(openDatabase({ path: ':memory:' }), { newId: () => `p${++ids}` }), close: () => {} };
  const clock = fakeClock();
  importCase({ store, now: clock.now }, { document: sampleCase(), importedBy: 'admin' });
  const deps = (): StoreCommandDeps => ({ openStore: () => store, now: clock.now, maxAgeMs: 86_400_000, seedDemo: false });
  const { io, out, reset } = captureIo();
  const program = new Command('ve').exitOverride();
  registerPropose(program, io, deps);
  registerApprove(program, io, deps);
  const ops = join(tmp.dir, 'ops.json');
  writeFileSync(ops, JSON.stringify([measure('support', 'gain', '2025-03', 0.3), measure('self-service', 'deflection', '2025-02', 0.2)]));
  await program.parseAsync(['propose', 'acme-helpdesk', ops, '--by', 'ana'], { from: 'user' });
  expect(out()).toMatchInlineSnapshot(`
    "proposal p1 [pending] on acme-helpdesk (version 1, figures as of 2025-06), proposed by ana at 2025-06-15T12:00:00.000Z
      1. recordMeasurement on scenario 'actual'
         recorded Efficiency gain (gain) in 2025-03: 30%
         total: 66,000.00 -> 166,000.00 (+100,000.00)
         realized to date: 30,000.00 -> 70,000.00 (+40,000.00)
         measured to date: 30,000.00 -> 70,000.00 (+40,000.00)
      2. recordMeasurement on scenario 'actual'
         recorded Deflection rate (deflection) in 2025-02: 20%
         total: 166,000.00 -> 171,500.00 (+5,500.00)
         realized to date: 70,000.00 -> 75,000.00 (+5,000.00)
         measured to date: 70,000.00 -> 75,000.00 (+5,000.00)
    approve with: ve approve p1 --by NAME
    "
  `);
  // By hand: gain 0.1 -> 0.3 from March adds 10 x 60000 x 0.2 / 12 = 10,000 a month (10 months,
  // 4 to date). Deflection 0.2 from February adds 500 a month to the projection (11 months) and
  // makes February-June measured: 1000 x 0.2 x 5 = 1,000 a month, 5 months to date.
  reset();
  clock.advance(90_000);
  await program.parseAsync(['approve', 'p1', '--by', 'ben'], { from: 'user' });
  expect(out().split('\n').slice(0, 3)).toEqual([
    'applied proposal p1 to acme-helpdesk: version 1 -> 2, approved by ben',
    "version 2  2025-06-15T12:01:30.000Z  recordMeasurement on 'actual'  proposed by ana, approved by ben  (proposal p1)",
    '  recorded Efficiency gain (gain) in 2025-03: 30%',
  ]);
});
