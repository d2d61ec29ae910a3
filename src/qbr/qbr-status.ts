import type { UseCaseFacts } from '../engine/index.ts';

/**
 * The status words a QBR may use, and the one rule that assigns them (docs/qbr.md, "Status
 * words"). No writer types a status: the template and a model both write a reference
 * (`{{useCase.<id>.status}}`, `{{metric.<useCase>.<input>.status}}`) and the renderer puts the
 * word computed here.
 */
export type QbrStatus = 'ahead' | 'on track' | 'at risk' | 'behind' | 'not measured' | 'no estimate' | 'no target';

/** Variance bands shared by use cases and metrics: above +5% ahead, within ±5% on track, down to -15% at risk, below behind. */
export const STATUS_BANDS = { ahead: 0.05, onTrack: -0.05, atRisk: -0.15 } as const;

function band(v: number): QbrStatus {
  if (v > STATUS_BANDS.ahead) return 'ahead';
  if (v >= STATUS_BANDS.onTrack) return 'on track';
  if (v >= STATUS_BANDS.atRisk) return 'at risk';
  return 'behind';
}

/**
 * A use case's status from its facts to date. Value that rests only on assumptions (nothing
 * measured, not even carried forward) is `not measured`, whatever its variance: an assumption
 * cannot be ahead or behind plan. Otherwise the variance to date against the estimate, in the
 * bands above; `no estimate` without one.
 */
export function useCaseStatus(u: Pick<UseCaseFacts, 'toDate'>): QbrStatus {
  if (u.toDate.measured === 0) return 'not measured';
  if (u.toDate.variance === null) return 'no estimate';
  return band(u.toDate.variance);
}

/**
 * A tracked metric's status against its target, from the measurement in force at the
 * quarter's end: `not measured` without one, `no target` without a target; else the signed
 * variance to the target (positive is better) in the bands above. For a percent unit the
 * variance is in points, so it is taken relative to the target first (18% against 20% is
 * 2 points, 10% short).
 */
export function metricStatus(m: { unit: string; target: number | null; after: number | null; varianceToTarget: number | null }): QbrStatus {
  if (m.after === null) return 'not measured';
  if (m.target === null || m.varianceToTarget === null) return 'no target';
  const relative =
    m.unit.trim().toLowerCase() === 'percent' ? (m.target === 0 ? m.varianceToTarget : m.varianceToTarget / Math.abs(m.target)) : m.varianceToTarget;
  return band(relative);
}

/** The symbol the seed's dashboard uses beside a status. */
export const STATUS_MARK: Record<QbrStatus, string> = {
  ahead: '✅',
  'on track': '✅',
  'at risk': '⚠️',
  behind: '❌',
  'not measured': '—',
  'no estimate': '—',
  'no target': '—',
};

/** How far the figures to date can be trusted. */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

/**
 * Confidence in the value to date: `high` when at least 60% of it was measured in its own
 * month, `medium` when at least half is measured counting carried-forward months, else `low`
 * (mostly assumptions). Null when nothing is realized.
 */
export function confidenceLevel(split: { freshMeasured: number; carriedForward: number }, realized: number): ConfidenceLevel | null {
  if (realized <= 0) return null;
  if (split.freshMeasured / realized >= 0.6) return 'high';
  if ((split.freshMeasured + split.carriedForward) / realized >= 0.5) return 'medium';
  return 'low';
}
