import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { listPending } from '../src/proposals/index.ts';
import type { ToolContext } from './tool-context.ts';
import { resolveCase, toolError, toolErrorSchema } from './tool-support.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: z.string().optional().describe('Only this business case; null: all'),
  }),
);

const outputSchema = zodSchema(
  z.union([
    z.object({
      proposals: z
        .array(
          z.object({
            proposalId: z.string().describe('Id to approve or reject'),
            businessCase: z.string().describe('Business case id'),
            proposedBy: z.string().describe('Who asked'),
            createdAt: z.string().describe('When'),
            changes: z.array(z.string()).describe('What it would change'),
          }),
        )
        .describe('Pending proposals, oldest first'),
    }),
    toolErrorSchema,
  ]),
);

/** Read tool: proposals waiting for a person's approval. */
export const listPendingProposals = (ctx: ToolContext) =>
  tool({
    description: 'Proposals waiting for approval.',
    inputSchema,
    outputSchema,
    execute: async ({ businessCase }) => {
      let caseId: string | undefined;
      if (businessCase) {
        const c = resolveCase(ctx, businessCase);
        if (!c.ok) return toolError(c);
        caseId = c.value.key;
      }
      const pending = listPending(ctx.proposals, { workspaceId: ctx.workspaceId, ...(caseId ? { caseId } : {}) });
      // A proposal refers to its case by storage key; the model is shown the case's id.
      const ids = new Map(ctx.proposals.store.listCases(ctx.workspaceId).map((c) => [c.key, c.id]));
      return {
        proposals: pending.map((p) => ({
          proposalId: p.id,
          businessCase: ids.get(p.caseId) ?? p.caseId,
          proposedBy: p.proposedBy,
          createdAt: p.createdAt,
          changes: p.preview.flatMap((s) => s.changes),
        })),
      };
    },
  });
