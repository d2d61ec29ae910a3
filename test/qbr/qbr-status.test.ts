import { describe, expect, it } from 'vitest';
import { confidenceLevel, metricStatus, renderQbrTemplate, useCaseStatus } from '../../src/qbr/index.ts';
import { demoFacts } from './qbr-fixtures.ts';

const toDate = (measured: number, variance: number | null) => ({
  toDate: { realized: 100, measured, carriedForward: 0, assumed: 100 - measured, estimated: variance === null ? null : 100, variance },
});

describe('status words come from one rule over the facts', () => {
  it('bands a use case by its variance to date, and never rates value that rests only on assumptions', () => {
    expect(useCaseStatus(toDate(50, 0.051))).toBe('ahead');
    expect(useCaseStatus(toDate(50, 0.05))).toBe('on track');
    expect(useCaseStatus(toDate(50, -0.05))).toBe('on track');
    expect(useCaseStatus(toDate(50, -0.051))).toBe('at risk');
    expect(useCaseStatus(toDate(50, -0.15))).toBe('at risk');
    expect(useCaseStatus(toDate(50, -0.151))).toBe('behind');
    expect(useCaseStatus(toDate(50, null))).toBe('no estimate');
    // Nothing measured: +62% against the plan is still no status.
    expect(useCaseStatus(toDate(0, 0.62))).toBe('not measured');
    expect(useCaseStatus(toDate(0, -0.5))).toBe('not measured');
  });

  it('rates a metric against its target, percent units in points taken relative to the target', () => {
    // 158 against 150: +5.3%, ahead. 18% against 20%: -2 points, -10% of the target, at risk.
    expect(metricStatus({ unit: 'tickets/day', target: 150, after: 158, varianceToTarget: 158 / 150 - 1 })).toBe('ahead');
    expect(metricStatus({ unit: 'percent', target: 0.2, after: 0.18, varianceToTarget: -0.02 })).toBe('at risk');
    expect(metricStatus({ unit: 'percent', target: 0.2, after: 0.16, varianceToTarget: -0.04 })).toBe('behind');
    expect(metricStatus({ unit: 'minutes', target: 10, after: 10.2, varianceToTarget: -0.02 })).toBe('on track');
    expect(metricStatus({ unit: 'minutes', target: null, after: 10, varianceToTarget: null })).toBe('no target');
    expect(metricStatus({ unit: 'minutes', target: 10, after: null, varianceToTarget: null })).toBe('not measured');
  });

  it('states confidence from the measured shares', () => {
    expect(confidenceLevel({ freshMeasured: 60, carriedForward: 0 }, 100)).toBe('high');
    expect(confidenceLevel({ freshMeasured: 30, carriedForward: 20 }, 100)).toBe('medium');
    expect(confidenceLevel({ freshMeasured: 30, carriedForward: 19 }, 100)).toBe('low');
    expect(confidenceLevel({ freshMeasured: 0, carriedForward: 0 }, 0)).toBeNull();
  });

  it('gives the demo its statuses: the legacy help desk is not measured, not ahead', () => {
    const f = demoFacts();
    // support-efficiency: 38,666.67 / 56,425 - 1 = -31.5%: behind. self-service: 36,720 / 39,960 - 1 = -8.1%: at risk.
    // legacy-tools: nothing measured (its licences are an assumption): not measured, although 13,500 / 8,325 - 1 = +62%.
    expect(f.story.useCases.map((u) => [u.id, u.status, u.proofPoint])).toEqual([
      ['support-efficiency', 'behind', false],
      ['self-service', 'at risk', false],
      ['legacy-tools', 'not measured', false],
    ]);
    // The engine's own word for it stays as it was (its output shape is unchanged): ahead on a +62% variance.
    expect(f.useCases.find((u) => u.id === 'legacy-tools')!.status).toBe('ahead');
  });
});

describe('renderQbrTemplate', () => {
  const f = demoFacts();
  it('renders references with their formats and styles', () => {
    const r = renderQbrTemplate(
      'ROI {{roiToDate}}; realized {{realizedToDate|short}} to date, {{varianceToDate}} the plan ({{varianceToDate|signed}}); macros {{milestone.macros-live.timing}}.',
      f,
    );
    // 88,886.67 -> $88.9k; 88,886.67 / 104,710 - 1 = -15.1%; macros: target 2026-01, achieved 2026-03.
    expect(r.markdown).toBe('ROI 41%; realized $88.9k to date, 15% below the plan (-15%); macros two months late.');
    expect(r.problems).toEqual([]);
    expect(r.claims.map((c) => c.claim)).toEqual(['ROI', 'realized', 'variance', 'variance', 'milestone month']);
  });

  it('names each problem with line and column', () => {
    const r = renderQbrTemplate('Fine.\nWe saved {{nope}} and $5k in May 2026, on track.\n{{paybackMonth}} came with {{investmentToDate}} paid back.', f);
    expect(r.problems.map((p) => [p.kind, p.line, p.column, p.text])).toEqual([
      ['unknown-reference', 2, 10, '{{nope}}'],
      ['free-number', 2, 23, '$5k'],
      ['free-number', 2, 34, '2026'],
      ['free-status', 2, 40, 'on track'],
      // '{{paybackMonth}} came with ' is 27 characters.
      ['wrong-claim', 3, 28, '{{investmentToDate}}'],
    ]);
  });

  it('reads digits of other scripts as figures too', () => {
    expect(renderQbrTemplate('We saved １２ hours and ٣ days.', f).problems.map((p) => p.text)).toEqual(['１２', '٣']);
  });

  it('accepts a reference beside the words of its own claim, and refuses it beside another', () => {
    const ok = renderQbrTemplate('{{measuredToDate}} measured, {{carriedForwardToDate}} carried forward and {{assumedToDate}} resting on assumptions.', f);
    expect(ok.problems).toEqual([]);
    expect(ok.markdown).toBe('$22,967 measured, $35,920 carried forward and $30,000 resting on assumptions.');
    const bad = renderQbrTemplate('The measured value is {{assumedToDate}}.', f);
    expect(bad.problems.map((p) => p.message)).toEqual(['{{assumedToDate}} at line 1, column 23 is an assumed figure but the words next to it say measured']);
  });
});
