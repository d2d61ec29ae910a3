import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { entryValue } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, resolveCase, toolError, toolErrorSchema } from './tool-support.ts';

const inputView = z.object({
  key: z.string().describe('Input key used in formulas'),
  label: z.string().describe('Input label people read'),
  unit: z.string().describe('Unit; "percent" values are fractions (0.5 = 50%)'),
  value: z.number().describe('Constant value, or the value before the first measurement'),
  timeSeries: z.boolean().describe('Whether it takes monthly values'),
  latest: z.object({ month: z.string(), value: z.number() }).nullable().describe('Latest measurement, if any'),
  measured: z.array(z.object({ month: z.string(), value: z.number() })).describe('Every month with a value, oldest first (empty for a constant)'),
});

const inputSchema = zodSchema(z.object({ businessCase: businessCaseField }));

const outputSchema = zodSchema(
  z.union([
    z.object({
      id: z.string().describe('Business case id'),
      name: z.string().describe('Business case name'),
      customer: z.string().describe('Customer'),
      currency: z.string().describe('Currency'),
      version: z.number().describe('Document version'),
      scenarios: z
        .array(
          z.object({
            id: z.string().describe('Scenario id'),
            name: z.string().describe('Scenario name'),
            kind: z.enum(['future', 'realization']).describe('future = projection, realization = tracking'),
            start: z.string().describe('First month'),
            months: z.number().describe('Window length in months'),
            basedOn: z.string().nullable().describe('Future scenario a realization scenario was copied from'),
            lockedThrough: z.string().nullable().describe('Months up to this one are locked'),
            milestones: z
              .array(z.object({ id: z.string(), name: z.string(), targetMonth: z.string().nullable(), achievedMonth: z.string().nullable() }))
              .describe('Milestones'),
            useCases: z
              .array(
                z.object({
                  id: z.string().describe('Use case id'),
                  name: z.string().describe('Use case name'),
                  calculations: z
                    .array(z.object({ id: z.string(), name: z.string(), formula: z.string(), period: z.string(), metric: z.string().nullable() }))
                    .describe('Calculations'),
                  inputs: z.array(inputView).describe('Inputs'),
                }),
              )
              .describe('Use cases'),
          }),
        )
        .describe('Scenarios'),
    }),
    toolErrorSchema,
  ]),
);

/** Read tool: a business case's scenarios, use cases, calculations and inputs. */
export const showBusinessCase = (ctx: ToolContext) =>
  tool({
    description: "A business case's structure: scenarios, use cases, calculations (formulas, metrics), inputs (values, monthly or constant), milestones.",
    inputSchema,
    outputSchema,
    execute: async ({ businessCase }) => {
      const c = resolveCase(ctx, businessCase);
      if (!c.ok) return toolError(c);
      const doc = c.value.document;
      return {
        id: doc.id,
        name: doc.name,
        customer: doc.customer,
        currency: doc.currency,
        version: c.value.version,
        scenarios: doc.scenarios.map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          start: s.start,
          months: s.months,
          basedOn: s.basedOn ?? null,
          lockedThrough: s.lockedThrough ?? null,
          milestones: (s.milestones ?? []).map((m) => ({ id: m.id, name: m.name, targetMonth: m.targetMonth ?? null, achievedMonth: m.achievedMonth ?? null })),
          useCases: s.useCases.map((u) => ({
            id: u.id,
            name: u.name,
            calculations: u.calculations.map((k) => ({ id: k.id, name: k.name, formula: k.formula, period: k.period, metric: k.metric ?? null })),
            inputs: u.inputs.map((i) => {
              const months = Object.keys(i.series ?? {}).sort();
              const last = months[months.length - 1];
              return {
                key: i.key,
                label: i.label,
                unit: i.unit,
                value: i.value,
                timeSeries: i.series !== undefined,
                latest: last ? { month: last, value: entryValue(i.series![last]!) } : null,
                measured: months.map((month) => ({ month, value: entryValue(i.series![month]!) })),
              };
            }),
          })),
        })),
      };
    },
  });
