import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { suggestConversions as suggest } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, resolveCaseScenario, scenarioField, toolError, toolErrorSchema } from './tool-support.ts';

const inputSchema = zodSchema(z.object({ businessCase: businessCaseField, scenario: scenarioField }));

const outputSchema = zodSchema(
  z.union([
    z.object({
      scenario: z.string().describe('Scenario id'),
      suggestions: z
        .array(
          z.object({
            calculation: z.string().describe('Calculation name'),
            useCase: z.string().describe('Use case id'),
            status: z.enum(['ready', 'needs-input', 'tracked', 'not-applicable']).describe('ready: can be converted as suggested'),
            reason: z.string().describe('Why, in words'),
            percentInput: z.string().nullable().describe('The percentage input that becomes the target'),
            baselineInput: z.string().nullable().describe('The input holding the baseline'),
            metric: z.string().nullable().describe('Suggested metric label to track'),
            direction: z.enum(['increase', 'decrease']).describe('Whether improvement means the metric goes up or down'),
            missing: z.array(z.string()).describe('What a person must still give'),
          }),
        )
        .describe('One per calculation'),
    }),
    toolErrorSchema,
  ]),
);

/** Read tool: which calculations can be converted to monthly tracking, ready or needing input. */
export const suggestConversions = (ctx: ToolContext) =>
  tool({
    description: 'Which "baseline x % improvement" calculations can become monthly tracking of a metric: ready, or what is missing.',
    inputSchema,
    outputSchema,
    execute: async ({ businessCase, scenario }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const r = suggest(cs.value.doc, cs.value.scenario.id);
      if (!r.ok) return { error: r.error.message };
      return {
        scenario: cs.value.scenario.id,
        suggestions: r.value.map((s) => ({
          calculation: s.name,
          useCase: s.useCase,
          status: s.status,
          reason: s.reason,
          percentInput: s.percentInput?.label ?? null,
          baselineInput: s.baselineInput?.label ?? null,
          metric: s.metric?.label ?? null,
          direction: s.direction,
          missing: s.missing,
        })),
      };
    },
  });
