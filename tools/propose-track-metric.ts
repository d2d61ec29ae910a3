import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { parseFormula, references } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, scenarioField, toolError } from './tool-support.ts';
import { resolveCalculation, resolveInput } from '../src/resolve/resolve-in-document.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    input: z.string().describe('Input to measure, e.g. "deflection rate"'),
    calculation: z.string().optional().describe('Calculation it drives; null: the one using it'),
  }),
);

/**
 * Propose tool: a calculation starts being measured through one of its inputs directly
 * (`trackMetric`), e.g. a deflection rate, without a "baseline x %" conversion. The input
 * becomes the calculation's metric; the calculation claims nothing until it is measured.
 * Without a calculation named, the one calculation of the input's use case whose formula
 * uses it and that has no metric yet; several: the person is asked, with the candidates.
 */
export const proposeTrackMetric = (ctx: ToolContext) =>
  tool({
    description: "Propose measuring an input directly as its calculation's metric (e.g. a deflection rate).",
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, input, calculation }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      const found = resolveInput(s, input);
      if (!found.ok) return toolError(found);
      const { useCase, input: inp } = found.value;
      const uses = useCase.calculations.filter((c) => {
        const parsed = parseFormula(c.formula);
        return parsed.ok && references(parsed.ast).includes(inp.key);
      });
      // A calculation has one metric: those that have one already are not candidates.
      const free = uses.filter((c) => c.metric === undefined);
      let calc = free.length === 1 ? free[0] : undefined;
      if (calculation !== undefined) {
        const named = resolveCalculation(s, calculation, useCase.id);
        if (!named.ok) return toolError(named);
        calc = named.value.calculation;
      } else if (uses.length === 0) {
        return { error: `no calculation of '${useCase.name}' uses '${inp.label}'` };
      } else if (free.length === 0) {
        return { error: `every calculation using '${inp.label}' already has a metric`, candidates: uses.map((c) => `${c.name} (${c.id}): ${c.metric}`) };
      } else if (free.length > 1) {
        return { error: `several calculations use '${inp.label}': which one should it be the metric of?`, candidates: free.map((c) => `${c.name} (${c.id})`) };
      }
      if (calc!.metric === inp.key) return { error: `'${calc!.name}' already measures '${inp.label}'` };
      return proposeOperations(ctx, cs.value.record, [{ op: 'trackMetric', scenario: s.id, useCase: useCase.id, calculation: calc!.id, input: inp.key }]);
    },
  });
