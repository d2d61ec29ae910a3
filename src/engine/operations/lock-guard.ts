import type { BusinessCase, Scenario } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';
import { Claim, evaluateScenario } from '../evaluate-scenario.ts';
import { formatMoneyAmount } from '../format-number.ts';
import { monthIndex, monthText } from '../month.ts';
import { equalToTheCent } from '../round.ts';

/** The figures the lock guards, for each month of a window up to the lock (unrounded). */
interface LockedFigures {
  start: number;
  benefit: number[];
  realized: number[];
  measured: number[];
  assumed: number[];
}

const FIGURES = ['benefit', 'realized', 'measured', 'assumed'] as const;

/**
 * A realization scenario's monthly benefit, realized, measured and assumed for the months
 * through `lockedThrough`, computed as of the lock (contract: "The lock guards figures").
 */
function lockedFigures(scenario: Scenario, lockedThrough: string): Result<LockedFigures> {
  const ev = evaluateScenario(scenario);
  if (!ev.ok) return ev;
  const { start, months, useCases } = ev.value;
  const count = Math.max(0, Math.min(months, monthIndex(lockedThrough) - start + 1));
  const out: LockedFigures = { start, benefit: [], realized: [], measured: [], assumed: [] };
  for (let i = 0; i < count; i++) {
    let benefit = 0;
    let measured = 0;
    let assumed = 0;
    for (const u of useCases) {
      for (const c of u.calculations) {
        const v = c.monthly[i]!;
        benefit += v;
        if (c.claims === null) assumed += v;
        else if (c.claims[i] !== Claim.none) measured += v;
      }
    }
    out.benefit.push(benefit);
    out.measured.push(measured);
    out.assumed.push(assumed);
    out.realized.push(measured + assumed);
  }
  return ok(out);
}

/**
 * (2) The lock guard: refuses an operation unless every locked month of the realization
 * scenario it changed keeps its benefit, realized, measured and assumed figures to the
 * cent; the error names the first month that would change and how. On success it returns
 * the line a preview shows about the locked months (or null when nothing is locked).
 */
export function guardLockedMonths(before: BusinessCase, after: BusinessCase, scenarioId: string, opName: string): Result<string | null> {
  const was = before.scenarios.find((s) => s.id === scenarioId);
  const now = after.scenarios.find((s) => s.id === scenarioId);
  if (!was || !now || was.kind !== 'realization' || was.lockedThrough === undefined) return ok(null);
  const lock = was.lockedThrough;
  const old = lockedFigures(was, lock);
  // Figures that could not be computed before have nothing to protect; the operation's own
  // evaluation reports any problem with the result.
  if (!old.ok) return ok(null);
  const fresh = lockedFigures(now, lock);
  if (!fresh.ok) return ok(null);
  for (let i = 0; i < old.value.benefit.length; i++) {
    for (const figure of FIGURES) {
      const a = old.value[figure][i]!;
      const b = fresh.value[figure][i] ?? Number.NaN;
      if (!equalToTheCent(a, b)) {
        const month = monthText(old.value.start + i);
        return fail(
          'refused',
          `${opName} would change locked month ${month} (scenario '${scenarioId}' is locked through ${lock}): ${figure} ${formatMoneyAmount(a)} -> ${Number.isNaN(b) ? 'none' : formatMoneyAmount(b)}. Locked months keep their figures; to change an assumption from a later month on, use setInput with from after ${lock}`,
          '$.op',
        );
      }
    }
  }
  const realized = old.value.realized.reduce((sum, v) => sum + v, 0);
  return ok(
    old.value.realized.length === 0
      ? null
      : `locked months through ${lock} keep their figures (realized ${formatMoneyAmount(realized)} in ${monthText(old.value.start)} to ${lock})`,
  );
}
