/**
 * QBR facts under Contract 2 on the hand-worked example (test/engine/contract2-fixture.ts):
 * measured, carried forward, assumed and the estimate per use case, the projection from the
 * engine, and only metrics reported as measured. Expected figures are hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { qbrFacts } from '../../src/engine/index.ts';
import { example } from './contract2-fixture.ts';

describe('QBR facts, 2026-Q2 (April to June)', () => {
  const r = qbrFacts(example(), { quarter: '2026-Q2' });
  if (!r.ok) throw new Error(r.error.message);
  const f = r.value;
  const uc = (id: string) => f.useCases.find((u) => u.id === id)!;

  it('per use case: measured, carried forward, assumed and the estimate in the quarter', () => {
    // efficiency: Apr 5000, May 5000, Jun 7500 (15 reps), all assumed; plan 3 x 6000.
    expect(uc('efficiency').quarter).toMatchObject({ realized: 17500, measured: 0, carriedForward: 0, assumed: 17500, estimated: 18000 });
    // tickets: Apr 500 (carried), May 1000 (measured), Jun 1000 (carried); plan 3 x 800.
    expect(uc('tickets').quarter).toMatchObject({ realized: 2500, measured: 2500, carriedForward: 1500, assumed: 0, estimated: 2400 });
    // deflection: 3 x 500, all carried from March; the plan has no such use case.
    expect(uc('deflection').quarter).toMatchObject({ realized: 1500, measured: 1500, carriedForward: 1500, assumed: 0, estimated: null, variance: null });
    expect(f.inQuarter).toMatchObject({ realized: 21500, measured: 4000, carriedForward: 3000, assumed: 17500, estimated: 20400 });
  });

  it('to date (January to June) and the projection come from the engine', () => {
    // efficiency 5 x 5000 + 7500; tickets Feb-Apr 3 x 500 + May-Jun 2 x 1000; deflection Mar-Jun 4 x 500.
    expect(f.toDate).toMatchObject({ realized: 32500 + 3500 + 2000, measured: 5500, assumed: 32500 });
    // carried: tickets Mar, Apr, Jun (500 + 500 + 1000); deflection Apr-Jun (3 x 500).
    expect(f.toDate.carriedForward).toBe(2000 + 1500);
    // Projection: 38000 + Jul-Dec 6 x (7500 + 1000 + 500) = 92000; deflection's unmeasured Jan and Feb stay out.
    expect(f.contract).toMatchObject({ total: 94000, investmentTotal: 32000, projectedTotal: 92000 });
    expect(f.contract.projectedRoi).toBeCloseTo(60000 / 32000, 12);
  });

  it('reports only metrics as measured: a changing assumption (# of reps) is not a metric', () => {
    expect(f.metrics.map((m) => m.input)).toEqual(['tpd', 'rate']);
    expect(f.metrics[0]).toMatchObject({ measuredMonths: ['2026-05'], missingMonths: ['2026-04', '2026-06'] });
  });
});
