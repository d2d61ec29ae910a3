import { describe, expect, it } from 'vitest';
import type { Figures, OperationPreview } from '../../src/engine/index.ts';
import { comparePreviews } from '../../src/proposals/index.ts';

const figures = (total: number, support = total): Figures => ({
  total,
  realizedToDate: total / 2,
  measuredToDate: total / 2,
  assumedToDate: 0,
  useCases: [{ id: 'support', name: 'Support', total: support, realizedToDate: support / 2 }],
});

const preview = (before: Figures | null, after: Figures, changes = ['Reps (reps): 10 -> 12']): OperationPreview => ({
  op: 'setInput',
  scenario: 'actual',
  asOf: '2025-06',
  changes,
  before,
  after,
});

describe('comparePreviews', () => {
  it('accepts the same effect on different absolute figures', () => {
    expect(comparePreviews(preview(figures(100), figures(150)), preview(figures(300), figures(350)))).toBeNull();
  });

  it('tolerates the one-cent rounding of subtracting rounded figures, not more', () => {
    expect(comparePreviews(preview(figures(100), figures(150)), preview(figures(300), figures(350.01)))).toBeNull();
    expect(comparePreviews(preview(figures(100), figures(150)), preview(figures(300), figures(350.02)))).toBe(
      "total would change by +50.02 instead of the previewed +50.00; use case 'Support' total would change by +50.02 instead of the previewed +50.00",
    );
  });

  it('lists at most three differing figures', () => {
    expect(comparePreviews(preview(figures(100), figures(150)), preview(figures(300), figures(360)))).toBe(
      'total would change by +60.00 instead of the previewed +50.00; realized to date would change by +30.00 instead of the previewed +25.00; measured to date would change by +30.00 instead of the previewed +25.00 (and 2 more figure(s))',
    );
  });

  it('names a different change line, a scenario that appeared, and another operation', () => {
    expect(comparePreviews(preview(figures(1), figures(2)), preview(figures(1), figures(2), ['Reps (reps): 11 -> 12']))).toBe(
      'it would now do "Reps (reps): 11 -> 12" instead of the previewed "Reps (reps): 10 -> 12"',
    );
    expect(comparePreviews(preview(null, figures(2)), preview(figures(0), figures(2)))).toBe("scenario 'actual' exists now; it did not when previewed");
    expect(comparePreviews(preview(null, figures(2)), preview(null, figures(2)))).toBeNull();
    expect(comparePreviews(preview(figures(1), figures(2)), { ...preview(figures(1), figures(2)), op: 'lockMonths' })).toBe(
      "it would now be lockMonths on scenario 'actual' instead of setInput on 'actual'",
    );
  });
});
