/**
 * The format of an agent-flow case (`evals/agent/cases/*.json`, one per file, named
 * `<id>.json`): a starting document, a fixed clock month, the person's turns, and what must
 * happen: the tools called, the operations of the proposals they make (after name
 * resolution), the QBR drafts, which proposals a person approves, and the data afterwards.
 * Strict: a misspelt expectation is an error when the cases load, never a skipped check.
 * See `docs/evals.md` ("Agent flows") for the format in prose.
 */
import { z } from 'zod';
import { loadCases } from '../load-cases.ts';
import { calculationCaseSchema } from '../calculation/calculation-case.ts';
import type { ToolName } from '../../tools/index.ts';

/** Every tool the agent has (a case naming another one is a typo). */
export const TOOL_NAMES = [
  'findBusinessCases',
  'showBusinessCase',
  'valueSummary',
  'measurementHistory',
  'suggestConversions',
  'listPendingProposals',
  'proposeRealizationScenario',
  'proposeConversions',
  'proposeSplit',
  'proposeMeasurements',
  'proposeMonthlyValues',
  'proposeTrackMetric',
  'proposeInputValue',
  'proposeMilestone',
  'proposeLockMonths',
  'draftQbr',
] as const satisfies readonly ToolName[];

/** The tasks the cases are grouped by (the report counts cases per task). */
export const TASKS = ['create-scenario', 'convert', 'split', 'measurements', 'notes-milestones', 'qbr'] as const;
export type Task = (typeof TASKS)[number];

/** The starting documents: `examples/delta-corp-presales.json` and `examples/delta-corp.json`. */
export const DOCUMENTS = { presales: 'delta-corp-presales.json', demo: 'delta-corp.json' } as const;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter YYYY-Qn');
/** An expectation object for the subset matcher (`match.ts`). */
const subset = z.record(z.string(), z.unknown());

const qbrExpectationSchema = z.strictObject({
  /** The quarter the draft is for, resolved (`YYYY-Qn`). */
  quarter,
  audience: z.enum(['executive-sponsor', 'finance', 'champion']),
  /** The draft's version (1 for the first draft of that quarter and audience). */
  version: z.number().int().min(1).optional(),
  /** Hand-computed figures the draft must state (any rounding the text uses). */
  states: z.array(z.number()).optional(),
});

const turnExpectationSchema = z.strictObject({
  /** Tools that must be called in this turn (others may be called too, e.g. a lookup first). */
  tools: z.array(z.enum(TOOL_NAMES)).optional(),
  /**
   * The operations of every proposal this turn makes, in order, each matched as a subset
   * (`match.ts`). Default `[]`: the turn must make no proposal.
   */
  operations: z.array(subset).optional(),
  /** A QBR draft this turn must return (grounding is always checked for every draft). */
  qbr: qbrExpectationSchema.optional(),
});

const turnSchema = z.strictObject({
  /** What the person says. */
  user: z.string().min(1),
  expect: turnExpectationSchema.optional(),
  /**
   * After the turn (and its checks), a person approves: `true` the proposals this turn made,
   * or a list of turn numbers (1-based, up to this one) whose proposals to approve.
   */
  approve: z.union([z.literal(true), z.array(z.number().int().min(1))]).optional(),
});

const afterSchema = z.strictObject({
  /** The case's version at the end (1 = nothing was ever applied; setup approvals count). */
  version: z.number().int().min(1),
  /** Proposals still pending at the end (default: not checked). */
  pending: z.number().int().min(0).optional(),
  /** The summary to compute at the end, as in the calculation cases. */
  query: calculationCaseSchema.shape.query,
  /** Expected figures and document, in the calculation cases' format (`docs/evals.md`). */
  expect: calculationCaseSchema.shape.expect,
  /** The measurement history rows the conversation's approved proposals wrote, in order (subset match). */
  history: z.array(subset).optional(),
  /** The realization scenario's milestones, in order (subset match: free text may use `$includes`). */
  milestones: z.array(subset).optional(),
});

export const agentCaseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case'),
    task: z.enum(TASKS),
    description: z.string().min(1),
    /** The starting document. */
    document: z.enum(['presales', 'demo']),
    /** The month the clock is fixed in (the 15th, noon UTC): "last month", `asOf`, quarters resolve against it. */
    clock: month,
    /** Operations an admin proposed and approved before the conversation (optional). */
    setup: z.array(subset).optional(),
    turns: z.array(turnSchema).min(1),
    after: afterSchema,
    /** The hand computation behind every expected figure, line by line. */
    arithmetic: z.array(z.string().min(1)).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.after.expect !== undefined && c.after.query === undefined) {
      ctx.addIssue({ code: 'custom', message: 'after.query (at least asOf) is required with after.expect', path: ['after', 'query'] });
    }
    c.turns.forEach((t, i) => {
      if (Array.isArray(t.approve) && t.approve.some((n) => n > i + 1)) {
        ctx.addIssue({ code: 'custom', message: `turn ${i + 1} approves the proposals of a later turn`, path: ['turns', i, 'approve'] });
      }
    });
  });

/** One agent-flow case. */
export type AgentCase = z.infer<typeof agentCaseSchema>;
export type AgentTurnSpec = AgentCase['turns'][number];

/** The directory of the committed cases. */
export const AGENT_CASES_DIR = new URL('./cases/', import.meta.url);

/**
 * Loads and validates every `*.json` case of a directory, sorted by file name. Throws on the
 * first malformed file, naming it, or a file not named `<id>.json`.
 */
export function loadAgentCases(dir: URL = AGENT_CASES_DIR): Promise<AgentCase[]> {
  return loadCases(dir, agentCaseSchema, 'evals/agent/cases');
}
