import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from '../src/agent/tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, scenarioField, toolError } from '../src/agent/tool-support.ts';
import { resolveInput } from '../src/resolve/resolve-in-document.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    input: z.string().describe('Input by label or key'),
    value: z.number().describe('New value; percentages as fractions (50% is 0.5)'),
  }),
);

/** Propose tool: a constant input (an assumption) gets a new value. */
export const proposeInputValue = (ctx: ToolContext) =>
  tool({
    description: 'Propose changing a constant input (an assumption such as "# of Reps"). Measured inputs take measurements instead.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, input, value }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const found = resolveInput(cs.value.scenario, input);
      if (!found.ok) return toolError(found);
      return proposeOperations(ctx, cs.value.record, [
        { op: 'setInput', scenario: cs.value.scenario.id, useCase: found.value.useCase.id, input: found.value.input.key, value },
      ]);
    },
  });
