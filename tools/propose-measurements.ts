import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { entryValue, type Input, type Operation } from '../src/engine/index.ts';
import { measuredThrough } from '../src/resolve/measured-through.ts';
import type { ToolContext } from './tool-context.ts';
import {
  businessCaseField,
  currentMonth,
  proposeOperations,
  proposeResultSchema,
  resolveCaseScenario,
  resolveMonthIn,
  scenarioField,
  toolError,
} from './tool-support.ts';
import { resolveCalculation, resolveInput } from '../src/resolve/resolve-in-document.ts';
import { nameScore } from '../src/resolve/match-name.ts';
import { resolveEntry } from '../src/resolve/resolve-entry.ts';
import { checkPlausibility } from '../src/proposals/check-plausibility.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    measurements: z
      .array(
        z.object({
          input: z.string().optional().describe('Input, e.g. "tickets per day"; optional to annotate or remove'),
          month: z.string().describe('"2025-10", "October", "last month"'),
          value: z.number().optional().describe('Value; 22% is 0.22; omit to annotate; with remove: the value said, checked'),
          remove: z.boolean().optional().describe('true: remove the recorded value'),
          note: z.string().optional().describe('Why the value is what it is'),
          evidence: z.string().optional().describe('Link or text backing the value'),
          source: z.string().optional().describe('Where it came from, e.g. "Zendesk export"'),
        }),
      )
      .min(1)
      .describe('One entry per input and month'),
  }),
);

type Said = { note?: string | undefined; evidence?: string | undefined; source?: string | undefined };

/** The note, evidence and source a person gave, "" included (it removes a field when annotating). */
function details(m: Said): { note?: string; evidence?: string; source?: string } {
  return {
    ...(m.note !== undefined ? { note: m.note } : {}),
    ...(m.evidence !== undefined ? { evidence: m.evidence } : {}),
    ...(m.source !== undefined ? { source: m.source } : {}),
  };
}

/**
 * Why a removal that names a value ("scrap the 150 from march") must not go ahead: the value
 * recorded in that month is another one (a percentage may be said as 18 or 0.18). Null: it
 * is the recorded value.
 */
function removalMismatch(input: Input, month: string, said: number): string | null {
  const entry = input.series?.[month];
  if (entry === undefined) return null;
  const recorded = entryValue(entry);
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (same(recorded, said) || (input.unit === 'percent' && same(recorded * 100, said))) return null;
  const shown = input.unit === 'percent' ? `${+(recorded * 100).toFixed(6)}%` : String(recorded);
  return `the ${month} value of '${input.label}' is ${shown}, not ${said}: nothing removed. Remove the ${shown}?`;
}

/**
 * Why the operations cannot be one proposal: two of them change the same input in the same
 * month (the input's label and the month named, with the values said). Null when each input's
 * month is changed once.
 */
