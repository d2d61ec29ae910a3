import { tool, zodSchema } from 'ai';
import { z } from 'zod';
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
import { resolveInput } from '../src/resolve/resolve-in-document.ts';
import { checkPlausibility } from '../src/proposals/check-plausibility.ts';
import type { Operation } from '../src/engine/index.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    input: z.string().describe('Input by label or key'),
    value: z.number().describe('New value; percentages as fractions (50% is 0.5)'),
    from: z.string().optional().describe('Month the value holds from ("15 reps from June on"); omit: every month'),
  }),
);

/**
 * Propose tool: an assumption (an input that is not measured) gets a new value, in every
 * month (`setInput`), or from a month on (`setInput` with `from`: "10 reps until May, 15 from
 * June"), which leaves the months before it as they were. A calculation's metric takes
 * measurements instead; saying so here lets the model pick the right tool, except from a month
 * after the current month, which cannot have been measured yet (the refusal says so and
 * offers no measurement; `proposeMeasurements` would refuse it too). A percentage
 * given as a whole number (22 for 22%) is asked about ("did you mean 22%?"), not proposed.
 */
export const proposeInputValue = (ctx: ToolContext) =>
  tool({
    description:
      'Propose a new value for an assumption such as "# of Reps": in every month, or from a month on (earlier months keep theirs). Measured metrics take measurements instead.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, input, value, from }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      const found = resolveInput(s, input);
      if (!found.ok) return toolError(found);
      const { useCase, input: inp } = found.value;
      const metricOf = useCase.calculations.find((c) => c.metric === inp.key);
      if (metricOf && (from !== undefined || inp.series)) {
        const measured = `'${inp.label}' is measured (the metric of '${metricOf.name}'): its monthly values are measurements`;
        // From a month that has not come: no measurement either (nothing observed yet), so not offered as one.
        const month = from === undefined ? null : resolveMonthIn(ctx, from, s, 'nearest');
        const current = currentMonth(ctx);
        if (month?.ok && month.value > current) {
          return {
            error: `${measured}, and ${month.value} is after the current month (${current}), so it cannot have been measured yet. Record it once the month is over; a value expected from then on belongs in a future scenario.`,
          };
        }
        return { error: `${measured}; propose recording one instead` };
      }
      const where = { scenario: s.id, useCase: useCase.id, input: inp.key, value };
      let operation: Operation;
      if (from === undefined) {
        if (inp.series) return { error: `'${inp.label}' changes by month: from which month does ${value} hold?` };
        operation = { op: 'setInput', ...where };
      } else {
        const month = resolveMonthIn(ctx, from, s, 'nearest');
        if (!month.ok) return toolError(month);
        operation = { op: 'setInput', ...where, from: month.value };
      }
      // A value that most likely means another number (22 for a percentage) is asked about, never proposed.
      const asks = checkPlausibility(cs.value.doc, operation).filter((f) => f.kind === 'ask');
      if (asks.length > 0) return { error: asks.map((f) => f.message).join(' ') };
      return proposeOperations(ctx, cs.value.record, [operation]);
    },
  });
