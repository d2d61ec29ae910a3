import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, currentMonth, resolveCase, toolError, toolErrorSchema } from './tool-support.ts';
import { getOrDraftQbr, parseQbrAudience, QBR_AUDIENCES, resolveQuarter } from '../src/qbr/index.ts';
import { qbrExcerpt } from './qbr-excerpt.ts';

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    quarter: z.string().optional().describe('e.g. "2026-Q1", "last quarter"; null: the last completed one'),
    audience: z
      .enum(QBR_AUDIENCES)
      .optional()
      .describe('executive-sponsor: outcomes, risks; finance: ROI, payback; champion: metrics, adoption; null: executive-sponsor'),
    redraft: z.boolean().optional().describe('A new version even if one is saved'),
  }),
);

const outputSchema = zodSchema(
  z.union([
    z.object({
      draftId: z.number().describe("The saved draft's id"),
      caseId: z.string().describe('Business case id'),
      businessCase: z.string().describe('Business case name'),
      quarter: z.string().describe('The quarter, YYYY-Qn'),
      audience: z.enum(QBR_AUDIENCES).describe('Who the draft is written for'),
      version: z.number().describe('Draft version (1, 2, ...) for this case, quarter and audience'),
      created: z.boolean().describe('True when this call wrote it; false when it is the saved latest version'),
      stale: z.boolean().describe('True when the figures changed since the saved draft was written: offer to redraft'),
      grounded: z.boolean().describe("True when every number matches the engine's facts"),
      unverified: z.array(z.string()).describe('Numbers that match no fact; they are marked "⚠ … (unverified)" in the draft'),
      asOf: z.string().describe('Month the figures are as of'),
      writer: z.string().describe('What wrote it: "template" (offline) or the language model'),
      excerpt: z.string().describe("The start of the draft's first paragraph; the draft itself is saved and shown to the person by the door"),
    }),
    toolErrorSchema,
  ]),
);

/**
 * Read-ish tool: the QBR narrative for a quarter and audience. Returns the latest saved draft,
 * or drafts one from the engine's facts, checks every number against them and saves it as
 * the next version. It returns the draft by reference (id, version, an excerpt), never its
 * text: the model has no checked number to re-type, and the door shows the saved draft
 * (`turnQbrDrafts` in `src/app`). A draft is not business data (no figure changes), so no approval is needed.
 * The writer is `ctx.qbrModel` (the door's language model), else the deterministic offline
 * template (grounded by construction).
 */
export const draftQbr = (ctx: ToolContext) =>
  tool({
    description:
      'Draft the QBR of a business case for a quarter and audience, or fetch the saved draft. Its numbers are checked against the engine. The person is shown the saved draft: do not retype it.',
    inputSchema,
    outputSchema,
    execute: async ({ businessCase, quarter, audience, redraft }, options) => {
      const c = resolveCase(ctx, businessCase);
      if (!c.ok) return toolError(c);
      const q = resolveQuarter(quarter, currentMonth(ctx));
      if (!q.ok) return toolError(q);
      const who = audience === undefined ? 'executive-sponsor' : parseQbrAudience(audience);
      if (!who) return { error: `'${audience}' is not an audience I know`, candidates: [...QBR_AUDIENCES] };
      const r = await getOrDraftQbr(ctx.proposals, {
        caseId: c.value.key,
        quarter: q.value,
        audience: who,
        fresh: redraft === true,
        model: ctx.qbrModel ?? null,
        requestedBy: ctx.actor,
        ...(options?.abortSignal ? { abortSignal: options.abortSignal } : {}),
      });
      if (!r.ok) return { error: r.error.message };
      const d = r.value.draft;
      return {
        draftId: d.id,
        caseId: c.value.id,
        businessCase: c.value.name,
        quarter: d.quarter,
        audience: d.audience,
        version: d.version,
        created: r.value.created,
        stale: r.value.stale,
        grounded: d.grounded,
        unverified: d.unverified,
        asOf: d.asOf,
        writer: d.writer,
        excerpt: qbrExcerpt(d.markdown),
      };
    },
  });