function sameMonthTwice(scenario: { useCases: ReadonlyArray<{ id: string; inputs: readonly Input[] }> }, operations: readonly Operation[]): string | null {
  const seen = new Map<string, Operation>();
  for (const op of operations) {
    if (op.op !== 'recordMeasurement' && op.op !== 'annotateMeasurement' && op.op !== 'removeMeasurement') continue;
    const key = `${op.useCase}\u0000${op.input}\u0000${op.month}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, op);
      continue;
    }
    const label = scenario.useCases.find((u) => u.id === op.useCase)?.inputs.find((i) => i.key === op.input)?.label ?? op.input;
    const said = [first, op].map((o) => (o.op === 'recordMeasurement' ? String(o.value) : o.op === 'removeMeasurement' ? 'a removal' : 'a note'));
    return `two changes to '${label}' (${op.input}) in ${op.month} (${said.join(' and ')}): give one value per input and month; nothing proposed`;
  }
  return null;
}

/**
 * Propose tool: measurement changes (several months and inputs) in one proposal. A value is
 * recorded (`recordMeasurement`); without a value, the note, evidence or source are set on
 * the value already recorded (`annotateMeasurement`, which changes no figure, so locked
 * months allow it); `remove` takes a recorded value out (`removeMeasurement`). A note alone
 * on the same value as the one recorded is an annotation too: it keeps the entry's evidence
 * and source, and the value is not re-reported. A value for a conversion's baseline (a
 * constant) is the value of the metric it is measured through. A value that most likely means another
 * number (22 for a percentage, which would be 2200%) is not proposed: the tool asks "did you
 * mean 22%?" (`checkPlausibility`); so is a measurement for a month after the current month
 * (nothing can have been observed in it yet); other doubts are proposed with a warning.
 */
export const proposeMeasurements = (ctx: ToolContext) =>
  tool({
    description:
      'Propose measurement changes of tracked metrics in one proposal: record values (they carry forward), annotate a recorded value (omit value; "" removes a note, evidence or source), or remove one (remove: true).',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, measurements }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      const operations: Operation[] = [];
      for (const m of measurements) {
        const said = details(m);
        if (m.remove || m.value === undefined) {
          if (!m.remove && Object.keys(said).length === 0) {
            return {
              error: `what should change in ${m.input ?? 'the'} ${m.month} measurement? Give a value to record, a note, evidence or source to add, or remove: true`,
            };
          }
          const found = resolveEntry(s, m.input, m.month, currentMonth(ctx));
          if (!found.ok) return toolError(found);
          const where = { scenario: s.id, useCase: found.value.useCase.id, input: found.value.input.key, month: found.value.month };
          // "scrap the 158 from march": the value said must be the one recorded, else ask.
          if (m.remove && m.value !== undefined) {
            const mismatch = removalMismatch(found.value.input, found.value.month, m.value);
            if (mismatch) return { error: mismatch };
          }
          operations.push(m.remove ? { op: 'removeMeasurement', ...where } : { op: 'annotateMeasurement', ...where, ...said });
          continue;
        }
        if (!m.input) return { error: `which input is the value ${m.value} for?` };
        // "efficiency 160 nov": a calculation named exactly stands for the metric it is measured through.
        const calc = resolveCalculation(s, m.input);
        const viaCalculation =
          calc.ok && calc.value.calculation.metric !== undefined && nameScore(m.input, [calc.value.calculation.id, calc.value.calculation.name]) >= 90
            ? calc.value.useCase.inputs.find((i) => i.key === calc.value.calculation.metric)
            : undefined;
        const found =
          viaCalculation && calc.ok
            ? { ok: true as const, value: { useCase: calc.value.useCase, input: viaCalculation } }
            : resolveInput(s, m.input, { timeSeriesFirst: true });
        if (!found.ok) return toolError(found);
        const { useCase } = found.value;
        // A conversion's baseline ("Minutes per Invoice (baseline)") is measured through the
        // calculation's metric ("Avg. Minutes per Invoice"): a month's value is the metric's.
        const input = found.value.input.series ? found.value.input : (measuredThrough(useCase, found.value.input) ?? found.value.input);
        // Only a calculation's metric is measured; any other input is an assumption.
        if (!input.series || !useCase.calculations.some((c) => c.metric === input.key)) {
          return {
            error: input.series
              ? `'${input.label}' is an assumption that changes by month, not a measurement: propose its value from that month on (proposeInputValue with from), or measuring it directly (proposeTrackMetric)`
              : `'${input.label}' is not measured yet: propose measuring it directly (proposeTrackMetric) or converting its calculation first; a changed assumption is proposeInputValue`,
          };
        }
        const month = resolveMonthIn(ctx, m.month, s);
        if (!month.ok) return toolError(month);
        const where = { scenario: s.id, useCase: useCase.id, input: input.key, month: month.value };
        const current = input.series[month.value];
        // A note on the value already recorded annotates it: evidence and source stay.
        const noteOnly = said.note && said.evidence === undefined && said.source === undefined;
        if (noteOnly && current !== undefined && entryValue(current) === m.value) {
          operations.push({ op: 'annotateMeasurement', ...where, note: said.note! });
          continue;
        }
        const recorded = Object.fromEntries(Object.entries(said).filter(([, v]) => v !== '')) as Said;
        operations.push({ op: 'recordMeasurement', ...where, value: m.value, ...details(recorded) });
      }
      // Two changes to one input's month in one proposal ("tickets/day: 175 … tickets/day: 0.23"):
      // which is meant is not said, so nothing is proposed.
      const twice = sameMonthTwice(cs.value.scenario, operations);
      if (twice) return { error: twice };
      // A value that most likely means another number (22 for a percentage), or a month that has not come yet, is asked about, never proposed.
      const asks = operations.flatMap((op, i) => checkPlausibility(cs.value.doc, op, i, currentMonth(ctx))).filter((f) => f.kind === 'ask');
      if (asks.length > 0) return { error: asks.map((f) => f.message).join(' ') };
      return proposeOperations(ctx, cs.value.record, operations);
    },
  });
