/**
 * The phrasings scorer: a pure function from what a case expects and what the conversation
 * did to one of four outcomes.
 *
 * - **pass**: exactly the expected proposals (all turns together, any order, each matched
 *   as a subset with exact months and values), no other proposal, and the expected answer
 *   (question, refusal, words, tool results) in a non-empty last reply, with no failed turn;
 * - **wrong**: a proposal that matches no expected one: a wrong operation, scenario, use
 *   case, calculation, input, month or value, or any proposal where none was expected.
 *   The dangerous class: a number only a careful approver would catch;
 * - **safe**: not a pass and nothing wrong proposed, and the last reply asks the person
 *   something or refuses clearly (a question counts as safe, not as a pass);
 * - **miss**: nothing wrong proposed, but neither what was expected nor a question or
 *   refusal (an irrelevant answer, an empty reply, a failed turn).
 *
 * Free text is not what makes a proposal wrong: a proposal right in every field but a note,
 * evidence, source, a scenario's name or a conversion's metric label is **imprecise**, and a
 * proposal the expected set already has (the same one twice) is **repeated**; neither is
 * wrong, both keep the case from passing. A milestone's name is not free text: it is what
 * the proposal creates.
 */
import type { Failure } from '../suite.ts';
import { matchSubset } from '../agent/match.ts';
import type { PhrasingExpectation } from './phrasing-case.ts';

/** The four outcomes, in the order the report counts them. */
export const OUTCOMES = ['pass', 'safe', 'wrong', 'miss'] as const;
export type PhrasingOutcome = (typeof OUTCOMES)[number];

/** One turn of the conversation, as the scorer needs it. */
export interface PhrasingTurn {
  /** The agent's reply; null when the turn failed. */
  text: string | null;
  /** Why the turn failed, else null. */
  error: string | null;
  /** The operations of the proposals the turn made, in order. */
  operations: unknown[];
  /** The tools' results, in order. */
  results: Array<{ toolName: string; output: unknown }>;
}

/** The scored conversation. */
export interface PhrasingScore {
  outcome: PhrasingOutcome;
  /** Everything that kept it from passing (empty for a pass). */
  failures: Failure[];
  /** The proposed operations that are wrong (empty unless the outcome is `wrong`). */
  wrong: unknown[];
}

