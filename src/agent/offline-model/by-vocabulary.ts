import {
  bestOfKind,
  type CaseVocabulary,
  caseVocabulary,
  type EntitySpan,
  type EntityTarget,
  findEntities,
  targetByWords,
  type VocabularySource,
} from '../../resolve/case-vocabulary.ts';
import { monthInWords, readMonthPhrase } from '../../resolve/read-month-phrase.ts';
import { type TextToken, tokenizeText } from '../../resolve/tokenize-text.ts';
import { pickCandidate } from './answer-unfinished.ts';
import { notUnderstood } from './examples.ts';
import type { ToolResultView } from './read-prompt.ts';
import { call, type ConversationContext, defined, type OfflineRequest, type PendingRequest, reply } from './request.ts';

/*
 * Reading a message against the business case's own vocabulary (`src/resolve/case-vocabulary.ts`).
 * The phrase readers cut names out of a message by their shape; where that reading does not
 * settle the request, the offline model looks the case up first (`showBusinessCase`, read-only),
 * finds the names and values of the message in what the case calls things, and then proposes,
 * asks naming the candidates (a question that waits for its answer: `PendingRequest`,
 * `answerPending`), or gives the answer it had. Where: a recorded value named by its value ("the
 * 158 should be 185", "drop the 22% deflection reading", a note on "the 158"); a split without
 * its calculation or metrics ("split the support efficiency calculation", seed 000's prompt); a
 * value to record or fix said without its month or value ("log deflection for october pls");
 * a history asked for by its month ("who changed the march number"). Something several inputs,
 * months or calculations fit is never picked: it asks.
 */

/** "the 158", "that 22%", "not 158": a value named as a thing. */
const NAMES_A_VALUE = /\b(?:the|that|this|not)\s+[-+]?\d[\d.,]*\s?%?(?![\w/])/i;
/** A change of something recorded. */
const CHANGE = /\b(?:correct(?:ion|ed)?|fix(?:ed)?|should\s+(?:be|have\s+been)|was\s+actually|is\s+actually|actually|wrong|typo|change|instead\s+of|not)\b/i;
/** A removal of something recorded. */
const REMOVE = /\b(?:drop|delete|remove|scrap|discard|throw\s+out|get\s+rid\s+of)\b/i;
/** A split asked for without the shape the phrase readers know ("split X so we track A and B separately"). */
const SPLIT = /^\s*(?:(?:can|could|would)\s+(?:u|you)\s+|pls\s+|please\s+)?split\b/i;

/** Words that stand where a calculation's name would and name none ("split the existing calculation"). */
const NO_NAME = /^(?:existing|current|original|whole|same|this|that|the|one|main|old)$/i;

/**
 * Whether the message asks for a split the phrase readers did not settle: not understood, a
 * question for the metrics (the case knows which calculations and metrics there are), or a
 * calculation "named" by a word that names none.
 */
function splitNotSettled(text: string, request: OfflineRequest): boolean {
  if (request.kind === 'reply') return SPLIT.test(text) && (request.asks === 'parts' || notUnderstoodReply(request));
  const only = request.calls.length === 1 ? request.calls[0]! : undefined;
  return only?.toolName === 'proposeSplit' && typeof only.input.calculation === 'string' && NO_NAME.test(only.input.calculation.trim());
}

/** Recording or correcting a value, said without what the phrase readers need ("log deflection for october pls", "fix the deflection number"). */
const RECORD_OR_FIX = /\b(?:log|record|enter|fix|correct|update)\b/i;

/** A correction of something recorded, not a new value ("fix the deflection number"). */
const FIX = /\b(?:fix|correct|update)\b/i;

/** Whether a record or fix the phrase readers did not understand at all is to be read against the case. */
function valueNotUnderstood(text: string, request: OfflineRequest): boolean {
  return notUnderstoodReply(request) && RECORD_OR_FIX.test(text);
}

