/**
 * The format of the phrasings suite's cases (`evals/phrasings/cases/<intent>.json`, one file
 * per intent, many cases each): what a busy person types, turn by turn, the data set it runs
 * on, and what should come of it: proposals (their engine operations, after name
 * resolution, subset-matched with exact months and values) or an answer (a question, a
 * refusal, words the reply must contain, tool results). Strict: a misspelt field, an
 * operation field the engine does not have, or a month that is not `YYYY-MM` is an error
 * naming the file, the case and the field. See `docs/evals.md` ("Phrasings suite").
 */
import { readdir, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { OPERATION_SCHEMAS } from '../../src/engine/index.ts';
import { TOOL_NAMES } from '../agent/agent-case.ts';

/** The intents of issue 11, one case file each (`chit-chat`: messages that ask for nothing). */
export const INTENTS = [
  'create',
  'convert',
  'track-metric',
  'split',
  'record',
  'correct',
  'remove',
  'annotate',
  'assumption',
  'milestone',
  'lock',
  'summary',
  'history',
  'pending',
  'show-case',
  'qbr',
  'help',
  'chit-chat',
] as const;
export type Intent = (typeof INTENTS)[number];

type OperationName = keyof typeof OPERATION_SCHEMAS;

/**
 * The fields an expected operation must name, per operation: the ones that decide what
 * changes (a scenario, an input, a month, a value). Free text (names, notes) may be left out
 * or matched with `$includes`.
 */
export const KEY_FIELDS: Readonly<Record<OperationName, readonly string[]>> = {
  createRealizationScenario: ['from', 'start', 'months'],
  convertCalculation: ['scenario', 'useCase', 'calculation', 'percentInput', 'direction'],
  splitCalculation: ['scenario', 'useCase', 'calculation', 'parts'],
  recordMeasurement: ['scenario', 'useCase', 'input', 'month', 'value'],
  enableMonthlyValues: ['scenario', 'useCase', 'input'],
  setInput: ['scenario', 'useCase', 'input', 'value', 'from'],
  addMilestone: ['scenario', 'name'],
  updateMilestone: ['scenario', 'id'],
  lockMonths: ['scenario', 'through'],
  removeMeasurement: ['scenario', 'useCase', 'input', 'month'],
  annotateMeasurement: ['scenario', 'useCase', 'input', 'month'],
  trackMetric: ['scenario', 'useCase', 'calculation', 'input'],
};

/** Fields that hold a month (but `from` of createRealizationScenario is a scenario): given exactly, or `null` for absent. */
const MONTH_FIELDS = new Set(['month', 'from', 'through', 'start', 'targetMonth', 'achievedMonth']);
/** Fields whose text a model may word its own way: a string, or `{ "$includes": "…" }`. */
const FREE_TEXT_FIELDS = new Set(['name', 'note', 'evidence', 'source']);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const isIncludes = (v: unknown): boolean =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)['$includes'] === 'string';

