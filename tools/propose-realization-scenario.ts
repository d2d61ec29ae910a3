import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, resolveMonthIn, toolError } from './tool-support.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    from: z.string().optional().describe('Future scenario to copy; null: the only one'),
    start: z.string().describe('Contract start month, e.g. "2025-08"'),
    months: z.number().int().min(1).max(120).optional().describe('Contract months; null: 12'),
    name: z.string().optional().describe('Name; null: "Value Realization"'),
  }),
);

/** Propose tool: a realization scenario copied from a future scenario. */
export const proposeRealizationScenario = (ctx: ToolContext) =>
  tool({
    description: 'Propose the realization scenario (tracks what actually happened): a copy of a future scenario with its own contract start and length.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, from, start, months, name }) => {
      const cs = resolveCaseScenario(ctx, businessCase, from, 'future');
      if (!cs.ok) return toolError(cs);
      const month = resolveMonthIn(ctx, start);
      if (!month.ok) return toolError(month);
      const taken = new Set(cs.value.doc.scenarios.map((s) => s.id));
      let id = 'realization';
      for (let n = 2; taken.has(id); n++) id = `realization-${n}`;
      return proposeOperations(ctx, cs.value.record, [
        { op: 'createRealizationScenario', from: cs.value.scenario.id, id, name: name ?? 'Value Realization', start: month.value, months: months ?? 12 },
      ]);
    },
  });
