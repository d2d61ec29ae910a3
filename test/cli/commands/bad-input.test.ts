/**
 * Bad input to the store commands: a clear message, the right exit code (2 for input that
 * names nothing or is malformed, 1 for a refusal), and business data byte-for-byte unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { dumpTables } from '../../support/dump-tables.ts';
import { measure, sampleCase, setInput } from '../../support/sample-case.ts';
import { runVe } from '../../support/run-ve.ts';
import { tempDir } from '../../support/test-store.ts';

const tmp = tempDir('ve-cli-bad-');
afterAll(tmp.cleanup);
const db = join(tmp.dir, 've.db');
let n = 0;
function file(content: unknown): string {
  const path = join(tmp.dir, `f${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
function dump(): string {
  const h = openDatabase({ path: db });
  try {
    return dumpTables(h.sqlite);
  } finally {
    h.close();
  }
}

let pendingId = '';
beforeAll(async () => {
  await runVe(db, ['import', file(sampleCase()), '--by', 'admin']);
  const proposed = await runVe(db, ['propose', 'acme-helpdesk', file([measure('support', 'gain', '2025-03', 0.3)]), '--by', 'ana']);
  pendingId = /^proposal (\S+)/.exec(proposed.out)![1]!;
  const applied = await runVe(db, ['propose', 'acme-helpdesk', file([setInput('support', 'reps', 11)]), '--by', 'ana']);
  await runVe(db, ['approve', /^proposal (\S+)/.exec(applied.out)![1]!, '--by', 'ben']);
});

const broken = sampleCase('broken');
broken.scenarios[0]!.useCases[0]!.calculations[0]!.formula = 'reps * salary';

const cases: Array<{ name: string; argv: () => string[]; code: number; err: RegExp }> = [
  {
    name: 'unknown case (propose)',
    argv: () => ['propose', 'globex', file([setInput('support', 'reps', 3)])],
    code: 2,
    err: /^ve: no business case 'globex' \(business cases: acme-helpdesk, delta-corp-support-automation\)\n$/,
  },
  { name: 'unknown case (export)', argv: () => ['export', 'globex'], code: 2, err: /^ve: no business case 'globex'/ },
  { name: 'unknown case (audit)', argv: () => ['audit', 'globex'], code: 2, err: /^ve: no business case 'globex'/ },
  { name: 'unknown case (proposals)', argv: () => ['proposals', '--case', 'globex'], code: 2, err: /^ve: no business case 'globex'/ },
  {
    name: 'operations file that is not JSON',
    argv: () => ['propose', 'acme-helpdesk', file('[{"op": "setInput",')],
    code: 2,
    err: /^ve: operations file \S+ is not valid JSON/,
  },
  {
    name: 'operations file that does not exist',
    argv: () => ['propose', 'acme-helpdesk', join(tmp.dir, 'missing.json')],
    code: 2,
    err: /^ve: cannot read operations file \S+: no such file/,
  },
  {
    name: 'operations file holding a number',
    argv: () => ['propose', 'acme-helpdesk', file('42')],
    code: 2,
    err: /must hold an operation or a JSON array of operations/,
  },
  {
    name: 'unknown op',
    argv: () => ['propose', 'acme-helpdesk', file([{ op: 'deleteEverything' }])],
    code: 2,
    err: /^ve: operation 0: unknown op "deleteEverything"; expected one of .* \(at \$\.op\)\n$/,
  },
  {
    name: 'unknown field',
    argv: () => ['propose', 'acme-helpdesk', file([setInput('support', 'reps', 3), { ...setInput('support', 'reps', 4), extra: 1 }])],
    code: 2,
    err: /^ve: operation 1: unknown field 'extra'/,
  },
  { name: 'empty operation list', argv: () => ['propose', 'acme-helpdesk', file([])], code: 2, err: /^ve: a proposal needs at least one operation\n$/ },
  {
    name: 'refused operation',
    argv: () => ['propose', 'acme-helpdesk', file([setInput('support', 'reps', 3), measure('support', 'gain', '2026-03', 0.3)])],
    code: 1,
    err: /^ve: operation 1 \(recordMeasurement\) refused: month 2026-03 is outside scenario 'actual' \(2025-01 to 2025-12\) \(at \$\.month\)\n$/,
  },
  { name: 'unknown proposal (approve)', argv: () => ['approve', 'no-such-id', '--by', 'ben'], code: 2, err: /^ve: no proposal 'no-such-id'\n$/ },
  { name: 'unknown proposal (reject)', argv: () => ['reject', 'no-such-id', '--by', 'ben'], code: 2, err: /^ve: no proposal 'no-such-id'\n$/ },
  { name: 'approve without --by', argv: () => ['approve', pendingId], code: 2, err: /required option '--by <name>' not specified/ },
  {
    name: 'approve with an empty name',
    argv: () => ['approve', pendingId, '--by', ' '],
    code: 2,
    err: /^ve: an approval needs the name of the person approving\n$/,
  },
  { name: 'invalid document (import)', argv: () => ['import', file(broken)], code: 2, err: /^ve: invalid document: .*salary/ },
  { name: 'existing case (import)', argv: () => ['import', file(sampleCase())], code: 1, err: /^ve: a business case 'acme-helpdesk' already exists/ },
  {
    name: 'bad workspace (import)',
    argv: () => ['import', file(sampleCase('x')), '--workspace', 'Not OK'],
    code: 2,
    err: /^ve: workspace 'Not OK' must match/,
  },
  {
    name: 'unknown input (history)',
    argv: () => ['history', 'acme-helpdesk', 'actual', 'support', 'nope'],
    code: 2,
    err: /^ve: no input 'nope' in use case 'support' \(inputs: reps, rep_cost, gain\)\n$/,
  },
  {
    name: 'unknown scenario (history)',
    argv: () => ['history', 'acme-helpdesk', 'future', 'support', 'gain'],
    code: 2,
    err: /^ve: no scenario 'future' in acme-helpdesk \(scenarios: plan, actual\)\n$/,
  },
];

describe('ve store commands on bad input', () => {
  it.each(cases)('$name: clear error, exit $code, business data unchanged', async ({ argv, code, err }) => {
    const before = dump();
    const run = await runVe(db, argv());
    expect(run.code).toBe(code);
    expect(run.err).toMatch(err);
    expect(run.out).toBe('');
    expect(dump()).toBe(before);
  });

  it('a refused approval changes only the proposal it refuses', async () => {
    // Make the pending proposal stale in a conflicting way, then approve it.
    const raise = await runVe(db, ['propose', 'acme-helpdesk', file([setInput('support', 'rep_cost', 80000)]), '--by', 'ana']);
    await runVe(db, ['approve', /^proposal (\S+)/.exec(raise.out)![1]!, '--by', 'ben']);
    const before = JSON.parse(dump()) as Record<string, Array<{ id?: string }>>;
    const run = await runVe(db, ['approve', pendingId, '--by', 'eve']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('no longer does what was previewed');
    const after = JSON.parse(dump()) as Record<string, Array<{ id?: string; status?: string }>>;
    expect({ ...after, proposals: [] }).toEqual({ ...before, proposals: [] });
    expect(after.proposals!.filter((p) => p.id !== pendingId)).toEqual(before.proposals!.filter((p) => p.id !== pendingId));
    expect(after.proposals!.find((p) => p.id === pendingId)!.status).toBe('refused');
  });
});
