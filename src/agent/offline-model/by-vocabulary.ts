import {
  bestOfKind,
  type CaseVocabulary,
  caseVocabulary,
  type EntitySpan,
  type EntityTarget,
  findEntities,
  type VocabularySource,
} from '../../resolve/case-vocabulary.ts';
import { readMonthPhrase } from '../../resolve/read-month-phrase.ts';
import { tokenizeText } from '../../resolve/tokenize-text.ts';
import type { ToolResultView } from './read-prompt.ts';
import { call, type ConversationContext, defined, type OfflineRequest, reply } from './request.ts';

/*
 * Reading a message against the business case's own vocabulary (`src/resolve/case-vocabulary.ts`).
 * The phrase readers cut names out of a message by their shape; where that reading has no
 * answer (a question back, or a name that is only a number: "change the 22% to 23%"), and the
 * message names a recorded value by its value ("the 158 should be 185", "march was actually
 * 160 not 158", "drop the 22% deflection reading"), the offline model looks the case up first
 * (`showBusinessCase`, read-only), finds the names and values of the message in what the case
 * calls things, and then proposes, asks naming the candidates, or gives the answer it had.
 * A value the case holds for several inputs or months is never picked: it asks.
 */

/** "the 158", "that 22%", "not 158": a value named as a thing. */
const NAMES_A_VALUE = /\b(?:the|that|this|not)\s+[-+]?\d[\d.,]*\s?%?(?![\w/])/i;
/** A change of something recorded. */
const CHANGE = /\b(?:correct(?:ion|ed)?|fix(?:ed)?|should\s+(?:be|have\s+been)|was\s+actually|is\s+actually|actually|wrong|typo|change|instead\s+of|not)\b/i;
/** A removal of something recorded. */
const REMOVE = /\b(?:drop|delete|remove|scrap|discard|throw\s+out|get\s+rid\s+of)\b/i;
/** A split asked for without the shape the phrase readers know ("split X so we track A and B separately"). */
const SPLIT = /^\s*(?:(?:can|could|would)\s+(?:u|you)\s+|pls\s+|please\s+)?split\b/i;

/** Whether the message asks for a split the phrase readers did not understand at all (no question of theirs to keep). */
function splitNotUnderstood(text: string, request: OfflineRequest): boolean {
  return SPLIT.test(text) && request.kind === 'reply' && request.asks === undefined;
}

/** A note on a recorded value named by its value: "add context to the 158: estimated from 3 of 4 weeks". */
const ANNOTATE =
  /^\s*(?:pls\s+|please\s+)?(?:add|put|attach|leave)\s+(?:a\s+|some\s+)?(?:note|context|comment|explanation)\s+(?:to|on|for)\s+(?:the|that)\s+[-+]?\d[\d.,]*\s?%?\s*[:–—-]\s*(?<note>\S.*)$/is;

/** A tool input slot that holds only a number ("22%"): the phrase reader took a value for a name. */
const ONLY_A_NUMBER = /^\s*[-+]?\d[\d.,]*\s*%?\s*$/;

/**
 * The look-up to make first when the message names a recorded value by its value and the
 * phrase readers found no proposal for it; null otherwise (the request stands).
 */