const QUESTION = /\?/;
/** A clear "no": the reply says it cannot, does not know the name, or the month is locked. */
const REFUSAL =
  /\b(?:can ?not|can't|couldn't|could not|unable|not able|refus\w*|won't|will not|(?:didn't|did not|don't|do not) understand|not sure|no (?:such|business case|scenario|use case|calculation|input|metric|milestone|measurement|entry|value)s?\b|not found|(?:is|are) locked|already)/i;

/** The reply asks the person something. */
const asks = (text: string): boolean => QUESTION.test(text);
/** The reply asks or clearly refuses. */
const asksOrRefuses = (text: string): boolean => asks(text) || REFUSAL.test(text.replace(/\u2019/g, "'"));

/** A split's parts in metric order, so the order a model lists them in does not matter. */
function normalize(op: unknown): unknown {
  if (op === null || typeof op !== 'object' || Array.isArray(op)) return op;
  const o = op as Record<string, unknown>;
  if (o['op'] !== 'splitCalculation' || !Array.isArray(o['parts'])) return op;
  const key = (p: unknown): string => String((p as Record<string, unknown> | null)?.['metric'] ?? '');
  return { ...o, parts: [...o['parts']].sort((a, b) => key(a).localeCompare(key(b))) };
}

/** The fields of an operation that are free text (left out when deciding whether it is wrong). */
function freeText(op: Record<string, unknown>): string[] {
  const fields = ['note', 'evidence', 'source'];
  if (op['op'] === 'createRealizationScenario') fields.push('name');
  if (op['op'] === 'convertCalculation') fields.push('metric');
  return fields;
}

/** The expectation without its free text: what a proposal must match not to be wrong. */
function keyOf(expected: Record<string, unknown>): Record<string, unknown> {
  const drop = new Set(freeText(expected));
  return Object.fromEntries(Object.entries(expected).filter(([k]) => !drop.has(k)));
}

function matches(expected: unknown, actual: unknown): boolean {
  const failures: Failure[] = [];
  matchSubset(failures, 'op', normalize(expected), normalize(actual));
  return failures.length === 0;
}

/** Where a proposal's free text differs from the expectation's. */
function textDifferences(expected: Record<string, unknown>, actual: unknown): Failure[] {
  const failures: Failure[] = [];
  const fields = freeText(expected).filter((f) => Object.hasOwn(expected, f));
  matchSubset(failures, String(expected['op']), normalize(Object.fromEntries(fields.map((f) => [f, expected[f]]))), normalize(actual));
  return failures;
}

/** How one set of expected operations fits what was proposed. */
interface Fit {
  expected: readonly Record<string, unknown>[];
  /** Expected operations nothing matched. */
  missing: Record<string, unknown>[];
  /** Proposals right but for free text, with where the text differs. */
  imprecise: Failure[];
  /** Proposed operations beyond the matched ones that still match an expected one (repeats). */
  repeated: unknown[];
  /** Proposed operations that match no expected operation. */
  wrong: unknown[];
}

/**
 * A maximum matching of proposed to expected operations on their key fields (augmenting
 * paths; the sets are small), exact matches placed first so free text decides between two
 * proposals that differ only there.
 */
function fit(expected: readonly Record<string, unknown>[], proposed: readonly unknown[]): Fit {
  const exact = proposed.map((p) => expected.map((e) => matches(e, p)));
  const key = proposed.map((p) => expected.map((e) => matches(keyOf(e), p)));
  const owner: Array<number | null> = expected.map(() => null);
  const assign = (edges: boolean[][], p: number, seen: boolean[]): boolean => {
    for (let e = 0; e < expected.length; e++) {
      if (!edges[p]![e] || seen[e]) continue;
      seen[e] = true;
      if (owner[e] === null || assign(edges, owner[e]!, seen)) {
        owner[e] = p;
        return true;
      }
    }
    return false;
  };
  proposed.forEach((_, p) =>
    assign(
      exact,
      p,
      expected.map(() => false),
    ),
  );
  proposed.forEach((_, p) => {
    if (!owner.includes(p))
      assign(
        key,
        p,
        expected.map(() => false),
      );
  });
  const used = new Set(owner.filter((p): p is number => p !== null));
  const unused = proposed.map((op, p) => ({ op, p })).filter(({ p }) => !used.has(p));
  return {
    expected,
    missing: expected.filter((_, e) => owner[e] === null),
    imprecise: owner.flatMap((p, e) => (p === null || exact[p]![e] ? [] : textDifferences(expected[e]!, proposed[p]))),
    repeated: unused.filter(({ p }) => key[p]!.some(Boolean)).map(({ op }) => op),
    wrong: unused.filter(({ p }) => !key[p]!.some(Boolean)).map(({ op }) => op),
  };
}

/** Fewer wrong, then fewer missing, then fewer repeated, then fewer imprecise. */
function better(a: Fit, b: Fit): boolean {
  const rank = (f: Fit): number[] => [f.wrong.length, f.missing.length, f.repeated.length, f.imprecise.length];
  const [x, y] = [rank(a), rank(b)];
  const i = x.findIndex((v, k) => v !== y[k]);
  return i !== -1 && x[i]! < y[i]!;
}

/** A tool result cut to what the expectation names (or its error), for the report. */
function brief(output: unknown, wanted: Record<string, unknown> | undefined): unknown {
  if (output === null || typeof output !== 'object') return output;
  const o = output as Record<string, unknown>;
  if ('error' in o) return { error: o['error'] };
  if (!wanted) return '(a result)';
  return Object.fromEntries(Object.keys(wanted).map((k) => [k, o[k] ?? null]));
}

const clip = (text: string | null): string => (text === null ? '(no reply)' : text.length > 300 ? `${text.slice(0, 300)}…` : text || '(empty reply)');

/** Scores one conversation (see the module comment). Pure. */
export function classifyPhrasing(expect: PhrasingExpectation, turns: readonly PhrasingTurn[]): PhrasingScore {
  const proposed = turns.flatMap((t) => t.operations);
  const sets = expect.proposals ? [expect.proposals, ...(expect.or ?? [])] : [[]];
  const best = sets.map((s) => fit(s, proposed)).reduce((a, b) => (better(b, a) ? b : a));

  const failures: Failure[] = [];
  const expectedText = best.expected.length === 0 ? 'no proposal' : best.expected;
  for (const op of best.wrong) failures.push({ field: 'wrong proposal', expected: expectedText, actual: op });
  for (const op of best.missing) failures.push({ field: 'missing proposal', expected: op, actual: proposed.length === 0 ? 'no proposal' : proposed });
  for (const op of best.repeated) failures.push({ field: 'repeated proposal', expected: 'each proposal once', actual: op });
  for (const f of best.imprecise) failures.push({ ...f, field: `imprecise proposal: ${f.field}` });

  turns.forEach((t, i) => {
    if (t.error !== null) failures.push({ field: `turn ${i + 1} error`, expected: 'the turn completes', actual: t.error });
  });
  const last = turns.at(-1);
  const text = last?.text ?? null;
  const reply = text ?? '';
  if (reply.trim() === '') failures.push({ field: 'reply', expected: 'a reply', actual: clip(text) });
  if (expect.asks && !asks(reply)) failures.push({ field: 'reply', expected: 'a question to the person', actual: clip(text) });
  if (expect.refuses && !asksOrRefuses(reply)) failures.push({ field: 'reply', expected: 'a clear refusal or a question', actual: clip(text) });
  for (const mention of expect.mentions ?? []) {
    const any = typeof mention === 'string' ? [mention] : mention;
    if (!any.some((m) => reply.toLowerCase().includes(m.toLowerCase()))) {
      failures.push({ field: 'reply', expected: `mentions ${any.map((m) => `"${m}"`).join(' or ')}`, actual: clip(text) });
    }
  }
  for (const want of expect.results ?? []) {
    const got = (last?.results ?? []).filter((r) => r.toolName === want.tool);
    const found = got.some((r) => {
      const f: Failure[] = [];
      if (r.output !== null && typeof r.output === 'object' && 'error' in r.output) return false;
      matchSubset(f, want.tool, want.output ?? {}, r.output);
      return f.length === 0;
    });
    if (!found)
      failures.push({
        field: `${want.tool} result`,
        expected: want.output ?? 'a result',
        actual: got.length === 0 ? 'not called' : got.map((r) => brief(r.output, want.output)),
      });
  }

  let outcome: PhrasingOutcome;
  if (best.wrong.length > 0) outcome = 'wrong';
  else if (failures.length === 0) outcome = 'pass';
  else if (asksOrRefuses(reply)) outcome = 'safe';
  else outcome = 'miss';
  return { outcome, failures, wrong: best.wrong };
}
