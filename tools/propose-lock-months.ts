import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, resolveMonthIn, scenarioField, toolError } from './tool-support.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    through: z.string().describe('Last month to lock, e.g. "2025-12"'),
  }),
);

/** Propose tool: close months so their measurements can no longer change. */
export const proposeLockMonths = (ctx: ToolContext) =>
  tool({
    description: 'Propose locking months through a month so their measurements can no longer change (locks only move forward).',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, through }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const m = resolveMonthIn(ctx, through, cs.value.scenario);
      if (!m.ok) return toolError(m);
      return proposeOperations(ctx, cs.value.record, [{ op: 'lockMonths', scenario: cs.value.scenario.id, through: m.value }]);
    },
  });
