import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, scenarioField, toolError } from './tool-support.ts';
import { resolveInput } from '../src/resolve/resolve-in-document.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    input: z.string().describe('Input, e.g. "deflection rate"'),
  }),
);

/** Propose tool: a constant input starts taking monthly values. */
export const proposeMonthlyValues = (ctx: ToolContext) =>
  tool({
    description: 'Propose giving a constant input monthly values (its value holds until the first one).',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, input }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const found = resolveInput(cs.value.scenario, input);
      if (!found.ok) return toolError(found);
      return proposeOperations(ctx, cs.value.record, [
        { op: 'enableMonthlyValues', scenario: cs.value.scenario.id, useCase: found.value.useCase.id, input: found.value.input.key },
      ]);
    },
  });