export function lookUpVocabulary(text: string, ctx: ConversationContext, request: OfflineRequest): OfflineRequest | null {
  if (splitNotUnderstood(text, request) || (ANNOTATE.test(text) && request.kind === 'reply')) {
    const lookUp = call('showBusinessCase', defined({ businessCase: ctx.businessCase }));
    return lookUp.kind === 'tools' ? { ...lookUp, byVocabulary: { fallback: request } } : null;
  }
  if (!NAMES_A_VALUE.test(text) || !(CHANGE.test(text) || REMOVE.test(text))) return null;
  if (request.kind === 'tools') {
    if (request.afterwards || request.calls.length !== 1) return null;
    const named = request.calls[0]!.input['input'];
    if (typeof named !== 'string' || !ONLY_A_NUMBER.test(named)) return null;
  }
  const lookUp = call('showBusinessCase', defined({ businessCase: ctx.businessCase }));
  return lookUp.kind === 'tools' ? { ...lookUp, byVocabulary: { fallback: request } } : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const showMonth = (m: string): string => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
const showValue = (m: EntityTarget, percent: boolean): string => (percent ? `${Number(((m.value ?? 0) * 100).toPrecision(12))}%` : String(m.value));

/**
 * The step after the look-up: the message read against the case's vocabulary. A proposal
 * when exactly one recorded value fits (its value, the input named if any, the month named if
 * any); a question naming them when several do; else what the phrase readers made of it
 * (`fallback`). Null when `results` are not the look-up's.
 */
export function completeByVocabulary(text: string, fallback: OfflineRequest, results: readonly ToolResultView[]): OfflineRequest | null {
  if (results.length !== 1 || results[0]!.toolName !== 'showBusinessCase') return null;
  const out = results[0]!.output;
  if (results[0]!.failed || !isRecord(out) || out.error !== undefined || !Array.isArray(out.scenarios)) return fallback;
  const vocabulary = caseVocabulary(out as unknown as VocabularySource);
  const note = ANNOTATE.exec(text);
  if (note && fallback.kind === 'reply') return annotateByVocabulary(text, note, out, vocabulary, fallback);
  const spans = findEntities(text, vocabulary);
  if (splitNotUnderstood(text, fallback)) return splitByVocabulary(out as unknown as ShownCase, spans, fallback);
  const values = spans.filter((s) => s.candidates.every((c) => c.target.kind === 'measurement'));
  if (values.length !== 1) return fallback;
  const value = values[0]!;
  let fits = value.candidates.map((c) => c.target);
  // An input named beside the value narrows it ("the 22% deflection reading").
  const named = new Set(spans.filter((s) => s !== value).flatMap((s) => s.candidates.filter((c) => c.target.kind === 'input').map((c) => c.target.id)));
  if (named.size > 0) fits = fits.filter((m) => named.has(m.id));
  // So does a month ("march was actually 160 not 158"); one the lexicon cannot place is left to the phrase readers.
  const tokens = tokenizeText(text);
  const months = tokens.filter((t) => t.kind === 'month' || t.kind === 'period-end' || t.kind === 'period');
  if (months.length > 1) return fallback;
  if (months.length === 1) {
    const phrase = readMonthPhrase(months[0]!.text);
    if (phrase?.kind !== 'month') return fallback;
    fits = fits.filter((m) => Number(m.month!.slice(5, 7)) === phrase.month && (phrase.year === undefined || Number(m.month!.slice(0, 4)) === phrase.year));
  }
  if (fits.length === 0) return fallback;
  const percent = tokens.some((t) => t.kind === 'number' && t.start === value.start && t.percent);
  if (fits.length > 1) {
    const listed = fits.map((m) => `${m.name} in ${showMonth(m.month!)}`).join(', ');
    return reply(
      `${showValue(fits[0]!, percent)} is recorded more than once: ${listed}. Which one do you mean? Say it with the input and month, e.g. "${fits[0]!.name} ${showMonth(fits[0]!.month!)}: …".`,
    );
  }
  const m = fits[0]!;
  const others = tokens.filter((t) => t.kind === 'number' && !(t.start < value.end && value.start < t.end));
  const businessCase = typeof out.id === 'string' ? out.id : undefined;
  const scenario = m.scenarios[0];
  if (others.length === 0 && REMOVE.test(text)) {
    return call('proposeMeasurements', defined({ businessCase, scenario, measurements: [{ input: m.id, month: m.month!, value: m.value!, remove: true }] }));
  }
  if (others.length !== 1 || REMOVE.test(text)) return fallback;
  const next = others[0]!;
  // The new value is said as the old one is: a percent for a percent ("the 22% to 23%"), a plain number for a plain one.
  if (next.kind !== 'number' || next.percent !== percent || next.value === m.value) return fallback;
  return call('proposeMeasurements', defined({ businessCase, scenario, measurements: [{ input: m.id, month: m.month!, value: next.value }] }));
}

/** What `showBusinessCase` says of a case, as far as a split needs it. */
interface ShownCase {
  id: string;
  scenarios: Array<{
    id: string;
    kind: string;
    useCases: Array<{ id: string; name: string; calculations: Array<{ id: string; name: string; formula: string }> }>;
  }>;
}

/**
 * A split read against the vocabulary: the first name after "split" that is one calculation
 * (or a use case with one calculation) is what is split, and the later names that are each one
 * input of its formula are the parts ("split ticket handling so we track handle time and # of
 * reps separately"). A use case with several calculations asks which, naming them. Anything
 * else: the phrase readers' answer.
 */
function splitByVocabulary(out: ShownCase, spans: readonly EntitySpan[], fallback: OfflineRequest): OfflineRequest {
  const scenario = out.scenarios.find((s) => s.kind === 'realization') ?? out.scenarios[0];
  if (!scenario) return fallback;
  const what = spans.findIndex((s) => bestOfKind(s, 'calculation', 'use-case').length > 0);
  if (what < 0) return fallback;
  const best = bestOfKind(spans[what]!, 'calculation', 'use-case');
  if (best.length !== 1) return fallback;
  let calculation: { id: string; name: string; formula: string } | undefined;
  if (best[0]!.kind === 'use-case') {
    const useCase = scenario.useCases.find((u) => u.id === best[0]!.id);
    if (!useCase || useCase.calculations.length === 0) return fallback;
    if (useCase.calculations.length > 1)
      return reply(
        `${useCase.name} has ${useCase.calculations.length} calculations: ${useCase.calculations.map((c) => c.name).join(', ')}. Which one should I split, and into which metrics?`,
      );
    calculation = useCase.calculations[0];
  } else calculation = scenario.useCases.flatMap((u) => u.calculations).find((c) => c.id === best[0]!.id);
  if (!calculation) return fallback;
  const inFormula = (key: string): boolean => new RegExp(`\\b${key}\\b`).test(calculation!.formula);
  const parts: string[] = [];
  for (const span of spans.slice(what + 1)) {
    // The calculation's own inputs only, then the best of them ("tickets per day" is avg_tickets_per_day in a formula without tickets_per_day).
    const inputs = bestOfKind({ ...span, candidates: span.candidates.filter((c) => c.target.kind === 'input' && inFormula(c.target.id)) }, 'input');
    if (inputs.length !== 1) return fallback;
    if (!parts.includes(inputs[0]!.id)) parts.push(inputs[0]!.id);
  }
  if (parts.length < 2) return fallback;
  return call(
    'proposeSplit',
    defined({ businessCase: out.id, scenario: scenario.id, calculation: calculation.id, parts: parts.map((metric) => ({ metric })) }),
  );
}

/**
 * A note on a recorded value named by its value: the value is read before the colon (numbers
 * in the note are the note's), and it must be one input's one month.
 */
function annotateByVocabulary(
  text: string,
  match: RegExpExecArray,
  out: Record<string, unknown>,
  vocabulary: CaseVocabulary,
  fallback: OfflineRequest,
): OfflineRequest {
  const said = text.slice(0, match.index + match[0].length - match.groups!.note!.length);
  const values = findEntities(said, vocabulary).filter((s) => s.candidates.every((c) => c.target.kind === 'measurement'));
  if (values.length !== 1 || values[0]!.candidates.length !== 1) return fallback;
  const m = values[0]!.candidates[0]!.target;
  const note = match.groups!.note!.trim();
  return call(
    'proposeMeasurements',
    defined({
      businessCase: typeof out.id === 'string' ? out.id : undefined,
      scenario: m.scenarios[0],
      measurements: [{ input: m.id, month: m.month!, note }],
    }),
  );
}
