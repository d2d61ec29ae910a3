import { zodSchema } from 'ai';
import { z } from 'zod';
import type { CaseRecord, ProposalRecord } from '../db/store.ts';
import { monthIndex, type BusinessCase, type Figures, type Scenario } from '../src/engine/index.ts';
import { monthOf } from '../src/proposals/index.ts';
import { proposeOnce } from '../src/proposals/propose-once.ts';
import { resolveCase as resolveCaseIn } from '../src/resolve/resolve-case.ts';
import { resolveMonth } from '../src/resolve/resolve-month.ts';
import { resolveScenario } from '../src/resolve/resolve-in-document.ts';
import type { AppError } from '../src/errors/outcome.ts';
import type { Resolved } from '../src/resolve/resolution.ts';
import type { ToolContext } from './tool-context.ts';

/** What a tool returns when it cannot do what was asked: readable by the model, with candidates to offer. */
export const toolErrorSchema = z.object({
  error: z.string().describe('What went wrong, in words to relay to the person'),
  candidates: z.array(z.string()).optional().describe('Possible meanings to offer the person when a name was ambiguous or unknown'),
});
export type ToolError = z.infer<typeof toolErrorSchema>;

/** Turns a failed resolution (or any failed outcome) into a tool error: its message, and the candidates when there are any. */
export function toolError(r: { error: AppError }): ToolError {
  return r.error.candidates ? { error: r.error.message, candidates: r.error.candidates } : { error: r.error.message };
}

/**
 * The field every tool that works on one business case takes: its name, customer or id;
 * absent (null) means the only one. Undescribed on purpose: the system prompt says it once
 * for every tool ("Tool fields"), which saves its words in 15 schemas.
 */
export const businessCaseField = z.string().optional();

/** The scenario field of tools that change tracking data; absent (null) means the realization scenario (said once in the system prompt). */
export const scenarioField = z.string().optional();

/** The current month in the context's clock. */
export function currentMonth(ctx: ToolContext): string {
  return monthOf(ctx.proposals.now());
}

/** Finds the business case a person named among the context's workspace's cases (`src/resolve/resolve-case.ts`). */
export function resolveCase(ctx: ToolContext, name: string | undefined): Resolved<CaseRecord> {
  return resolveCaseIn(ctx.proposals.store, ctx.workspaceId, name);
}

/** Resolves the case and one of its scenarios in one go. */
export function resolveCaseScenario(
  ctx: ToolContext,
  caseName: string | undefined,
  scenarioName: string | undefined,
  prefer: 'realization' | 'future' = 'realization',
): Resolved<{ record: CaseRecord; doc: BusinessCase; scenario: Scenario }> {
  const c = resolveCase(ctx, caseName);
  if (!c.ok) return c;
  const s = resolveScenario(c.value.document, scenarioName, prefer);
  if (!s.ok) return s;
  return { ok: true, value: { record: c.value, doc: c.value.document, scenario: s.value } };
}

/**
 * Resolves a month phrase against the clock and, when given, a scenario's window; a bare
 * month name leans to the past (measurements) unless `lean` is 'future' (plans), or with
 * 'nearest' is the closer of the two (a change "from June on": said in November, the June
 * just past; "from December on", the coming one), the past one on a tie.
 */
export function resolveMonthIn(ctx: ToolContext, text: string, scenario?: Scenario, lean: 'past' | 'future' | 'nearest' = 'past'): Resolved<string> {
  const current = currentMonth(ctx);
  const window = scenario ? { start: scenario.start, months: scenario.months } : undefined;
  const r = resolveMonth(text, current, window, lean === 'future' ? 'future' : 'past');
  if (!r.ok || lean !== 'nearest') return r;
  const later = resolveMonth(text, current, window, 'future');
  const distance = (m: string): number => Math.abs(monthIndex(m) - monthIndex(current));
  return later.ok && distance(later.value) < distance(r.value) ? later : r;
}

/** The engine's headline figures before or after a change, as tools and the proposal view carry them. */
export const figuresSchema = z.object({
  total: z.number().describe('Total benefit over the scenario window'),
  realizedToDate: z.number().nullable().describe('Realized benefit up to this month (null in a future scenario)'),
  measuredToDate: z.number().nullable().describe('Part of realized benefit backed by measurements'),
  assumedToDate: z.number().nullable().describe('Part of realized benefit that rests on assumptions'),
  useCases: z
    .array(
      z.object({
        id: z.string().describe('Use case id'),
        name: z.string().describe('Use case name'),
        total: z.number().describe('Use case total benefit'),
        realizedToDate: z.number().nullable().describe('Use case realized benefit to date'),
      }),
    )
    .describe('Per use case figures'),
});

/** What every propose tool returns: the pending proposal and the engine's before/after figures. */
export const proposalOutputSchema = z.object({
  proposalId: z.string().describe('The id a person uses to approve or reject this proposal'),
  businessCase: z.string().describe('Business case name'),
  status: z.literal('pending').describe('Always pending: nothing has changed until a person approves'),
  currency: z.string().describe('Currency of all money figures'),
  scenario: z.string().describe('Scenario the figures are for'),
  asOf: z.string().describe('Month the to-date figures are as of'),
  changes: z.array(z.string()).describe('What will change, line by line, as the engine describes it'),
  before: figuresSchema.nullable().describe('Figures before the change (null for a new scenario)'),
  after: figuresSchema.describe('Figures after the change'),
  alreadyPending: z
    .literal(true)
    .optional()
    .describe('Present when the same proposal was already pending in this thread: that one is returned, no twin is made'),
  warnings: z
    .array(z.string())
    .optional()
    .describe('Present when a value looks implausible (a negative count, 10x away from the last measurement): tell the person before they approve'),
});
export type ProposalOutput = z.infer<typeof proposalOutputSchema>;

/** The schema of a propose tool's result: the proposal, or an error. */
export const proposeResultSchema = zodSchema(z.union([proposalOutputSchema, toolErrorSchema]));

/** Summarises a stored proposal for the model and the doors. */
export function proposalOutput(record: CaseRecord, p: ProposalRecord): ProposalOutput {
  const first = p.preview[0]!;
  const last = p.preview[p.preview.length - 1]!;
  return {
    proposalId: p.id,
    businessCase: record.name,
    status: 'pending',
    currency: record.document.currency,
    scenario: last.scenario,
    asOf: p.asOf,
    changes: p.preview.flatMap((s) => s.changes),
    before: (first.scenario === last.scenario ? first.before : null) as Figures | null,
    after: last.after,
    ...(p.warnings.length > 0 ? { warnings: p.warnings } : {}),
  };
}

/**
 * Stores a proposal of `operations` on a case (one the tool found in its workspace) through
 * `src/proposals` (which dry-runs them in the engine); returns the preview, or the engine's
 * refusal as a readable error. The same proposal already pending in the thread is returned
 * instead of a twin (`proposeOnce`), marked `alreadyPending`.
 */
export function proposeOperations(ctx: ToolContext, record: CaseRecord, operations: unknown[]): ProposalOutput | ToolError {
  const r = proposeOnce(ctx.proposals, {
    caseId: record.key,
    operations,
    proposedBy: ctx.actor,
    channel: ctx.channel,
    thread: ctx.thread,
  });
  if (!r.ok) return { error: r.error.message };
  const out = proposalOutput(record, r.value.proposal);
  return r.value.existing ? { ...out, alreadyPending: true } : out;
}
