/**
 * Contract 2's formula limits at the HTTP door (issue 10): a formula longer than 2,000
 * characters, nested deeper than 32 levels or calling a function with more than 64
 * arguments is a 422 naming the calculation, never a 500, and the store is unchanged; a case
 * stored before the limits with such a formula answers a typed error naming the calculation
 * and the limit on every route that computes from it (summary, QBR, chat), never a 500.
 */
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../src/agent/offline-model/offline-model.ts';
import { formulaCacheUsage } from '../../src/engine/formula/formula-cache.ts';
import type { BusinessCase } from '../../src/engine/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase } from '../support/sample-case.ts';
import { httpHarness } from './http-harness.ts';

/** The sample case under a new id, the plan's `savings` formula replaced. */
function withFormula(id: string, formula: string): BusinessCase {
  const doc = sampleCase(id);
  doc.scenarios[0]!.useCases[0]!.calculations[0]!.formula = formula;
  return doc;
}

const PATH = '$.scenarios[0].useCases[0].calculations[0].formula';
const NAMED = "calculation 'savings' (use case 'support', scenario 'plan')";

describe('POST /api/business-cases: a formula beyond the limits is 422 and nothing is stored', () => {
  it.each([
    ['a 16 KB a+a+... chain', `reps${' + reps'.repeat(2730)}`, 'characters long; at most 2000 are allowed'],
    ['4 KB of nested parentheses', `${'('.repeat(2048)}reps${')'.repeat(2048)}`, 'characters long; at most 2000 are allowed'],
    ['1,999 "(" (within the length, beyond the depth)', '('.repeat(1999), 'nests deeper than 32 levels'],
    ['33 nested groups around a valid formula', `${'('.repeat(33)}reps * rep_cost * gain${')'.repeat(33)}`, 'nests deeper than 32 levels'],
    ['1,000 unary minus signs', `${'-'.repeat(1000)}reps`, 'nests deeper than 32 levels'],
    ['max() with 65 arguments', `max(${'reps,'.repeat(64)}gain)`, 'max() takes at most 64 arguments'],
    ['a 391 KB formula', `reps${'+reps'.repeat(80_000)}`, 'characters long; at most 2000 are allowed'],
  ])('%s: 422 invalid_document with the path and the calculation named, the store and the formula cache unchanged', async (_, formula, what) => {
    const h = httpHarness(createOfflineModel());
    const before = dumpTables(h.handle.sqlite);
    const cache = formulaCacheUsage();
    const r = await h.json('POST', '/api/business-cases', { body: withFormula('too-big', formula) });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'invalid_document', path: PATH });
    expect(r.body.error.message).toContain(NAMED);
    expect(r.body.error.message).toContain(what);
    expect(r.body.error.message.length).toBeLessThan(500);
    expect(dumpTables(h.handle.sqlite)).toBe(before);
    expect(formulaCacheUsage()).toEqual(cache);
    expect((await h.json('GET', '/api/business-cases/too-big')).status).toBe(404);
  });

  it('at the limits exactly (2,000 characters, depth 32, 64 arguments) the case is imported: 201', async () => {
    const h = httpHarness(createOfflineModel());
    const long = `reps * rep_cost * gain${' '.repeat(2000 - 22)}`;
    const deep = `${'('.repeat(32)}reps * rep_cost * gain${')'.repeat(32)}`;
    const args = `max(${'reps,'.repeat(63)}gain) * rep_cost * gain / reps`;
    for (const [i, formula] of [long, deep, args].entries()) {
      const r = await h.json('POST', '/api/business-cases', { body: withFormula(`at-limit-${i}`, formula) });
      expect(r.status, r.body.error?.message).toBe(201);
    }
  });
});

describe('a case stored before the limits, with a 16 KB formula', () => {
  /** The harness with such a case stored as the first contract stored it (no check today's engine would make). */
  function withStoredCase() {
    const h = httpHarness(createOfflineModel());
    const doc = withFormula('old-case', `reps${' + reps'.repeat(2730)}`);
    // The plan's formula is also the realization's: both scenarios hold the long one.
    doc.scenarios[1]!.useCases[0]!.calculations[0]!.formula = doc.scenarios[0]!.useCases[0]!.calculations[0]!.formula;
    h.store.insertCase({ workspaceId: 'default', document: doc, createdBy: 'contract-1', now: h.clock.now().toISOString() });
    return h;
  }

  it('its document can still be read (to repair it)', async () => {
    const h = withStoredCase();
    const r = await h.json('GET', '/api/business-cases/old-case');
    expect(r.status).toBe(200);
    expect(r.body.document.scenarios[0].useCases[0].calculations[0].formula).toHaveLength(4 + 7 * 2730);
  });

  it('its summary is a 422 naming the calculation and the limit', async () => {
    const h = withStoredCase();
    const r = await h.json('GET', '/api/business-cases/old-case/summary?asOf=2025-06');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_document');
    expect(r.body.error.message).toContain("calculation 'savings'");
    expect(r.body.error.message).toContain('at most 2000 are allowed');
    expect(r.body.error.message.length).toBeLessThan(500);
  });

  it('its QBR is a 422 naming the calculation and the limit, and no draft is saved', async () => {
    const h = withStoredCase();
    const before = dumpTables(h.handle.sqlite);
    const r = await h.json('POST', '/api/business-cases/old-case/qbr', { body: { quarter: '2025-Q1', audience: 'finance' } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_document');
    expect(r.body.error.message).toContain("calculation 'savings'");
    expect(r.body.error.message).toContain('at most 2000 are allowed');
    expect(dumpTables(h.handle.sqlite)).toBe(before);
  });

  it('a chat about it answers (200) and says what is wrong, never a 500', async () => {
    const h = withStoredCase();
    const r = await h.json('POST', '/api/chat', { body: { message: 'how much value has Acme Helpdesk realized?' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.text).toContain("calculation 'savings'");
    expect(r.body.text).toContain('at most 2000 are allowed');
    expect(h.logs.join('\n')).not.toMatch(/Maximum call stack/);
  });
});
