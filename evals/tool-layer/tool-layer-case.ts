/**
 * The format of a tool-layer case (`evals/tool-layer/cases/*.json`, one per file, named
 * `<id>.json`): a starting document and clock, then turns, each with what the person says,
 * the scripted model's replies for that turn (`script.ts`) and what must come of it. Strict:
 * a misspelt expectation is an error when the cases load. See `docs/evals.md` ("Tool layer").
 */
import { z } from 'zod';
import { loadCases } from '../load-cases.ts';
import { TOOL_NAMES } from '../agent/agent-case.ts';

/** The tool-layer rules the cases are grouped by. */
export const TOOL_LAYER_RULES = ['ambiguity', 'plausibility', 'duplicate', 'step-limit', 'closing', 'strict-form', 'qbr-reference'] as const;

const replySchema = z.union([
  z.strictObject({ toolCalls: z.array(z.strictObject({ name: z.enum(TOOL_NAMES), arguments: z.record(z.string(), z.unknown()) })).min(1) }),
  z.strictObject({ content: z.string() }),
]);

const resultExpectation = z.strictObject({
  /** Some result of this tool in the turn must match every field below. */
  tool: z.enum(TOOL_NAMES),
  /** Its error contains this (case-insensitive). */
  error: z.string().min(1).optional(),
  /** Its candidates include each of these (substrings, case-insensitive). */
  candidatesInclude: z.array(z.string().min(1)).optional(),
  /** Its `warnings` (a proposal's plausibility flags) include each of these (substrings, case-insensitive). */
  warningsInclude: z.array(z.string().min(1)).optional(),
  /** It is a proposal returned as already pending in the thread. */
  alreadyPending: z.literal(true).optional(),
  /** Fields it must not have (e.g. a draft's `markdown`). */
  absent: z.array(z.string().min(1)).optional(),
  /** Fields it must have. */
  present: z.array(z.string().min(1)).optional(),
  /** Texts its JSON must contain (case-insensitive), e.g. the input a proposal's preview names. */
  outputIncludes: z.array(z.string().min(1)).optional(),
  /** Texts its JSON must not contain (case-insensitive), e.g. the input a fuzzy match would have picked. */
  outputExcludes: z.array(z.string().min(1)).optional(),
});

const turnSchema = z.strictObject({
  user: z.string().min(1),
  /** The model's replies in this turn, call by call; the last repeats. */
  script: z.array(replySchema).min(1),
  expect: z.strictObject({
    /** New proposals made in the turn (default 0). */
    proposals: z.number().int().min(0).optional(),
    /** Model calls the turn took. */
    modelCalls: z.number().int().min(1).optional(),
    /** The reply: `{{proposal}}` stands for the case's latest pending proposal's id. */
    reply: z.strictObject({ includes: z.array(z.string().min(1)).optional(), matches: z.string().min(1).optional() }).optional(),
    results: z.array(resultExpectation).optional(),
  }),
});

export const toolLayerCaseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case'),
    rule: z.enum(TOOL_LAYER_RULES),
    description: z.string().min(1),
    document: z.enum(['presales', 'demo']),
    clock: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'),
    turns: z.array(turnSchema).min(1),
    /** Pending proposals at the end. */
    after: z.strictObject({ pending: z.number().int().min(0) }),
  })
  .superRefine((c, ctx) => {
    const said = new Set<string>();
    c.turns.forEach((t, i) => {
      if (said.has(t.user))
        ctx.addIssue({ code: 'custom', message: 'each turn says something else (the script is keyed by the message)', path: ['turns', i, 'user'] });
      said.add(t.user);
    });
  });

/** One tool-layer case. */
export type ToolLayerCase = z.infer<typeof toolLayerCaseSchema>;

/** The directory of the committed cases. */
export const TOOL_LAYER_CASES_DIR = new URL('./cases/', import.meta.url);

/** Loads and validates every case of a directory (see `loadCases`). */
export function loadToolLayerCases(dir: URL = TOOL_LAYER_CASES_DIR): Promise<ToolLayerCase[]> {
  return loadCases(dir, toolLayerCaseSchema, 'evals/tool-layer/cases');
}
