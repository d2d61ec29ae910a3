import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { Milestone } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import {
  businessCaseField,
  proposeOperations,
  proposeResultSchema,
  resolveCaseScenario,
  resolveMonthIn,
  scenarioField,
  toolError,
  type ToolError,
} from './tool-support.ts';
import { describeMilestone, milestonesLike, resolveMilestone, sameNamedMilestone } from '../src/resolve/resolve-milestone.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: scenarioField,
    milestone: z.string().optional().describe('An existing milestone to change, by name'),
    name: z.string().optional().describe("A new milestone's name, or `milestone`'s new name"),
    targetMonth: z.string().optional().describe('Month it is planned for; "" clears'),
    achievedMonth: z.string().optional().describe('Month it was achieved; "" clears'),
    note: z.string().optional().describe('Context; "" clears'),
  }),
);

type Field = 'targetMonth' | 'achievedMonth' | 'note';

/**
 * The question for a new milestone's name that fits existing ones: it quotes the name as
 * given (the field a picked candidate replaces) and names each existing one with its id and
 * months. A candidate reads "the existing milestone …" so that "the existing one" picks it.
 */
function twinQuestion(name: string, alike: readonly Milestone[]): ToolError {
  const them = alike.length === 1 ? `the existing milestone ${quotedMilestone(alike[0]!)}` : `existing milestones: ${alike.map(quotedMilestone).join('; ')}`;
  return {
    error: `'${name.trim()}' looks like ${them}: to mark or move it, name it; to add a new one, give it a name of its own`,
    candidates: alike.map((m) => `the existing milestone ${describeMilestone(m)}`),
  };
}

/** "'Automation Macros Live' (macros-live, achieved 2026-03)". */
function quotedMilestone(m: Milestone): string {
  const d = describeMilestone(m);
  return `'${m.name}'${d.slice(m.name.length)}`;
}

/**
 * Propose tool: a milestone (a checkpoint explaining why measurements moved), added
 * (`addMilestone`) or changed (`updateMilestone`: marked achieved, moved, renamed). A
 * milestone named with `milestone` is found by name, exact before fuzzy, and an ambiguous
 * name comes back with the candidates. A new `name` that an existing milestone already has
 * (case and spacing aside), or its id, changes that one: reporting "All Teams Onboarded"
 * again never adds a twin. A new `name` that the same resolver fits to existing milestones
 * without being one's name, and that has no word of its own ("Macros live" for "Automation
 * Macros Live"), proposes nothing and asks, naming them as candidates; a name that fits none,
 * or says something they don't ("Portal Relaunch Phase 2"), is added.
 */
export const proposeMilestone = (ctx: ToolContext) =>
  tool({
    description: 'Propose adding a milestone (e.g. "All Teams Onboarded") or changing one (mark achieved, move, rename).',
    inputSchema,
    outputSchema: proposeResultSchema,
    execute: async ({ businessCase, scenario, milestone, name, targetMonth, achievedMonth, note }) => {
      const cs = resolveCaseScenario(ctx, businessCase, scenario);
      if (!cs.ok) return toolError(cs);
      const s = cs.value.scenario;
      let existing: Milestone | undefined;
      if (milestone?.trim()) {
        const found = resolveMilestone(s, milestone);
        if (!found.ok) return toolError(found);
        existing = found.value;
      } else if (name?.trim()) {
        existing = sameNamedMilestone(s, name);
        // A new name that fits an existing milestone without being its name ("Macros live" for
        // "Automation Macros Live") is likely that one said loosely: ask, naming it, rather than
        // add a twin. The answer (its id) comes back as `name` and is that milestone exactly.
        const alike = existing ? [] : milestonesLike(s, name);
        if (alike.length > 0) return twinQuestion(name, alike);
      } else {
        return { error: 'which milestone? Give its name' };
      }
      // Months and note as given; "" clears (null), a month phrase resolves: a target is a
      // plan ("target December" means the next one), an achievement is past.
      const fields: Partial<Record<Field, string | null>> = {};
      for (const [field, text] of [
        ['targetMonth', targetMonth],
        ['achievedMonth', achievedMonth],
      ] as const) {
        if (text === undefined) continue;
        if (text.trim() === '') {
          fields[field] = null;
          continue;
        }
        const m = resolveMonthIn(ctx, text, s, field === 'targetMonth' ? 'future' : 'past');
        if (!m.ok) return toolError(m);
        fields[field] = m.value;
      }
      if (note !== undefined) fields.note = note.trim() === '' ? null : note;

      if (existing) {
        const current = existing;
        const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => (current[k as Field] ?? null) !== v));
        const rename = milestone?.trim() && name?.trim() && name.trim() !== current.name ? { name: name.trim() } : {};
        if (Object.keys(changes).length === 0 && !('name' in rename)) {
          return { error: `milestone ${describeMilestone(current)} already says that; what should change?` };
        }
        return proposeOperations(ctx, cs.value.record, [{ op: 'updateMilestone', scenario: s.id, id: current.id, ...rename, ...changes }]);
      }
      if (!name?.trim()) return { error: 'what is the new milestone called?' };
      const taken = new Set((s.milestones ?? []).map((m) => m.id));
      const base =
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'milestone';
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      const added = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
      return proposeOperations(ctx, cs.value.record, [{ op: 'addMilestone', scenario: s.id, id, name, ...added }]);
    },
  });
