import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { parseFormula, references } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, scenarioField, toolError } from './tool-support.ts';
import { resolveCalculation, resolveInput } from '../src/resolve/resolve-in-document.ts';

function idFor(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'part';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    calculation: z.string(),
    parts: z
      .array(
        z.object({
          metric: z.string().describe('Input driving this part, e.g. "handle time"'),
          name: z.string().optional().describe('Name; null: from the metric'),
          reference: z.number().optional().describe('Metric value meaning no improvement; null: 0'),
          formula: z.string().optional().describe('Formula (explicit strategy only)'),
        }),
      )
      .min(2)
      .describe('One part per metric'),
    strategy: z.enum(['shapley', 'explicit']).optional().describe('null: shapley'),
  }),
);

/** Propose tool: one calculation becomes single-metric calculations, total preserved to the cent. */
export const proposeSplit = (ctx: ToolContext) =>
  tool({
    description:
      'Propose splitting a calculation into one per metric, every month\'s total kept to the cent: "shapley" shares the benefit fairly, "explicit" uses the formulas given.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, calculation, parts, strategy }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const calc = resolveCalculation(cs.value.scenario, calculation);
      if (!calc.ok) return toolError(calc);
      const { useCase } = calc.value;
      const taken = new Set(useCase.calculations.filter((c) => c.id !== calc.value.calculation.id).map((c) => c.id));
      const resolved = [];
      const parsed = parseFormula(calc.value.calculation.formula);
      const preferKeys = parsed.ok ? references(parsed.ast) : [];
      for (const p of parts) {
        const m = resolveInput(cs.value.scenario, p.metric, { useCase: useCase.id, preferKeys });
        if (!m.ok) return toolError(m);
        const name = p.name ?? `${calc.value.calculation.name}: ${m.value.input.label}`;
        resolved.push({
          id: idFor(`${calc.value.calculation.id}-${m.value.input.key.replace(/_/g, '-')}`, taken),
          name,
          metric: m.value.input.key,
          ...(p.reference !== undefined ? { reference: p.reference } : {}),
          ...(p.formula !== undefined ? { formula: p.formula } : {}),
        });
      }
      return proposeOperations(ctx, cs.value.record, [
        {
          op: 'splitCalculation',
          scenario: cs.value.scenario.id,
          useCase: useCase.id,
          calculation: calc.value.calculation.id,
          parts: resolved,
          strategy: strategy ?? 'shapley',
        },
      ]);
    },
  });
