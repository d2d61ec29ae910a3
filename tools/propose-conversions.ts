import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { suggestConversions, type ConvertCalculation } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, scenarioField, toolError } from './tool-support.ts';
import { resolveCalculation, resolveInput } from '../src/resolve/resolve-in-document.ts';

const conversion = z.object({
  calculation: z.string(),
  metric: z.string().optional().describe('Metric to track, e.g. "Avg. Tickets per Day"'),
  baseline: z.number().optional().describe('Baseline value, when no input holds it'),
  baselineInput: z.string().optional(),
  percentInput: z.string().optional().describe('Percentage input it replaces'),
  direction: z.enum(['increase', 'decrease']).optional().describe('increase: higher is better'),
  unit: z.string().optional(),
});

function keyFor(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'm_$1') || 'metric';
  let key = base;
  for (let n = 2; taken.has(key) || taken.has(`${key}_baseline`); n++) key = `${base}_${n}`;
  return key;
}

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    conversions: z.array(conversion).min(1).describe('Calculations to convert'),
  }),
);

/** Propose tool: one or several "baseline x % improvement" calculations become monthly tracking. */
export const proposeConversions = (ctx: ToolContext) =>
  tool({
    description:
      'Propose converting "baseline x % improvement" calculations to monthly tracking of a metric (the percentage becomes the target), in one proposal. Null fields take the suggestion.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, conversions }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      const suggestions = suggestConversions(cs.value.doc, s.id);
      if (!suggestions.ok) return { error: suggestions.error.message };
      const operations: ConvertCalculation[] = [];
      for (const c of conversions) {
        const calc = resolveCalculation(s, c.calculation);
        if (!calc.ok) return toolError(calc);
        const { useCase, calculation } = calc.value;
        const hint = suggestions.value.find((x) => x.useCase === useCase.id && x.calculation === calculation.id)!;
        if (hint.status === 'tracked') return { error: `'${calculation.name}' is already tracked monthly` };
        let percentKey = hint.percentInput?.key;
        if (c.percentInput) {
          const p = resolveInput(s, c.percentInput, { useCase: useCase.id });
          if (!p.ok) return toolError(p);
          percentKey = p.value.input.key;
        }
        if (!percentKey)
          return { error: `which input of '${calculation.name}' is the percentage?`, candidates: hint.candidates.percentInput.map((i) => i.label) };
        let baselineKey: string | undefined;
        if (c.baselineInput) {
          const b = resolveInput(s, c.baselineInput, { useCase: useCase.id });
          if (!b.ok) return toolError(b);
          baselineKey = b.value.input.key;
        } else if (c.baseline === undefined) {
          baselineKey = hint.baselineInput?.key;
        }
        if (baselineKey === undefined && c.baseline === undefined) {
          return {
            error: `what is the baseline of the metric for '${calculation.name}'? Give a number or the input that holds it`,
            candidates: hint.candidates.baselineInput.map((i) => i.label),
          };
        }
        const baseInput = baselineKey ? useCase.inputs.find((i) => i.key === baselineKey) : undefined;
        const taken = new Set([...useCase.inputs.map((i) => i.key), ...operations.filter((o) => o.useCase === useCase.id).map((o) => o.metric.key)]);
        const label = c.metric ?? hint.metric?.label;
        if (!label) return { error: `which metric should '${calculation.name}' track monthly? Give its label, e.g. "Avg. Tickets per Day"` };
        const key = hint.metric && hint.metric.label === label && !taken.has(hint.metric.key) ? hint.metric.key : keyFor(label, taken);
        operations.push({
          op: 'convertCalculation',
          scenario: s.id,
          useCase: useCase.id,
          calculation: calculation.id,
          percentInput: percentKey,
          metric: { key, label, unit: c.unit ?? baseInput?.unit ?? hint.metric?.unit ?? '' },
          ...(baselineKey ? { baselineInput: baselineKey } : { baseline: c.baseline! }),
          direction: c.direction ?? hint.direction,
        });
      }
      return proposeOperations(ctx, cs.value.record, operations);
    },
  });
