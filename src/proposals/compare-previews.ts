import type { Figures, OperationPreview } from '../engine/index.ts';

/**
 * Two figures' effects are the same when they differ by at most a cent: figures are
 * rounded to cents before they are subtracted, so the same true change can show up to one
 * cent apart.
 */
const TOLERANCE = 0.01 + 1e-9;

type Nullable = number | null;

interface Effect {
  label: string;
  previewed: Nullable;
  now: Nullable;
}

function delta(before: Nullable | undefined, after: Nullable): Nullable {
  if (after === null) return null;
  return after - (before ?? 0);
}

function differs(a: Nullable, b: Nullable): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) > TOLERANCE;
}

function signed(n: Nullable): string {
  if (n === null) return 'none';
  const text = Math.abs(n).toFixed(2);
  return n < 0 ? `-${text}` : `+${text}`;
}

/**
 * What an operation does to the figures: after minus before for the scenario's headline
 * figures and each use case. Comparing effects rather than absolute figures lets a stale
 * proposal through when the intervening change touched something independent.
 */
function effects(previewed: OperationPreview, now: OperationPreview): Effect[] {
  const effect = (p: OperationPreview, pick: (f: Figures) => Nullable): Nullable => delta(p.before ? pick(p.before) : undefined, pick(p.after));
  const pair = (label: string, pick: (f: Figures) => Nullable): Effect => ({ label, previewed: effect(previewed, pick), now: effect(now, pick) });
  const out: Effect[] = [
    pair('total', (f) => f.total),
    pair('realized to date', (f) => f.realizedToDate),
    pair('measured to date', (f) => f.measuredToDate),
    pair('assumed to date', (f) => f.assumedToDate),
  ];
  const useCaseIds = new Set([...previewed.after.useCases, ...now.after.useCases].map((u) => u.id));
  for (const id of useCaseIds) {
    const find = (f: Figures) => f.useCases.find((u) => u.id === id);
    const name = find(previewed.after)?.name ?? find(now.after)?.name ?? id;
    out.push(
      pair(`use case '${name}' total`, (f) => find(f)?.total ?? 0),
      pair(`use case '${name}' realized to date`, (f) => find(f)?.realizedToDate ?? null),
    );
  }
  return out;
}

/**
 * Compares the preview a person saw with a fresh preview of the same operation on the
 * current document. Returns null when the operation still does what was previewed (same
 * change lines, same effect on every figure to the cent), else a sentence saying what is
 * different now.
 */
export function comparePreviews(previewed: OperationPreview, now: OperationPreview): string | null {
  if (previewed.op !== now.op || previewed.scenario !== now.scenario) {
    return `it would now be ${now.op} on scenario '${now.scenario}' instead of ${previewed.op} on '${previewed.scenario}'`;
  }
  if ((previewed.before === null) !== (now.before === null)) {
    return previewed.before === null ? `scenario '${now.scenario}' exists now; it did not when previewed` : `scenario '${now.scenario}' no longer exists`;
  }
  const sawLines = previewed.changes.join('; ');
  const nowLines = now.changes.join('; ');
  if (sawLines !== nowLines) return `it would now do "${nowLines}" instead of the previewed "${sawLines}"`;
  const moved = effects(previewed, now).filter((e) => differs(e.previewed, e.now));
  if (moved.length === 0) return null;
  const shown = moved.slice(0, 3).map((e) => `${e.label} would change by ${signed(e.now)} instead of the previewed ${signed(e.previewed)}`);
  return moved.length > shown.length ? `${shown.join('; ')} (and ${moved.length - shown.length} more figure(s))` : shown.join('; ');
}
