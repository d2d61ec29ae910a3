import { failWith, type Outcome } from '../errors/outcome.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';
import { type ProposedChange, proposeChange } from './propose-change.ts';
import { readTypedValue } from './read-typed-value.ts';
import { realizationOf, windowMonths } from './realization-scenario.ts';

/** One cell of the measurement table edited: an input of a use case of the realization scenario, in a month. */
export interface CellEditInput {
  caseId: string;
  /** The door's workspace; a case outside it is not found. */
  workspaceId?: string;
  /** The use case's id. */
  useCase: string;
  /** The input's key. */
  input: string;
  /** `YYYY-MM`, a month of the realization scenario's window. */
  month: string;
  /** The value as typed ("1,250", "42%", "3.2k"), read by `readTypedValue`. */
  value: string;
  /** Kept with a measurement (a metric's cell) when not blank; a changing assumption's `setInput` has no room for them. */
  note?: string;
  evidence?: string;
  source?: string;
  proposedBy: string;
  channel?: string | null;
}

/**
 * A cell edit as one proposal. The cell is an input of a use case of the case's realization
 * scenario in a month of its window; its typed value is read exactly (`readTypedValue`). The
 * input decides the operation: a calculation's `metric` is measured, so the value is a
 * `recordMeasurement` of that month (with the note, evidence and source given); any other
 * input is a changing assumption, so it is a `setInput` from that month on. Then
 * `proposeChange`: previewed, stored pending, nothing changed.
 *
 * A cell that cannot be proposed is an error naming the form field at fault (`field`:
 * `useCase`, `input`, `month`, `value`) and what was wrong with it; the workflow's own refusal
 * (a locked month, an operation the engine refuses) is returned as the workflow gives it,
 * without a `field`.
 */
export function proposeCellEdit(ctx: AppContext, edit: CellEditInput): Outcome<ProposedChange> {
  const found = findCase(ctx.store, edit.caseId, edit.workspaceId);
  if (!found.ok) return found;
  const scenario = realizationOf(found.value.document);
  const useCase = scenario?.useCases.find((u) => u.id === edit.useCase);
  if (!scenario || !useCase) return failWith('not_found', `no use case '${edit.useCase}' in the realization scenario`, { field: 'useCase' });
  const input = useCase.inputs.find((i) => i.key === edit.input);
  if (!input) return failWith('not_found', `no input '${edit.input}' in ${useCase.name}`, { field: 'input' });
  if (!windowMonths(scenario).includes(edit.month))
    return failWith('invalid_argument', `month '${edit.month}' is not in ${scenario.name}'s window`, { field: 'month' });
  const typed = readTypedValue(edit.value);
  if (!typed.ok) return failWith('invalid_argument', `value '${edit.value}' for ${input.label} ${typed.error.message}`, { field: 'value' });
  const value = typed.value;
  const metric = useCase.calculations.some((k) => k.metric === input.key);
  const extra: Record<string, string> = {};
  for (const k of ['note', 'evidence', 'source'] as const) {
    const text = edit[k]?.trim();
    if (text) extra[k] = text;
  }
  const operation = metric
    ? { op: 'recordMeasurement', scenario: scenario.id, useCase: useCase.id, input: input.key, month: edit.month, value, ...extra }
    : { op: 'setInput', scenario: scenario.id, useCase: useCase.id, input: input.key, value, from: edit.month };
  return proposeChange(ctx, {
    caseId: edit.caseId,
    workspaceId: edit.workspaceId,
    operations: [operation],
    proposedBy: edit.proposedBy,
    channel: edit.channel ?? null,
  });
}
