import { entryValue, type BusinessCase, type Input, type Operation } from '../engine/index.ts';

/**
 * What the plausibility check says about a value an operation sets: `ask` when it most
 * likely means another number (a percentage given as a whole number: 22 for 22%, which
 * would be 2200%), so the agent's tools ask before proposing; `warn` when it may be right but
 * deserves a second look before approval (a negative count, a value 10x away from the last
 * measurement or the baseline). Either way the message is stored with the proposal and shown
 * by every door (`ProposalView.warnings`).
 */
export interface PlausibilityFinding {
  kind: 'ask' | 'warn';
  /** The operation it is about (its index in the proposal). */
  index: number;
  /** A sentence for the person: what looks wrong, and what it was compared with. */
  message: string;
}

/** How far from the reference a value may be before it is flagged (10x, or a tenth). */
const PLAUSIBLE_FACTOR = 10;

/** A number as the engine's change lines write it: at most 12 significant digits (2200, 0.22). */
function plain(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** A number for a sentence: `plain`, thousands grouped (10,000). */
function shown(n: number): string {
  const text = plain(n);
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A value in its unit, as the engine's change lines write it: "22%" for a percent input, "166 tickets/day". */
function inUnit(value: number, input: Input): string {
  if (input.unit === 'percent') return `${plain(value * 100)}%`;
  return input.unit ? `${shown(value)} ${input.unit}` : shown(value);
}

/** Whether an input counts things (tickets, minutes, reps): not a percentage, not money. */
function countsThings(input: Input, currency: string): boolean {
  return input.unit !== 'percent' && input.unit !== currency && !/^[A-Z]{3}$/.test(input.unit);
}

/** The value an operation sets, where: recordMeasurement and setInput only. */
function valueSet(op: Operation): { scenario: string; useCase: string; input: string; value: number; month?: string } | null {
  if (op.op === 'recordMeasurement') return { scenario: op.scenario, useCase: op.useCase, input: op.input, value: op.value, month: op.month };
  if (op.op === 'setInput')
    return { scenario: op.scenario, useCase: op.useCase, input: op.input, value: op.value, ...(op.from !== undefined ? { month: op.from } : {}) };
  return null;
}

/**
 * What the value is compared with: the input's last measurement before the month (else the
 * first one after it), else its own value (the baseline or assumption the case started with).
 */
function reference(input: Input, month: string | undefined): { value: number; what: string } | null {
  const entries = Object.entries(input.series ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const before = entries.filter(([m]) => month === undefined || m < month);
  const last = before[before.length - 1] ?? entries.find(([m]) => month !== undefined && m > month);
  if (last) return { value: entryValue(last[1]), what: `the last measurement (${inUnit(entryValue(last[1]), input)} in ${last[0]})` };
  return { value: input.value, what: `the baseline (${inUnit(input.value, input)})` };
}

/**
 * Checks the value an operation sets against what the case already says about that input
 * (`before`: the document the operation applies to). Pure: the same document and operation
 * always give the same findings; operations that set no value give none. The rules:
 * - a magnitude of 1e15 or more: `ask` (no business value is that large);
 * - a measurement for a month after `currentMonth` (when given: the clock's month): `ask`. A
 *   measurement is what was observed, and a month that has not come cannot have been; a value
 *   expected then is a plan (a future scenario). The engine allows any month of the window,
 *   so this is the workflow's rule: the propose tools refuse it, `propose` flags it for the
 *   doors (a value typed into a future cell of the web's grid, a file's future row);
 * - a percent input given a value v above 1 (100%) while every value it has is at most 1:
 *   `ask`, never a proposal (a rate that has always been at most 100% is not 200% or 15000% by
 *   a slip of the keyboard). For v up to 100 the question names both readings and suggests v%
 *   ("2 would be 200%. Did you mean 2% (0.02)?"; "yes" proposes v / 100, which the 10x rule
 *   below then flags if it is far from the last value); above 100, v% is no fraction either,
 *   so it asks which value was meant without suggesting one (1250: neither 125000% nor 1250%);
 * - a negative value of an input that counts things (not a percentage, not money): `warn`;
 * - a value 10x (or more) away from the last measurement, or from the baseline when nothing
 *   is measured yet, both non-zero and of the same sign: `warn`.
 */
export function checkPlausibility(before: BusinessCase, operation: Operation, index = 0, currentMonth?: string): PlausibilityFinding[] {
  const set = valueSet(operation);
  if (!set) return [];
  const input = before.scenarios
    .find((s) => s.id === set.scenario)
    ?.useCases.find((u) => u.id === set.useCase)
    ?.inputs.find((i) => i.key === set.input);
  if (!input) return [];
  const where = `${input.label}${set.month ? ` in ${set.month}` : ''}`;
  const { value } = set;
  if (Math.abs(value) >= 1e15) return [{ kind: 'ask', index, message: `${where}: ${value} is too large to be a value here; which value did you mean?` }];
  if (operation.op === 'recordMeasurement' && currentMonth !== undefined && operation.month > currentMonth) {
    return [
      {
        kind: 'ask',
        index,
        message: `${where}: ${operation.month} is after the current month (${currentMonth}), so it cannot have been measured yet. Record it once the month is over; a value expected then belongs in a future scenario.`,
      },
    ];
  }
  const ref = reference(input, set.month);
  const out: PlausibilityFinding[] = [];
  if (input.unit === 'percent' && value > 1) {
    const known = [input.value, ...Object.values(input.series ?? {}).map(entryValue)];
    if (known.every((v) => v <= 1)) {
      // "Did you mean v%?" when v% (v / 100) is a fraction at all; "yes" proposes it.
      const meant = value / 100;
      const message =
        meant <= 1
          ? `${where} is a percentage: ${plain(value)} would be ${plain(value * 100)}%. Did you mean ${plain(value)}% (${plain(meant)})?`
          : `${where} is a percentage: ${plain(value)} would be ${plain(value * 100)}%, and every value it has had is at most 100%. Which value did you mean? Say it with %, e.g. "${ref ? inUnit(ref.value, input) : '20%'}".`;
      return [{ kind: 'ask', index, message }];
    }
  }
  if (value < 0 && countsThings(input, before.currency)) {
    out.push({ kind: 'warn', index, message: `${where}: ${inUnit(value, input)} is a negative count.` });
  }
  if (ref && ref.value !== 0 && value !== 0 && Math.sign(ref.value) === Math.sign(value)) {
    const ratio = value / ref.value;
    if (ratio >= PLAUSIBLE_FACTOR) out.push({ kind: 'warn', index, message: `${where}: ${inUnit(value, input)} is ${shown(Math.floor(ratio))}x ${ref.what}.` });
    else if (ratio <= 1 / PLAUSIBLE_FACTOR)
      out.push({ kind: 'warn', index, message: `${where}: ${inUnit(value, input)} is less than a tenth of ${ref.what}.` });
  }
  return out;
}
