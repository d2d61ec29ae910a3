/**
 * Contract 2's formula limits in `ve` (issue 10): a document holding a formula beyond the
 * limits exits 2 naming the calculation (`summary`, `apply`, `import`), without echoing the
 * formula whole, and the store is unchanged; an operation that would write such a formula is
 * a refused operation (exit 1) naming the calculation. A case stored before the limits with
 * such a formula gives a typed error wherever it is used, and `ve import --replace` repairs it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { openStore } from '../../../db/open-store.ts';
import type { BusinessCase } from '../../../src/engine/index.ts';
import { dumpTables } from '../../support/dump-tables.ts';
import { sampleCase } from '../../support/sample-case.ts';
import { runVe } from '../../support/run-ve.ts';
import { tempDir } from '../../support/test-store.ts';

const tmp = tempDir('ve-cli-limits-');
afterAll(tmp.cleanup);
let n = 0;
function file(content: unknown): string {
  const path = join(tmp.dir, `f${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
function freshDb(): string {
  return join(tmp.dir, `db${n++}`, 've.db');
}
function dump(db: string): string {
  const h = openDatabase({ path: db });
  try {
    return dumpTables(h.sqlite);
  } finally {
    h.close();
  }
}

/** The sample case, the plan's `savings` formula replaced. */
function withFormula(formula: string, id = 'acme-helpdesk'): BusinessCase {
  const doc = sampleCase(id);
  doc.scenarios[0]!.useCases[0]!.calculations[0]!.formula = formula;
  return doc;
}

const CHAIN_16KB = `reps${' + reps'.repeat(2730)}`; // 4 + 7 x 2730 = 19,114 characters
const NAMED = "calculation 'savings' (use case 'support', scenario 'plan')";
const PATH = '$.scenarios[0].useCases[0].calculations[0].formula';