/** A question about who changed or entered a value, or what it was before: its history. */
const ABOUT_HISTORY = /\b(?:who\s+(?:changed|entered|recorded|logged|added|edited)|history|what\s+was\s+it\s+before|where\s+did\b.*\bcome\s+from)\b/i;
/** What a history's input holds when it names no input: the month and a word for a value ("the march number"). */
const NO_INPUT =
  /^(?:\s*(?:the|that|this|a|number|value|figure|reading|entry|one|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{4}|'\d{2}))+\s*$/i;

/**
 * Whether a history question names a month but no input ("who changed the march number and what
 * was it before"): the recorded values of that month say which input it is.
 */
function historyNotSettled(text: string, request: OfflineRequest): boolean {
  if (!ABOUT_HISTORY.test(text) || tokenizeText(text).filter((t) => t.kind === 'month').length !== 1) return false;
  if (notUnderstoodReply(request)) return true;
  const only = request.kind === 'tools' && request.calls.length === 1 ? request.calls[0]! : undefined;
  return only?.toolName === 'measurementHistory' && typeof only.input.input === 'string' && NO_INPUT.test(only.input.input);
}

/**
 * Whether a correction names its month and new value but no input ("march was actually 160"),
 * so the phrase readers asked which input: the values recorded that month say which.
 */
function correctionWithoutInput(text: string, request: OfflineRequest): boolean {
  if (request.kind !== 'reply' || request.asks !== 'input' || !CHANGE.test(text)) return false;
  const tokens = tokenizeText(text);
  return tokens.filter((t) => t.kind === 'month').length === 1 && tokens.filter((t) => t.kind === 'number').length === 1;
}

/** Whether the phrase readers' answer is that they did not understand (not a question of theirs, a refusal or an explanation). */
function notUnderstoodReply(request: OfflineRequest): boolean {
  return request.kind === 'reply' && request.text === notUnderstood();
}

/** A note on a recorded value named by its value: "add context to the 158: estimated from 3 of 4 weeks". */
const ANNOTATE =
  /^\s*(?:pls\s+|please\s+)?(?:add|put|attach|leave)\s+(?:a\s+|some\s+)?(?:note|context|comment|explanation)\s+(?:to|on|for)\s+(?:the|that)\s+[-+]?\d[\d.,]*\s?%?\s*[:–—-]\s*(?<note>\S.*)$/is;

/** A tool input slot that holds only a number ("22%"): the phrase reader took a value for a name. */
const ONLY_A_NUMBER = /^\s*[-+]?\d[\d.,]*\s*%?\s*$/;

/**
 * The look-up to make first when the phrase readers' `request` does not settle the message (see
 * above), deciding from the case (`completeByVocabulary`); null otherwise (the request stands).
 */
export function lookUpVocabulary(text: string, ctx: ConversationContext, request: OfflineRequest): OfflineRequest | null {
  // A request that looks something up already decides from it.
  if (request.kind === 'tools' && request.decide) return null;
  const lookUp = call('showBusinessCase', defined({ businessCase: ctx.businessCase }));
  if (lookUp.kind !== 'tools') return null;
  const readAgainst: OfflineRequest = { ...lookUp, decide: (results) => completeByVocabulary(text, request, results) };
  if (
    splitNotSettled(text, request) ||
    valueNotUnderstood(text, request) ||
    historyNotSettled(text, request) ||
    correctionWithoutInput(text, request) ||
    (ANNOTATE.test(text) && request.kind === 'reply')
  )
    return readAgainst;
  if (!NAMES_A_VALUE.test(text) || !(CHANGE.test(text) || REMOVE.test(text))) return null;
  if (request.kind === 'tools') {
    if (request.calls.length !== 1) return null;
    const named = request.calls[0]!.input['input'];
    if (typeof named !== 'string' || !ONLY_A_NUMBER.test(named)) return null;
  }
  return readAgainst;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const showMonth = monthInWords;
const showValue = (m: EntityTarget, percent: boolean): string => (percent ? `${Number(((m.value ?? 0) * 100).toPrecision(12))}%` : String(m.value));

/** Whether a month (YYYY-MM) is the one said: its month of the year, and its year when one was said ("march", "march 2026"). */
function isMonthSaid(month: string, phrase: { month: number; year?: number }): boolean {
  return Number(month.slice(5, 7)) === phrase.month && (phrase.year === undefined || Number(month.slice(0, 4)) === phrase.year);
}

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
  const shown = out as unknown as ShownCase;
  const note = ANNOTATE.exec(text);
  if (note && fallback.kind === 'reply') return annotateByVocabulary(text, note, out, vocabulary, fallback);
  const spans = findEntities(text, vocabulary);
  if (splitNotSettled(text, fallback)) return splitByVocabulary(text, shown, vocabulary, spans, fallback);
  if (historyNotSettled(text, fallback)) return historyByVocabulary(text, shown, vocabulary, fallback);
  if (correctionWithoutInput(text, fallback)) return correctionByVocabulary(text, shown, vocabulary, fallback);
  const values = spans.filter((s) => s.candidates.every((c) => c.target.kind === 'measurement'));
  if (values.length === 0 && valueNotUnderstood(text, fallback)) return valueByVocabulary(text, shown, vocabulary, spans, fallback);
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
    fits = fits.filter((m) => isMonthSaid(m.month!, phrase));
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

/** What `showBusinessCase` says of a case, as far as a split or a value needs it. */
interface ShownCase {
  id: string;
  scenarios: Array<{
    id: string;
    kind: string;
    useCases: Array<{
      id: string;
      name: string;
      calculations: Array<{ id: string; name: string; formula: string }>;
      inputs: Array<{ key: string; label: string; unit: string; timeSeries: boolean }>;
    }>;
  }>;
}

type ShownScenario = ShownCase['scenarios'][number];
type ShownCalculation = ShownScenario['useCases'][number]['calculations'][number];

const workScenario = (out: ShownCase): ShownScenario | undefined => scenarioToChange(out.scenarios);

/** The scenario a change is made in when none is named: the realization scenario, else the only future one (several: none). */
export function scenarioToChange<S extends { kind: string }>(scenarios: readonly S[]): S | undefined {
  const futures = scenarios.filter((s) => s.kind === 'future');
  return scenarios.find((s) => s.kind === 'realization') ?? (futures.length === 1 ? futures[0] : undefined);
}

const usesInput = (calculation: ShownCalculation, key: string): boolean => new RegExp(`\\b${key}\\b`).test(calculation.formula);

/** "one that isolates average handle time", "one for tickets per day": each part said as a calculation of its own. */
const ONE_FOR =
  /\bone\s+(?:that\s+(?:isolates|tracks|measures|covers|captures|is\s+(?:for|driven\s+by))|for|tracking|measuring|driven\s+by|on)\s+(.+?)(?=\s+and\s+(?:one|another)\b|[,.;!?]|$)/gi;
/** What separates the metrics of a split: "handle time and tickets per day", "handle time vs # of reps". */
const PART_JOIN = /\s*(?:,|;|&|\+|\s\/\s|\band\b|\bvs\.?(?=\s)|\bversus\b|\bor\b)\s*/i;

/**
 * The metrics a split names, as input keys among `inputs` (the calculations' own inputs): each
 * part "one that isolates X" / "one for X", else each name after "into" (to the end of the
 * sentence), else each name after what is split. A part is the one input a span of it names,
 * else the one its words fit best (`targetByWords`). Null when a part names no one input.
 */
function readParts(rest: string, inputs: readonly EntityTarget[], vocabulary: CaseVocabulary): string[] | null {
  let phrases = [...rest.matchAll(ONE_FOR)].map((m) => m[1]!);
  if (phrases.length === 0) {
    const into = /\binto\b([^.!?]*)/i.exec(rest);
    phrases = (into ? into[1]! : rest).split(PART_JOIN);
  }
  const parts: string[] = [];
  for (const phrase of phrases.map((p) => p.trim()).filter((p) => p !== '')) {
    const named = findEntities(phrase, vocabulary).flatMap((span) =>
      bestOfKind({ ...span, candidates: span.candidates.filter((c) => inputs.includes(c.target)) }, 'input'),
    );
    const unique = [...new Set(named)];
    // A name that fits several inputs ("tickets") is settled by the rest of the phrase's words ("tickets processed per day"), or not at all.
    const input = unique.length === 1 ? unique[0]! : targetByWords(phrase, unique.length > 0 ? unique : inputs, vocabulary);
    if (!input) {
      // Words that name nothing of the case ("separately", "please") are no part; a name that fits several is.
      if (unique.length > 1 || findEntities(phrase, vocabulary).length > 0) return null;
      continue;
    }
    if (!parts.includes(input.id)) parts.push(input.id);
  }
  return parts;
}

/**
 * A split read against the vocabulary: the first name after "split" that is one calculation or
 * a use case is what is split; the metrics are read from the rest (`readParts`) among that
 * calculation's inputs (a use case's: the calculations that use every metric named). One
 * calculation and two metrics or more: the proposal. Several calculations fit: a question naming
 * them. No metrics: a question naming the calculation's inputs. Either question waits for the
 * answer (`PendingRequest`). Anything else: the phrase readers' answer.
 */
function splitByVocabulary(text: string, out: ShownCase, vocabulary: CaseVocabulary, spans: readonly EntitySpan[], fallback: OfflineRequest): OfflineRequest {
  const scenario = workScenario(out);
  if (!scenario) return fallback;
  // What is split: a name right after "split" (before "into", "one that …" or the sentence's end), else the last one said before it
  // ("… for the "Increase Support Team Efficiency" use case. Please split the existing calculation into …").
  const verb = /\bsplit\b/i.exec(text);
  const from = verb ? verb.index + verb[0].length : 0;
  const stop = /\binto\b|\bone\s+(?:that|for)\b|[.;:!?]/i.exec(text.slice(from));
  const upto = stop ? from + stop.index : text.length;
  const splittable = (s: EntitySpan): boolean => bestOfKind(s, 'calculation', 'use-case').length > 0;
  const after = spans.findIndex((s) => s.start >= from && s.end <= upto && splittable(s));
  const before = spans.findLastIndex((s) => s.end <= (verb?.index ?? 0) && splittable(s));
  const what = after >= 0 ? after : before;
  if (what < 0) return fallback;
  const best = bestOfKind(spans[what]!, 'calculation', 'use-case');
  if (best.length !== 1) return fallback;
  const useCase = scenario.useCases.find((u) => (best[0]!.kind === 'use-case' ? u.id === best[0]!.id : u.calculations.some((c) => c.id === best[0]!.id)));
  if (!useCase) return fallback;
  const calculations = best[0]!.kind === 'use-case' ? useCase.calculations : useCase.calculations.filter((c) => c.id === best[0]!.id);
  if (calculations.length === 0) return fallback;
  // The metrics are read among each calculation's own inputs: "tickets per day" is the baseline in one formula, the tracked input in another.
  const inputsOf = (c: ShownCalculation): EntityTarget[] =>
    vocabulary.terms.map((t) => t.target).filter((t, i, all) => t.kind === 'input' && t.useCase === useCase.id && usesInput(c, t.id) && all.indexOf(t) === i);
  const metrics = text.slice(Math.max(spans[what]!.end, from));
  const readings = calculations.map((c) => ({ calculation: c, parts: readParts(metrics, inputsOf(c), vocabulary) }));
  const said = readings.some((r) => r.parts === null || r.parts.length > 0);
  const fits = said ? readings.filter((r) => r.parts !== null && r.parts.length >= 2) : readings;
  if (fits.length === 0) return fallback;
  const pending: PendingRequest = {
    kind: 'split',
    calculations: fits.map((r) => ({ id: r.calculation.id, name: r.calculation.name })),
    metrics: said ? metrics : '',
  };
  if (fits.length > 1) {
    return reply(
      `${useCase.name} has ${fits.length} calculations${said ? ' with those metrics' : ''}: ${fits.map((r) => r.calculation.name).join(', ')}. Which one should I split${said ? '' : ', and into which metrics'}?`,
      undefined,
      pending,
    );
  }
  const { calculation, parts } = fits[0]!;
  if (!said) return reply(metricsQuestion(scenario, calculation), undefined, pending);
  return call(
    'proposeSplit',
    defined({ businessCase: out.id, scenario: scenario.id, calculation: calculation.id, parts: parts!.map((metric) => ({ metric })) }),
  );
}

/** "Into which metrics should I split …?", naming the calculation's inputs (`parse-request.ts` reads the answer to it). */
function metricsQuestion(scenario: ShownScenario, calculation: ShownCalculation): string {
  const named = scenario.useCases.flatMap((u) => u.inputs).filter((i, k, all) => usesInput(calculation, i.key) && all.findIndex((j) => j.key === i.key) === k);
  const example = named
    .slice(0, 2)
    .map((i) => i.label)
    .join(' and ');
  return `Into which metrics should I split ${calculation.name}? Its formula uses ${named.map((i) => i.label).join(', ')}. Name two or more, e.g. "${example}".`;
}

/**
 * A history question naming a month but no input: the input that has a value recorded in that
 * month (of the year said, or any year) in the realization scenario. One: its history. Several:
 * a question naming them. None: the phrase readers' answer.
 */
function historyByVocabulary(text: string, out: ShownCase, vocabulary: CaseVocabulary, fallback: OfflineRequest): OfflineRequest {
  const scenario = workScenario(out);
  const held = scenario ? recordedIn(text, scenario, vocabulary) : null;
  if (!scenario || !held) return fallback;
  const inputs = [...new Map(held.map((m) => [m.id, m])).values()];
  if (inputs.length === 0) return fallback;
  if (inputs.length > 1) {
    return reply(`${severalInputs(held)} Which one's history do you want? Say e.g. "history of ${inputs[0]!.name}".`);
  }
  return call('measurementHistory', defined({ businessCase: out.id, scenario: scenario.id, input: inputs[0]!.name }));
}

/**
 * The values recorded in the month a message names (of the year said, or any year), in the
 * scenario; null when the month cannot be placed.
 */
function recordedIn(text: string, scenario: ShownScenario, vocabulary: CaseVocabulary): EntityTarget[] | null {
  const said = tokenizeText(text).find((t) => t.kind === 'month');
  const phrase = said ? readMonthPhrase(said.text) : null;
  if (phrase?.kind !== 'month') return null;
  return vocabulary.measurements.filter((m) => m.scenarios.includes(scenario.id) && isMonthSaid(m.month!, phrase));
}

/** "Several inputs have a value recorded then: …", naming each with its month. */
const severalInputs = (held: readonly EntityTarget[]): string =>
  `Several inputs have a value recorded then: ${held.map((m) => `${m.name} (${showMonth(m.month!)})`).join(', ')}.`;

/**
 * A correction naming its month and new value but no input ("march was actually 160"): the one
 * input with a value recorded in that month (the latest such month when no year is said) gets
 * the new value, said as its value is (a percent for a percent). Several inputs: a question
 * naming them. None, or a value of another kind: the phrase readers' question.
 */
function correctionByVocabulary(text: string, out: ShownCase, vocabulary: CaseVocabulary, fallback: OfflineRequest): OfflineRequest {
  const scenario = workScenario(out);
  const held = scenario ? recordedIn(text, scenario, vocabulary) : null;
  if (!scenario || !held || held.length === 0) return fallback;
  if (new Set(held.map((m) => m.id)).size > 1) {
    return reply(`${severalInputs(held)} Which one should be corrected? Say it with the input, e.g. "${held[0]!.name} ${showMonth(held[0]!.month!)}: …".`);
  }
  const latest = [...held].sort((a, b) => a.month!.localeCompare(b.month!)).at(-1)!;
  const number = tokenizeText(text).find((t) => t.kind === 'number');
  const percent = scenario.useCases.flatMap((u) => u.inputs).find((i) => i.key === latest.id)?.unit === 'percent';
  if (number?.kind !== 'number' || number.percent !== percent || number.value === latest.value) return fallback;
  return call(
    'proposeMeasurements',
    defined({ businessCase: out.id, scenario: scenario.id, measurements: [{ input: latest.id, month: latest.month!, value: number.value }] }),
  );
}

const showMonthPhrase = (t: TextToken): string => t.text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/**
 * A value to record or correct, said without its value or month ("log deflection for october
 * pls", "fix the deflection number"): when the message names one input of the case, the model
 * asks for what is missing, naming the input (and, for a fix, the months recorded), and waits for
 * the answer (`PendingRequest`). Month and value both said: the proposal.
 */
function valueByVocabulary(text: string, out: ShownCase, vocabulary: CaseVocabulary, spans: readonly EntitySpan[], fallback: OfflineRequest): OfflineRequest {
  const scenario = workScenario(out);
  if (!scenario) return fallback;
  // A value is recorded for an input that takes monthly values: "deflection" is the tracked Ticket Deflection Rate, not the constant Deflection Rate Target.
  const monthly = new Set(scenario.useCases.flatMap((u) => u.inputs.filter((i) => i.timeSeries).map((i) => i.key)));
  const inputs = [...new Set(spans.flatMap((s) => bestOfKind(s, 'input')))].filter((t) => t.scenarios.includes(scenario.id) && monthly.has(t.id));
  if (inputs.length !== 1) return fallback;
  const input = inputs[0]!;
  const tokens = tokenizeText(text);
  const months = tokens.filter((t) => t.kind === 'month');
  const numbers = tokens.filter((t) => t.kind === 'number');
  if (months.length > 1 || numbers.length > 1 || tokens.some((t) => t.kind === 'period' || t.kind === 'period-end')) return fallback;
  const value = numbers[0]?.kind === 'number' ? numbers[0].value : undefined;
  const businessCase = out.id;
  const correcting = FIX.test(text);
  // A correction is of a month that has a value: "september" is the September recorded.
  const placed = months[0] ? placeMonth(months[0], input, scenario, vocabulary, correcting) : undefined;
  if (placed?.kind === 'ask') return placed.request;
  const month = placed?.kind === 'month' ? placed.month : undefined;
  if (month !== undefined && value !== undefined) {
    return call('proposeMeasurements', defined({ businessCase, scenario: scenario.id, measurements: [{ input: input.id, month, value }] }));
  }
  const unit = scenario.useCases.flatMap((u) => u.inputs).find((i) => i.key === input.id)?.unit;
  const percent = unit === 'percent';
  const recorded = recordedOf(input, scenario, vocabulary);
  const example = recorded.length > 0 ? showValue(recorded[recorded.length - 1]!, percent) : percent ? '20%' : '100';
  const pending: PendingRequest = {
    kind: 'value',
    businessCase,
    scenario: scenario.id,
    input: input.id,
    correcting,
    ...(month !== undefined ? { month } : {}),
    ...(value !== undefined ? { value } : {}),
  };
  if (month !== undefined)
    return reply(`What was ${input.name} in ${placed?.kind === 'month' ? placed.shown : month}? Say the value, e.g. "${example}".`, undefined, pending);
  const listed = recorded
    .slice(-6)
    .map((m) => `${showValue(m, percent)} in ${showMonth(m.month!)}`)
    .join(', ');
  const said = value !== undefined ? ` is ${showValue({ ...input, value }, percent)} for` : ', and what is the value';
  return reply(
    `Which month of ${input.name}${said}?${listed ? ` Recorded: ${listed}.` : ''} Say it like "${recorded.length > 0 ? showMonth(recorded[recorded.length - 1]!.month!) : 'October 2026'}${value !== undefined ? '' : `, ${example}`}".`,
    undefined,
    pending,
  );
}

/** The values recorded for an input in a scenario, oldest first. */
function recordedOf(input: EntityTarget, scenario: ShownScenario, vocabulary: CaseVocabulary): EntityTarget[] {
  return vocabulary.measurements.filter((m) => m.id === input.id && m.scenarios.includes(scenario.id)).sort((a, b) => a.month!.localeCompare(b.month!));
}

/**
 * The month a value is for, as a tool call takes it. A new value: the month as said (the tools
 * place "october" in the scenario's window). A correction: the month of that name (and year, if
 * said) that has a recorded value, as YYYY-MM; several such months or none: a question saying so,
 * never a month of another year than the one recorded.
 */
function placeMonth(
  said: TextToken,
  input: EntityTarget,
  scenario: ShownScenario,
  vocabulary: CaseVocabulary,
  correcting: boolean,
): { kind: 'month'; month: string; shown: string } | { kind: 'ask'; request: OfflineRequest } {
  if (!correcting) return { kind: 'month', month: said.text, shown: showMonthPhrase(said) };
  const phrase = readMonthPhrase(said.text);
  const held = phrase?.kind === 'month' ? recordedOf(input, scenario, vocabulary).filter((m) => isMonthSaid(m.month!, phrase)) : [];
  if (held.length === 1) return { kind: 'month', month: held[0]!.month!, shown: showMonth(held[0]!.month!) };
  if (held.length > 1) {
    return {
      kind: 'ask',
      request: reply(
        `${input.name} has a value in ${held.map((m) => showMonth(m.month!)).join(' and ')}. Which one should be corrected? Say it with the year.`,
      ),
    };
  }
  const recorded = recordedOf(input, scenario, vocabulary).map((m) => showMonth(m.month!));
  return {
    kind: 'ask',
    request: reply(
      `No ${showMonthPhrase(said)} value of ${input.name} is recorded, so there is nothing to correct${recorded.length > 0 ? ` (recorded: ${recorded.join(', ')})` : ''}. To record a new value, say "log ${input.name} ${showMonthPhrase(said)} <year>: <value>".`,
    ),
  };
}

/** A bare year ("2026", "in 2026"): no value of a month, whatever a question waits for. */
const isYear = (t: TextToken): boolean => t.kind === 'number' && t.plain && /^(?:19|20)\d{2}$/.test(t.text.trim());

/** Words an answer to the model's question may hold besides what it asked for ("ok", "it was", "then"). */
const ANSWER_WORDS = new Set(
  "ok okay yes yeah sure so then it its it's was is make that the in for of and should be actually value number please pls thanks sorry oh um".split(' '),
);

/**
 * The answer to a question asked after looking the case up, completing what it waited for:
 * "july, 23%" gives a value's month and value; "faster ticket handling" or "the second one,
 * handle time vs # of reps" gives the calculation to split (and its metrics). The case the
 * question was asked from (`lookUp`) is what the answer is read against. Null when the message is
 * no such answer (it is then read on its own).
 */
export function answerPending(text: string, pending: PendingRequest, lookUp: readonly ToolResultView[]): OfflineRequest | null {
  if (/\?/.test(text)) return null;
  const out = lookUp[0]?.output as ShownCase | undefined;
  if (!out || !Array.isArray(out.scenarios)) return null;
  if (pending.kind === 'value') {
    const tokens = tokenizeText(text);
    const months = tokens.filter((t) => t.kind === 'month');
    const numbers = tokens.filter((t) => t.kind === 'number');
    const other = tokens.filter((t) => t.kind === 'word' && !ANSWER_WORDS.has(t.text.toLowerCase()));
    if (other.length > 0 || months.length > 1 || numbers.length > 1 || tokens.some((t) => t.kind === 'period' || t.kind === 'period-end')) return null;
    if ((pending.month !== undefined && months.length > 0) || (pending.value !== undefined && numbers.length > 0)) return null;
    // "in 2026" is no value (a year said where a value was asked for): the message is read on its own.
    if (numbers.some(isYear)) return null;
    let month = pending.month;
    if (month === undefined && months[0]) {
      const out = lookUp[0]?.output as ShownCase | undefined;
      const scenario = out?.scenarios.find((s) => s.id === pending.scenario);
      const input =
        out && caseVocabulary(out as unknown as VocabularySource).terms.find((t) => t.target.kind === 'input' && t.target.id === pending.input)?.target;
      if (!out || !scenario || !input) return null;
      const placed = placeMonth(months[0], input, scenario, caseVocabulary(out as unknown as VocabularySource), pending.correcting);
      if (placed.kind === 'ask') return placed.request;
      month = placed.month;
    }
    const value = pending.value ?? (numbers[0]?.kind === 'number' ? numbers[0].value : undefined);
    if (month === undefined || value === undefined) return null;
    return call(
      'proposeMeasurements',
      defined({ businessCase: pending.businessCase, scenario: pending.scenario, measurements: [{ input: pending.input, month, value }] }),
    );
  }
  const names = pending.calculations.map((c) => c.name);
  const cut = /\s*(?:[,;:—–]|\s-\s)\s*/.exec(text);
  let picked: string | undefined = names.length === 1 ? names[0] : undefined;
  let rest = text;
  if (!picked && cut) {
    picked = pickCandidate(text.slice(0, cut.index), names);
    if (picked) rest = text.slice(cut.index + cut[0].length);
  }
  if (!picked) {
    picked = pickCandidate(text, names);
    if (picked) rest = '';
  }
  if (!picked) return null;
  // The metrics: said in the answer ("…, handle time vs # of reps"), else in the request the question was about.
  const metrics = rest.trim() !== '' ? `into ${rest}` : pending.metrics;
  if (metrics.trim() === '') {
    const scenario = workScenario(out);
    const calculation = scenario?.useCases.flatMap((u) => u.calculations).find((c) => c.name === picked);
    return scenario && calculation ? reply(metricsQuestion(scenario, calculation)) : null;
  }
  const vocabulary = caseVocabulary(out as unknown as VocabularySource);
  const said = `split ${picked} ${metrics}`;
  const next = splitByVocabulary(said, out, vocabulary, findEntities(said, vocabulary), reply(''));
  return next.kind === 'tools' ? next : null;
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
