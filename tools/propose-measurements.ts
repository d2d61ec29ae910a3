import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from '../src/agent/tool-context.ts';
import { businessCaseField, measurementDetails, proposeOperations, proposeResultSchema, resolveCaseScenario, resolveMonthIn, scenarioField, toolError } from '../src/agent/tool-support.ts';
import { resolveInput } from '../src/resolve/resolve-in-document.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    measurements: z
      .array(
        z.object({
          input: z.string().describe('The measured input by label or key, e.g. "tickets per day"'),
          month: z.string().describe('"2025-10", "October", "last month"'),
          value: z.number().describe('The value; percentages as fractions (22% is 0.22)'),
          note: z.string().optional().describe('Why the value is what it is'),
          evidence: z.string().optional().describe('Link or text backing the value'),
          source: z.string().optional().describe('Where it came from, e.g. "Zendesk export"'),
        }),
      )
      .min(1)
      .describe('One entry per input and month'),
  }),
);

/** Propose tool: measurements (several months and inputs) in one proposal. */
export const proposeMeasurements = (ctx: ToolContext) =>
  tool({
    description:
      'Propose recording measured values of tracked metrics, several months and inputs at once, each with optional note, evidence and source. Values carry forward to later months.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, measurements }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      const operations = [];
      for (const m of measurements) {
        const found = resolveInput(s, m.input, { timeSeriesFirst: true });
        if (!found.ok) return toolError(found);
        if (!found.value.input.series) {
          return { error: `'${found.value.input.label}' is not tracked monthly yet; propose enabling monthly values on it (or converting its calculation) first` };
        }
        const month = resolveMonthIn(ctx, m.month, s);
        if (!month.ok) return toolError(month);
        operations.push({
          op: 'recordMeasurement',
          scenario: s.id,
          useCase: found.value.useCase.id,
          input: found.value.input.key,
          month: month.value,
          value: m.value,
          ...measurementDetails(found.value.input.series[month.value], m.value, m),
        });
      }
      return proposeOperations(ctx, cs.value.record, operations);
    },
  });