describe('a document with a formula beyond the limits exits 2, naming the calculation', () => {
  const cases: Array<[string, string, string]> = [
    ['a 16 KB a+a+... chain', CHAIN_16KB, 'characters long; at most 2000 are allowed'],
    ['33 nested groups', `${'('.repeat(33)}reps${')'.repeat(33)}`, 'nests deeper than 32 levels'],
    ['max() with 65 arguments', `max(${'reps,'.repeat(64)}gain)`, 'max() takes at most 64 arguments'],
  ];

  it.each(cases)('ve summary: %s', async (_, formula, what) => {
    const r = await runVe(freshDb(), ['summary', file(withFormula(formula)), '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(PATH);
    expect(r.err).toContain(NAMED);
    expect(r.err).toContain(what);
    expect(r.err.length).toBeLessThan(600);
  });

  it.each(cases)('ve apply: %s', async (_, formula, what) => {
    const r = await runVe(freshDb(), ['apply', file(withFormula(formula)), file([])]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(NAMED);
    expect(r.err).toContain(what);
    expect(r.err.length).toBeLessThan(600);
  });

  it.each(cases)('ve import: %s (the store unchanged)', async (_, formula, what) => {
    const db = freshDb();
    await runVe(db, ['import', file(sampleCase('other-case')), '--by', 'admin']);
    const before = dump(db);
    const r = await runVe(db, ['import', file(withFormula(formula)), '--by', 'admin']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(PATH);
    expect(r.err).toContain(NAMED);
    expect(r.err).toContain(what);
    expect(r.err.length).toBeLessThan(600);
    expect(dump(db)).toBe(before);
  });
});

describe('an operation that would write a formula beyond the limits', () => {
  it('ve apply: a conversion that would nest the formula 33 deep is refused (exit 1), naming the calculation and the limit', async () => {
    // gain sits 31 levels deep; the conversion writes max(0, (M - B) / B) in its place: 2 more.
    const doc = withFormula(`${'('.repeat(31)}reps * rep_cost * gain${')'.repeat(31)}`);
    const convert = {
      op: 'convertCalculation',
      scenario: 'plan',
      useCase: 'support',
      calculation: 'savings',
      percentInput: 'gain',
      metric: { key: 'handle_time', label: 'Handle time', unit: 'minutes' },
      baseline: 10,
      direction: 'decrease',
    };
    const r = await runVe(freshDb(), ['apply', file(doc), file([convert])]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('operation 0 (convertCalculation) refused');
    expect(r.err).toContain("calculation 'savings'");
    expect(r.err).toContain('nests deeper than 32 levels');
  });
});

describe('a case stored before the limits with a 16 KB formula', () => {
  /** A database holding the sample case with the long formula, as the first contract stored it. */
  function storedBadCase(): string {
    const db = freshDb();
    const store = openStore({ path: db });
    const doc = withFormula(CHAIN_16KB);
    doc.scenarios[1]!.useCases[0]!.calculations[0]!.formula = CHAIN_16KB;
    store.ensureWorkspace('default', 'default', '2025-01-01T00:00:00.000Z');
    store.insertCase({ workspaceId: 'default', document: doc, createdBy: 'contract-1', now: '2025-01-01T00:00:00.000Z' });
    store.close();
    return db;
  }

  it('ve qbr exits 2 naming the calculation and the limit; ve export still prints the document to fix', async () => {
    const db = storedBadCase();
    const qbr = await runVe(db, ['qbr', 'acme-helpdesk', '--quarter', '2025-Q1', '--as-of', '2025-06']);
    expect(qbr.code).toBe(2);
    expect(qbr.err).toContain("calculation 'savings'");
    expect(qbr.err).toContain('at most 2000 are allowed');
    const exported = await runVe(db, ['export', 'acme-helpdesk']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).scenarios[0].useCases[0].calculations[0].formula).toBe(CHAIN_16KB);
  });

  it('ve propose is refused (exit 1) naming the calculation: no operation can change the formula', async () => {
    const db = storedBadCase();
    const before = dump(db);
    const op = { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'reps', value: 12 };
    const r = await runVe(db, ['propose', 'acme-helpdesk', file([op]), '--by', 'ana']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("business case 'acme-helpdesk' as stored no longer passes the engine's checks");
    expect(r.err).toContain("calculation 'savings'");
    expect(r.err).toContain('at most 2000 are allowed');
    expect(r.err.length).toBeLessThan(1000);
    expect(dump(db)).toBe(before);
  });

  it('ve import --replace repairs it: version 2, the QBR works again; a second --replace is refused (the case is valid)', async () => {
    const db = storedBadCase();
    const fixed = sampleCase(); // reps * rep_cost * gain again
    const replaced = await runVe(db, ['import', file(fixed), '--replace', '--by', 'admin']);
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toMatch(/^replaced acme-helpdesk \(Acme Helpdesk\) in workspace default: now version 2; the stored document was refused: /);
    expect(replaced.out).toContain("calculation 'savings'");
    const exported = await runVe(db, ['export', 'acme-helpdesk']);
    expect(JSON.parse(exported.out)).toEqual(fixed);
    const qbr = await runVe(db, ['qbr', 'acme-helpdesk', '--quarter', '2025-Q1', '--as-of', '2025-06', '--by', 'ana']);
    expect(qbr.code, qbr.err).toBe(0);

    const before = dump(db);
    const again = await runVe(db, ['import', file(fixed), '--replace', '--by', 'admin']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('is valid; change it through proposals');
    expect(dump(db)).toBe(before);
  });

  it('ve import --replace with a document still beyond the limits exits 2 and changes nothing', async () => {
    const db = storedBadCase();
    const before = dump(db);
    const r = await runVe(db, ['import', file(withFormula(`max(${'reps,'.repeat(64)}gain)`)), '--replace', '--by', 'admin']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('max() takes at most 64 arguments');
    expect(dump(db)).toBe(before);
  });
});
