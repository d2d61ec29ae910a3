import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { matchName } from '../src/resolve/match-name.ts';
import type { ToolContext } from './tool-context.ts';

const inputSchema = zodSchema(
  z.object({
    query: z.string().optional().describe('Name or customer, e.g. "Delta"; null: all'),
  }),
);

const outputSchema = zodSchema(
  z.object({
    businessCases: z
      .array(
        z.object({
          id: z.string().describe('Business case id'),
          name: z.string().describe('Business case name'),
          customer: z.string().describe('Customer'),
          version: z.number().describe('Document version (bumps on every approved change)'),
        }),
      )
      .describe('Matching business cases'),
  }),
);

/** Read tool: the workspace's business cases, optionally those matching a name or customer. */
export const findBusinessCases = (ctx: ToolContext) =>
  tool({
    description: 'Find business cases by name or customer.',
    inputSchema,
    outputSchema,
    execute: async ({ query }) => {
      const all = ctx.proposals.store.listCases(ctx.workspaceId);
      let found = all;
      if (query?.trim()) {
        const m = matchName(all, query, (c) => [c.id, c.name, c.customer]);
        found = m.kind === 'match' ? [m.item] : m.kind === 'ambiguous' ? m.candidates : [];
      }
      return { businessCases: found.map((c) => ({ id: c.id, name: c.name, customer: c.customer, version: c.version })) };
    },
  });
