import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, resolveCaseScenario, scenarioField, toolError, toolErrorSchema } from './tool-support.ts';
import { resolveInput } from '../src/resolve/resolve-in-document.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    input: z.string().describe('Measured input, e.g. "tickets per day"'),
  }),
);

const outputSchema = zodSchema(
  z.union([
    z.object({
      input: z.string().describe('Input label'),
      unit: z.string().describe('Unit; percent values are fractions'),
      entries: z
        .array(
          z.object({
            month: z.string().describe('Month measured'),
            value: z.number().describe('Value recorded'),
            action: z
              .enum(['recorded', 'set', 'annotated', 'removed'])
              .describe(
                'recorded (a value entered), set (an assumption from this month on), annotated (note/evidence/source changed, same value) or removed (the value was taken out: recordedBy/approvedBy say who removed it)',
              ),
            current: z.boolean().describe('False when a later row replaced or removed it, and for a removal'),
            note: z.string().nullable().describe('Note'),
            evidence: z.string().nullable().describe('Evidence (URL or text)'),
            source: z.string().nullable().describe('Source'),
            recordedBy: z.string().describe('Who proposed it (for a removal: who asked to remove it)'),
            approvedBy: z.string().nullable().describe('Who approved it'),
            recordedAt: z.string().describe('When it was applied'),
          }),
        )
        .describe('Oldest first'),
    }),
    toolErrorSchema,
  ]),
);

/** Read tool: every value ever recorded for an input, replaced ones included. */
export const measurementHistory = (ctx: ToolContext) =>
  tool({
    description: 'Every value ever recorded for one input, replaced and removed ones too, with note, evidence, source, who and when.',
    inputSchema,
    outputSchema,
    execute: async ({ businessCase, scenario, input }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const found = resolveInput(cs.value.scenario, input, { timeSeriesFirst: true });
      if (!found.ok) return toolError(found);
      const rows = ctx.proposals.store.listMeasurements({
        caseId: cs.value.record.key,
        scenario: cs.value.scenario.id,
        useCase: found.value.useCase.id,
        input: found.value.input.key,
      });
      return {
        input: found.value.input.label,
        unit: found.value.input.unit,
        entries: rows.map((r) => ({
          month: r.month,
          value: r.value,
          action: r.action,
          current: r.supersededBy === null && r.action !== 'removed',
          note: r.note,
          evidence: r.evidence,
          source: r.source,
          recordedBy: r.recordedBy,
          approvedBy: r.approvedBy,
          recordedAt: r.recordedAt,
        })),
      };
    },
  });
