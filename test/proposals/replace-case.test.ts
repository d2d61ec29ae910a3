/**
 * `replaceCase`: the repair of a stored case whose document the engine no longer accepts
 * (issue 10: a 16 KB formula stored under the first contract, which no operation can
 * change). Only such a case can be replaced; the corrected document becomes the next
 * version and its series changes reach the measurement history.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessCase } from '../../src/engine/index.ts';
import { importCase, replaceCase } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

const LONG = `reps${' + reps'.repeat(2730)}`;

/** A store holding the sample case with a 16 KB formula in both scenarios, as the first contract stored it. */
function storedBadCase(workspaceId = 'acme') {
  const t = memoryStore();
  const doc: BusinessCase = sampleCase();
  for (const s of doc.scenarios) s.useCases[0]!.calculations[0]!.formula = LONG;
  t.store.ensureWorkspace(workspaceId, workspaceId, t.clock.now().toISOString());
  t.store.insertCase({ workspaceId, document: doc, createdBy: 'contract-1', now: t.clock.now().toISOString() });
  return t;
}

describe('replaceCase', () => {
  it('replaces a case the engine refuses with a valid document: the next version, its series changes in history', () => {
    const t = storedBadCase();
    const fixed = sampleCase();
    // The realization's gain: 2025-01 corrected from 0.1 to 0.12, and 2025-02 = 0.15 added.
    fixed.scenarios[1]!.useCases[0]!.inputs[2]!.series = { '2025-01': 0.12, '2025-02': 0.15 };
    const r = replaceCase(t.ctx, { document: fixed, workspaceId: 'acme', replacedBy: 'admin' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.record).toMatchObject({ id: 'acme-helpdesk', workspaceId: 'acme', version: 2, createdBy: 'contract-1' });
    expect(r.value.record.document).toEqual(fixed);
    expect(r.value.repaired).toContain("calculation 'savings' (use case 'support', scenario 'plan')");
    expect(r.value.repaired).toContain('formula is 19114 characters long; at most 2000 are allowed');
    expect(
      t.store
        .listMeasurements({ caseId: 'acme-helpdesk' })
        .map((m) => [m.month, m.value, m.replacedValue, m.recordedBy, m.approvedBy, m.proposalId, m.version]),
    ).toEqual([
      ['2025-01', 0.12, 0.1, 'admin', null, null, 2],
      ['2025-02', 0.15, null, 'admin', null, null, 2],
    ]);
  });

  it('refuses to replace a case that loads: it changes through proposals', () => {
    const t = memoryStore();
    importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
    const before = dumpTables(t.handle.sqlite);
    const r = replaceCase(t.ctx, { document: { ...sampleCase(), name: 'Other' }, replacedBy: 'admin' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message:
          "business case 'acme-helpdesk' (version 1) is valid; change it through proposals (a replacement only repairs a case whose stored document is no longer valid)",
      },
    });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
  });

  it('refuses an invalid replacement, another workspace, an unknown id and no name, changing nothing', () => {
    const t = storedBadCase();
    const before = dumpTables(t.handle.sqlite);
    const stillLong = sampleCase();
    stillLong.scenarios[0]!.useCases[0]!.calculations[0]!.formula = LONG;
    const invalid = replaceCase(t.ctx, { document: stillLong, workspaceId: 'acme', replacedBy: 'admin' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_document', path: '$.scenarios[0].useCases[0].calculations[0].formula' } });
    expect(replaceCase(t.ctx, { document: sampleCase(), replacedBy: 'admin' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: "no business case 'acme-helpdesk' in workspace 'default' to replace; import it as a new case instead" },
    });
    expect(replaceCase(t.ctx, { document: sampleCase('unknown'), workspaceId: 'acme', replacedBy: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(replaceCase(t.ctx, { document: sampleCase(), workspaceId: 'acme', replacedBy: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
  });
});
