import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';
import { type ProposedChange, proposeChange } from './propose-change.ts';
import { readTypedValue } from './read-typed-value.ts';
import { realizationOf, trackedMetrics, windowMonths } from './realization-scenario.ts';

/** The Measurements tab's form: a value for some tracked metrics in one month. */
export interface MonthValuesInput {
  caseId: string;
  /** The door's workspace; a case outside it is not found. */
  workspaceId?: string;
  /** `YYYY-MM`, a month of the realization scenario's window. */
  month: string;
  /** `key` is `<useCase id>/<input key>` of a tracked metric; `value` as typed (blank: not entered). */
  values: ReadonlyArray<{ key: string; value: string }>;
  /** Kept with every measurement when not blank; a value equal to the recorded one is proposed again only with a note. */
  note?: string;
  proposedBy: string;
  channel?: string | null;
}

/** The proposal, and how many measurements it records. */
export interface ProposedMonthValues extends ProposedChange {
  measurements: number;
}

/**
 * A month's values of the tracked metrics (`trackedMetrics`) as ONE proposal of
 * `recordMeasurement`s. A blank value is not entered; a value equal to the one recorded that
 * month is skipped unless a note comes with it (then it is proposed again, to keep the note).
 * Every key that is not a tracked metric and every value that cannot be read exactly is
 * reported together (`field: 'values'`, one sentence each, joined by '; '), and nothing is
 * proposed; so is a month outside the scenario's window (`field: 'month'`), a case without a
 * realization scenario (`field: 'caseId'`), and a form that enters or changes nothing
 * (`field: 'values'`). The workflow's own refusal is returned as it gives it, without a `field`.
 */
export function proposeMonthValues(ctx: AppContext, form: MonthValuesInput): Outcome<ProposedMonthValues> {
  const found = findCase(ctx.store, form.caseId, form.workspaceId);
  if (!found.ok) return found;
  const scenario = realizationOf(found.value.document);
  if (!scenario) return failWith('refused', 'the case has no realization scenario', { field: 'caseId' });
  const month = form.month;
  if (!windowMonths(scenario).includes(month)) return failWith('invalid_argument', `month '${month}' is not in ${scenario.name}'s window`, { field: 'month' });
  const note = form.note?.trim() ?? '';
  const metrics = trackedMetrics(scenario);
  const operations: object[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { key, value: typedText } of form.values) {
    const text = typedText.trim();
    const tracked = metrics.find((m) => `${m.useCase.id}/${m.input.key}` === key);
    if (!tracked) {
      problems.push(`'${key}' is not a tracked metric`);
      continue;
    }
    // One value per metric and month: a form sending a metric twice says two things about one month.
    if (seen.has(key)) {
      problems.push(`${tracked.input.label} is given twice for ${month}`);
      continue;
    }
    seen.add(key);
    if (!text) continue;
    const typed = readTypedValue(text);
    if (!typed.ok) {
      problems.push(`${tracked.input.label}: '${text}' ${typed.error.message}`);
      continue;
    }
    const value = typed.value;
    const own = tracked.entries.find((e) => e.month === month);
    if (own && Math.abs(own.value - value) < 1e-12 && !note) continue;
    operations.push({
      op: 'recordMeasurement',
      scenario: scenario.id,
      useCase: tracked.useCase.id,
      input: tracked.input.key,
      month,
      value,
      ...(note ? { note } : {}),
    });
  }
  if (problems.length) return failWith('invalid_argument', problems.join('; '), { field: 'values' });
  if (operations.length === 0) return failWith('invalid_argument', 'no value was entered or changed', { field: 'values' });
  const proposed = proposeChange(ctx, {
    caseId: form.caseId,
    workspaceId: form.workspaceId,
    operations,
    proposedBy: form.proposedBy,
    channel: form.channel ?? null,
  });
  if (!proposed.ok) return proposed;
  return succeed({ ...proposed.value, measurements: operations.length });
}