/** The problems of one expected operation, as [path, message] pairs (empty: fine). */
function operationProblems(op: Record<string, unknown>): Array<[Array<string | number>, string]> {
  const name = op['op'];
  if (typeof name !== 'string' || !Object.hasOwn(OPERATION_SCHEMAS, name)) {
    return [[['op'], `unknown operation ${JSON.stringify(name ?? null)}; expected one of ${Object.keys(OPERATION_SCHEMAS).join(', ')}`]];
  }
  const fields = Object.keys((OPERATION_SCHEMAS[name as OperationName] as unknown as { shape: Record<string, unknown> }).shape);
  const problems: Array<[Array<string | number>, string]> = [];
  for (const [field, value] of Object.entries(op)) {
    if (!fields.includes(field)) {
      problems.push([[field], `${name} has no field '${field}' (fields: ${fields.filter((f) => f !== 'op').join(', ')})`]);
      continue;
    }
    const isMonthField = MONTH_FIELDS.has(field) && !(name === 'createRealizationScenario' && field === 'from');
    if (isMonthField && value !== null && (typeof value !== 'string' || !MONTH.test(value)))
      problems.push([[field], 'must be a month YYYY-MM (or null: absent)']);
    if ((field === 'value' || field === 'months' || field === 'baseline') && value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
      problems.push([[field], 'must be a number']);
    if (isIncludes(value) && !FREE_TEXT_FIELDS.has(field))
      problems.push([[field], `'$includes' is only for free text (${[...FREE_TEXT_FIELDS].join(', ')}); give '${field}' exactly`]);
  }
  for (const field of KEY_FIELDS[name as OperationName]) {
    if (!Object.hasOwn(op, field)) problems.push([[field], `an expected ${name} must name '${field}' (use null for "absent")`]);
  }
  if (name === 'convertCalculation' && !Object.hasOwn(op, 'baselineInput') && !Object.hasOwn(op, 'baseline')) {
    problems.push([['baselineInput'], 'an expected convertCalculation must name its baseline: baselineInput or baseline']);
  }
  if (name === 'splitCalculation' && Array.isArray(op['parts'])) {
    op['parts'].forEach((p, i) => {
      if (p === null || typeof p !== 'object' || typeof (p as Record<string, unknown>)['metric'] !== 'string')
        problems.push([['parts', i, 'metric'], 'each expected part must name its metric']);
    });
  }
  return problems;
}

const expectedOperationSchema = z.record(z.string(), z.unknown()).superRefine((op, ctx) => {
  for (const [path, message] of operationProblems(op)) ctx.addIssue({ code: 'custom', message, path });
});

/** Words the reply must contain: a string, or a list of alternatives (any one will do). Case is ignored. */
const mentionSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const expectationSchema = z
  .strictObject({
    /** The proposals the conversation must make (all turns together, in any order); none besides. */
    proposals: z.array(expectedOperationSchema).min(1).optional(),
    /** Other acceptable sets of proposals (e.g. setInput from a month, or enableMonthlyValues then recordMeasurement). */
    or: z.array(z.array(expectedOperationSchema).min(1)).min(1).optional(),
    /** The last reply asks the person something (contains a question mark). */
    asks: z.literal(true).optional(),
    /** The last reply refuses clearly or asks (the right answer is "no"). */
    refuses: z.literal(true).optional(),
    /** Words the last reply must contain (each item: a string, or alternatives). */
    mentions: z.array(mentionSchema).min(1).optional(),
    /** Tools the last turn must have called, each with a result matching `output` (subset match). */
    results: z
      .array(z.strictObject({ tool: z.enum(TOOL_NAMES), output: z.record(z.string(), z.unknown()).optional() }))
      .min(1)
      .optional(),
    /** Nothing to propose and nothing in particular to say: any reply without a proposal passes. */
    noProposal: z.literal(true).optional(),
  })
  .superRefine((e, ctx) => {
    if (Object.keys(e).length === 0)
      ctx.addIssue({ code: 'custom', message: 'say what should happen: proposals, asks, refuses, mentions, results or noProposal', path: [] });
    if (e.or && !e.proposals) ctx.addIssue({ code: 'custom', message: "'or' gives alternatives to 'proposals', which is missing", path: ['or'] });
    if (e.noProposal && (e.proposals || e.asks || e.refuses || e.mentions || e.results))
      ctx.addIssue({ code: 'custom', message: "'noProposal' stands alone", path: ['noProposal'] });
    if (e.asks && e.refuses)
      ctx.addIssue({ code: 'custom', message: "give 'asks' or 'refuses', not both ('refuses' already accepts a question)", path: ['refuses'] });
  });

/** What should come of a conversation. */
export type PhrasingExpectation = z.infer<typeof expectationSchema>;

const dataName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a data set of evals/phrasings/datasets/ (its file name without .json)');
const caseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case'),
  /** What the person types: one message, or the turns of a thread in order. */
  say: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'must be a message, or the messages of a thread in order' }),
  /** The data set (default: the file's). */
  data: dataName.optional(),
  /** The clock month (default: the data set's). */
  clock: z.string().regex(MONTH, 'must be a month YYYY-MM').optional(),
  expect: expectationSchema,
  /**
   * For a case whose right answer is "no": the operation a careless agent would propose,
   * which the engine must refuse on the case's data (the suite's tests check it does).
   */
  refusedByEngine: z.record(z.string(), z.unknown()).optional(),
  /** Why this is the right outcome, when it is not obvious. */
  why: z.string().min(1).optional(),
});

const fileSchema = z.strictObject({
  intent: z.enum(INTENTS),
  /** What the file's phrasings are about and where they come from. */
  about: z.string().min(1),
  /** The data set of the file's cases unless a case names another. */
  data: dataName,
  cases: z.array(caseSchema).min(1),
});

/** One phrasing case, with the file's defaults filled in. */
export interface PhrasingCase {
  id: string;
  intent: Intent;
  /** The file it comes from, e.g. `evals/phrasings/cases/record.json`. */
  file: string;
  turns: string[];
  data: string;
  /** The case's own clock; null: the data set's. */
  clock: string | null;
  expect: PhrasingExpectation;
  /** An operation the engine must refuse on the case's data (see the schema), else null. */
  refusedByEngine: Record<string, unknown> | null;
  why: string | null;
}

/** The directory of the committed case files. */
export const PHRASING_CASES_DIR = new URL('./cases/', import.meta.url);

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out === '' ? String(p) : `${out}.${String(p)}`), '');
}

/**
 * Loads and validates every case file of a directory, sorted by file name. Throws on the
 * first problem, naming the file, the case (index and id) and the field: not JSON, a field
 * that does not fit, a file not named `<intent>.json`, an id used twice.
 */
export async function loadPhrasingCases(dir: URL = PHRASING_CASES_DIR, label = 'evals/phrasings/cases'): Promise<PhrasingCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const seen = new Map<string, string>();
  const out: PhrasingCase[] = [];
  for (const file of files) {
    const where = `${label}/${file}`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      // A misspelt field explains a missing one: report unknown fields first.
      const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
      const [top, index] = issue.path;
      const cases = (json as { cases?: unknown }).cases;
      const id = top === 'cases' && typeof index === 'number' && Array.isArray(cases) ? (cases[index] as { id?: unknown } | undefined)?.id : undefined;
      throw new Error(`${where}: ${pathText(issue.path) || '(file)'}${typeof id === 'string' ? ` (case '${id}')` : ''}: ${issue.message}`);
    }
    const group = parsed.data;
    if (`${group.intent}.json` !== file) throw new Error(`${where}: intent '${group.intent}' does not match the file name (expected ${group.intent}.json)`);
    for (const c of group.cases) {
      const other = seen.get(c.id);
      if (other !== undefined) throw new Error(`${where}: case id '${c.id}' is already used in ${other}`);
      seen.set(c.id, where);
      out.push({
        id: c.id,
        intent: group.intent,
        file: where,
        turns: typeof c.say === 'string' ? [c.say] : c.say,
        data: c.data ?? group.data,
        clock: c.clock ?? null,
        expect: c.expect,
        refusedByEngine: c.refusedByEngine ?? null,
        why: c.why ?? null,
      });
    }
  }
  return out;
}
