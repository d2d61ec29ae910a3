import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from '../src/agent/tool-context.ts';
import { businessCaseField, proposeOperations, proposeResultSchema, resolveCaseScenario, resolveMonthIn, scenarioField, toolError } from '../src/agent/tool-support.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    name: z.string().describe('Milestone name'),
    targetMonth: z.string().optional().describe('Month it is planned for'),
    achievedMonth: z.string().optional().describe('Month it was achieved'),
    note: z.string().optional().describe('Context'),
  }),
);

/** Propose tool: a milestone (a checkpoint explaining why measurements moved). */
export const proposeMilestone = (ctx: ToolContext) =>
  tool({
    description: 'Propose adding a milestone, e.g. "All Teams Onboarded", with target and/or achieved month.',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, name, targetMonth, achievedMonth, note }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      const months: Record<string, string> = {};
      for (const [field, text] of [['targetMonth', targetMonth], ['achievedMonth', achievedMonth]] as const) {
        if (!text) continue;
        // A target is a plan ("target December" means the next one); an achievement is past.
        const m = resolveMonthIn(ctx, text, s, field === 'targetMonth' ? 'future' : 'past');
        if (!m.ok) return toolError(m);
        months[field] = m.value;
      }
      const taken = new Set((s.milestones ?? []).map((m) => m.id));
      const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'milestone';
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      return proposeOperations(ctx, cs.value.record, [{ op: 'addMilestone', scenario: s.id, id, name, ...months, ...(note ? { note } : {}) }]);
    },
  });
