import { describe, expect, it } from 'vitest';
import { importCase, seedDemoIfEmpty } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

describe('importCase', () => {
  it('stores a valid document at version 1 in its workspace, with its measurements in history', () => {
    const t = memoryStore();
    const result = importCase(t.ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' });
    expect(result.ok && result.value).toMatchObject({
      id: 'acme-helpdesk',
      workspaceId: 'acme',
      version: 1,
      createdBy: 'admin',
      createdAt: '2025-06-15T12:00:00.000Z',
    });
    expect(t.store.getWorkspace('acme')).toMatchObject({ id: 'acme' });
    expect(t.store.listMeasurements({ caseId: 'acme-helpdesk' }).map((m) => [m.scenario, m.useCase, m.input, m.month, m.value, m.recordedBy])).toEqual([
      ['actual', 'support', 'gain', '2025-01', 0.1, 'admin'],
    ]);
  });

  it('refuses an invalid document, an existing id and a bad workspace, storing nothing', () => {
    const t = memoryStore();
    importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
    const before = dumpTables(t.handle.sqlite);
    const broken = sampleCase('broken');
    broken.scenarios[0]!.useCases[0]!.calculations[0]!.formula = 'reps * salary';
    const invalid = importCase(t.ctx, { document: broken, importedBy: 'admin' });
    expect(invalid.ok === false && invalid.error.code).toBe('invalid_document');
    expect(invalid.ok === false && invalid.error.message).toContain('salary');
    expect(importCase(t.ctx, { document: { hello: 'world' }, importedBy: 'admin' })).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    const twice = importCase(t.ctx, { document: { ...sampleCase(), name: 'Other' }, importedBy: 'admin' });
    expect(twice).toEqual({
      ok: false,
      error: { code: 'conflict', message: "a business case 'acme-helpdesk' already exists in workspace 'default' (version 1); change it through proposals" },
    });
    expect(importCase(t.ctx, { document: sampleCase('x'), workspaceId: 'Bad Name', importedBy: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
  });
});

describe('seedDemoIfEmpty', () => {
  it('imports the demo case into an empty database, and never again', () => {
    const t = memoryStore();
    const seeded = seedDemoIfEmpty(t.ctx);
    expect(seeded?.ok).toBe(true);
    expect(t.store.listCases().map((c) => [c.id, c.workspaceId, c.createdBy])).toEqual([['delta-corp-support-automation', 'default', 'seed']]);
    expect(seedDemoIfEmpty(t.ctx)).toBeNull();
    expect(t.store.listCases()).toHaveLength(1);
  });

  it('does nothing without a demo file or in a database that has data', () => {
    const t = memoryStore();
    expect(seedDemoIfEmpty(t.ctx, '/no/such/file.json')).toBeNull();
    expect(t.store.listWorkspaces()).toEqual([]);
    importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
    expect(seedDemoIfEmpty(t.ctx)).toBeNull();
    expect(t.store.listCases().map((c) => c.id)).toEqual(['acme-helpdesk']);
  });
});
