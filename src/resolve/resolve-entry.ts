import { entryValue, monthIndex, monthText as monthOfIndex, type Scenario } from '../engine/index.ts';
import { measuredThrough } from './measured-through.ts';
import { resolveInput, type LocatedInput } from './resolve-in-document.ts';
import { resolveMonth } from './resolve-month.ts';
import { unresolved, type Resolved } from './resolution.ts';

/** A recorded measurement a person named: its input (with use case) and month. */
export interface LocatedEntry extends LocatedInput {
  month: string;
}

/**
 * Resolves the measurement a person means when removing or annotating one ("the October
 * measurement of tickets per day", "the wrong March value"): only an existing entry can be
 * meant. The month phrase is resolved as for a measurement (a bare month name is the latest
 * one not after `current`, inside the window); when that month has no entry and the phrase
 * named no year, the same month of the years before (then after) is tried, and the first
 * that has an entry is meant. Without an input name, the input whose series has an
 * entry in that month, when there is exactly one. Otherwise an error with the candidates.
 */
export function resolveEntry(scenario: Scenario, inputName: string | undefined, monthText: string, current: string): Resolved<LocatedEntry> {
  const first = resolveMonth(monthText, current, { start: scenario.start, months: scenario.months }, 'past');
  if (!first.ok) return first;
  const readings = [first.value];
  // A month name without a year ("October") may mean the same month of another year: the
  // earlier ones first (measurements are about the past), then the later ones.
  if (/^\s*[a-z]{3,9}\.?\s*$/i.test(monthText) && !/month|now/i.test(monthText)) {
    for (const years of [-1, -2, -3, 1, 2]) readings.push(monthOfIndex(monthIndex(first.value) + 12 * years));
  }
  const seriesInputs = scenario.useCases.flatMap((useCase) => useCase.inputs.filter((input) => input.series).map((input) => ({ useCase, input })));
  let inputs: LocatedInput[];
  if (inputName !== undefined && inputName.trim() !== '') {
    const found = resolveInput(scenario, inputName, { timeSeriesFirst: true });
    if (!found.ok) return found;
    // A conversion's baseline named for the metric it is measured through ("the april
    // minutes-per-invoice value" is Avg. Minutes per Invoice's entry).
    const metric = found.value.input.series ? undefined : measuredThrough(found.value.useCase, found.value.input);
    const located = metric ? { useCase: found.value.useCase, input: metric } : found.value;
    if (!located.input.series) return unresolved(`'${located.input.label}' has no monthly values: it is a constant assumption, not a measurement`);
    inputs = [located];
  } else {
    inputs = seriesInputs;
  }
  // The first reading that has an entry of some input; with several inputs there, ask which.
  for (const month of readings) {
    const hits = inputs.filter((c) => c.input.series![month] !== undefined);
    if (hits.length === 1) return { ok: true, value: { ...hits[0]!, month } };
    if (hits.length > 1) {
      return unresolved(
        `several inputs have a measurement in ${month}; which one?`,
        hits.map((c) => `${c.input.label} (${c.input.key}) in ${month}: ${entryValue(c.input.series![month]!)}`),
      );
    }
  }
  const recorded = inputs.flatMap((c) => Object.entries(c.input.series!).map(([m, e]) => `${c.input.label} (${c.input.key}) in ${m}: ${entryValue(e)}`));
  const what = inputs.length === 1 ? `${inputs[0]!.input.label}` : 'any input';
  // The latest dozen are enough to offer; a long series would drown the question.
  return unresolved(`there is no measurement of ${what} in ${readings[0]}`, recorded.slice(-12));
}
