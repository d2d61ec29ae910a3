import type { ToolName } from '../../../tools/index.ts';
import { CORRECTION, lookUpBeforeCorrecting } from './correct-recorded.ts';
import {
  parseConversions,
  parseLock,
  parseMilestone,
  parseMilestoneReached,
  parseMilestoneUpdate,
  parseMonthlyValues,
  parseRealizationScenario,
  parseSetInput,
  parseSetInputFrom,
  parseSplit,
  parseTrackMetric,
} from './parse-changes.ts';
import { parseMeasurementEdit } from './parse-measurement-edits.ts';
import { parseMilestoneLogged, parseMilestoneMoved, parseMilestoneQuestion, parseMilestoneStatus } from './parse-milestone-phrases.ts';
import { parseMeasurements } from './parse-measurements.ts';
import { parseFindCases, parseHistory, parsePending, parseQbr, parseShowCase, parseSuggestions, parseSummary } from './parse-questions.ts';
import { helpText } from './examples.ts';
import { hasMonth } from './phrases.ts';
import { call, defined, reply, type ConversationContext, type OfflineRequest } from './request.ts';

/*
 * The offline model's intents as small declared units (issue 11): each says which intent it
 * serves, the tools its calls go to, the slots it fills from a message, examples it
 * understands (each one a test: `test/agent/offline-model-intents.test.ts` checks that the
 * message reaches this unit's tools through `parseRequest`), and how it is recognized. The
 * order of `INTENT_UNITS` is the order of recognition (`docs/offline-model.md`); what comes
 * before them all (an answer to the model's own question, a slip, approval, help, the
 * glossary, an unreadable number) stays in `parse-request.ts`.
 */

/** The intents of issue 11 a unit can serve. */
export type IntentName =
  | 'create'
  | 'convert'
  | 'track-metric'
  | 'split'
  | 'record'
  | 'correct'
  | 'remove'
  | 'annotate'
  | 'assumption'
  | 'milestone'
  | 'lock'
  | 'summary'
  | 'history'
  | 'pending'
  | 'show-case'
  | 'qbr'
  | 'help';

/** What a recognizer reads: the message without the note after it (`head`, "…, note: …"), or all of it. */
export interface IntentText {
  head: string;
  full: string;
}

/** One declared unit of understanding. */
export interface IntentUnit {
  /** A name for the unit, unique. */
  name: string;
  intent: IntentName;
  /** The tools its calls go to. */
  tools: readonly ToolName[];
  /** The fields it fills from a message. */
  slots: readonly string[];
  /** Messages it understands, said as people say them. */
  examples: readonly string[];
  /** The call(s) for a message, a question back, or null: not this unit's. */
  recognize: (text: IntentText, ctx: ConversationContext) => OfflineRequest | null;
}

const onHead =
  (parse: (text: string, ctx: ConversationContext) => OfflineRequest | null) =>
  (t: IntentText, ctx: ConversationContext): OfflineRequest | null =>
    parse(t.head, ctx);
const onFull =
  (parse: (text: string, ctx: ConversationContext) => OfflineRequest | null) =>
  (t: IntentText, ctx: ConversationContext): OfflineRequest | null =>
    parse(t.full, ctx);
const MILESTONE_WORD = /\bmilestones?\b/i;

/** What an edit of a recorded value (`parseMeasurementEdit`) does: remove one (or ask which to remove), or annotate one. */
function editKind(request: OfflineRequest): 'remove' | 'annotate' {
  if (request.kind !== 'tools') return 'remove';
  const entries = request.calls.flatMap((c) => (Array.isArray(c.input.measurements) ? (c.input.measurements as Array<Record<string, unknown>>) : []));
  return entries.some((m) => m.remove === true) ? 'remove' : 'annotate';
}

/** The edit of a recorded value when it is of the kind a unit serves. */
const editOfKind =
  (kind: 'remove' | 'annotate') =>
  (t: IntentText, ctx: ConversationContext): OfflineRequest | null => {
    const request = parseMeasurementEdit(t.full, ctx);
    return request && editKind(request) === kind ? request : null;
  };

const HELP = /^\s*(?:help|\?|hi|hello|hey|what\s+can\s+you\s+do|how\s+does\s+this\s+work|commands|examples)\b[\s?!.]*$/i;

/** Help: what the offline model understands, with examples. No tool; tried before a message is read as an answer (`parse-request.ts`). */
export const HELP_UNIT: IntentUnit = {
  name: 'help',
  intent: 'help',
  tools: [],
  slots: ['none'],
  examples: ['help', 'what can you do?'],
  recognize: (t) => (HELP.test(t.full) ? reply(helpText()) : null),
};

/** A dictation of values; a correction of one recorded by a month without its year looks the recorded one up first. */
function dictation(t: IntentText, ctx: ConversationContext): OfflineRequest | null {
  const read = parseMeasurements(t.full);
  if (!read) return null;
  if (read.kind === 'ask') return reply(read.text, read.asks);
  const input = defined({ businessCase: read.businessCase ?? ctx.businessCase, scenario: read.scenario, measurements: read.measurements });
  // "correct october … to 120": the recorded October, looked up first.
  return lookUpBeforeCorrecting(t.full, { toolName: 'proposeMeasurements', input }) ?? call('proposeMeasurements', input);
}

/** The units, in the order they are tried. */
export const INTENT_UNITS: readonly IntentUnit[] = [
  HELP_UNIT,
  {
    name: 'create-realization-scenario',
    intent: 'create',
    tools: ['proposeRealizationScenario'],
    slots: ['businessCase', 'from', 'start', 'months', 'name'],
    examples: [
      'Create a realization scenario for Delta Corp from the Rollout Plan, starting August.',
      'start value realization for delta from the rollout plan, jul 2025, 24 months',
    ],
    recognize: onHead(parseRealizationScenario),
  },
  {
    name: 'split-calculation',
    intent: 'split',
    tools: ['proposeSplit'],
    slots: ['businessCase', 'scenario', 'calculation', 'parts', 'strategy'],
    examples: ['Split the handle time calculation into one for handle time and one for tickets per day'],
    recognize: onHead(parseSplit),
  },
  {
    name: 'conversion-suggestions',
    intent: 'convert',
    tools: ['suggestConversions'],
    slots: ['businessCase', 'scenario'],
    examples: ['which calculations can I convert?'],
    recognize: onHead(parseSuggestions),
  },
  {
    name: 'remove-recorded-value',
    intent: 'remove',
    tools: ['proposeMeasurements'],
    slots: ['businessCase', 'scenario', 'measurements[].input', 'measurements[].month', 'measurements[].remove'],
    examples: ['delete the wrong March value', 'remove the October measurement of tickets per day'],
    recognize: editOfKind('remove'),
  },
  {
    name: 'annotate-recorded-value',
    intent: 'annotate',
    tools: ['proposeMeasurements'],
    slots: ['businessCase', 'scenario', 'measurements[].input', 'measurements[].month', 'note', 'evidence', 'source'],
    examples: ['the evidence for October is https://example.test/oct.csv'],
    recognize: editOfKind('annotate'),
  },
  {
    name: 'track-metric',
    intent: 'track-metric',
    tools: ['proposeTrackMetric'],
    slots: ['businessCase', 'scenario', 'calculation', 'input'],
    examples: ['measure the deflection rate directly'],
    recognize: onHead(parseTrackMetric),
  },
  {
    name: 'convert-calculation',
    intent: 'convert',
    // The suggestions (and the case) are looked up first for "everything that's ready", a use case named, or a baseline said as a value.
    tools: ['proposeConversions', 'suggestConversions', 'showBusinessCase'],
    slots: [
      'businessCase',
      'scenario',
      'conversions[].calculation',
      'conversions[].metric',
      'conversions[].baseline',
      'conversions[].baselineInput',
      'conversions[].direction',
    ],
    examples: ['Convert the efficiency calculation to track Avg. Tickets per Day.'],
    recognize: onHead(parseConversions),
  },
  {
    name: 'monthly-values',
    intent: 'track-metric',
    tools: ['proposeMonthlyValues'],
    slots: ['businessCase', 'scenario', 'inputs'],
    examples: ['enable monthly values for cost per ticket'],
    recognize: onHead(parseMonthlyValues),
  },
  {
    name: 'lock-months',
    intent: 'lock',
    tools: ['proposeLockMonths'],
    slots: ['businessCase', 'scenario', 'through'],
    examples: ['lock months through December', 'lock through 2025-12'],
    recognize: onHead(parseLock),
  },
  {
    name: 'milestone',
    intent: 'milestone',
    tools: ['proposeMilestone', 'showBusinessCase'],
    slots: ['businessCase', 'scenario', 'name', 'milestone', 'targetMonth', 'achievedMonth', 'note'],
    examples: [
      'add milestone All Teams Onboarded achieved October',
      'which milestones do we have?',
      'the macros milestone was actually hit in feb 2026',
      'all teams were onboarded by Oct 2025, log that as a milestone pls',
    ],
    recognize: (t, ctx) =>
      MILESTONE_WORD.test(t.head)
        ? (parseMilestoneQuestion(t.head, ctx) ??
          parseMilestoneUpdate(t.full, ctx) ??
          parseMilestoneStatus(t.head, ctx) ??
          parseMilestoneLogged(t.full, ctx) ??
          parseMilestone(t.full, ctx))
        : null,
  },
  {
    name: 'milestone-reached',
    intent: 'milestone',
    tools: ['proposeMilestone'],
    slots: ['businessCase', 'milestone', 'achievedMonth'],
    examples: ['we reached All Teams Onboarded in May'],
    recognize: onHead(parseMilestoneReached),
  },
  {
    name: 'milestone-moved',
    intent: 'milestone',
    tools: ['proposeMilestone'],
    slots: ['businessCase', 'milestone', 'targetMonth', 'achievedMonth'],
    examples: ['self-service portal relaunch slipped, new target march 2027', 'mark the portal relaunch as done last month'],
    recognize: onHead(parseMilestoneMoved),
  },
  {
    name: 'assumption-from-month',
    intent: 'assumption',
    // Several values for one input look the case up first (which already hold).
    tools: ['proposeInputValue', 'showBusinessCase'],
    slots: ['businessCase', 'scenario', 'input', 'value', 'from'],
    examples: ['15 reps from June 2026', 'starting July, the cost per ticket is $14'],
    recognize: onHead(parseSetInputFrom),
  },
  {
    name: 'assumption',
    intent: 'assumption',
    tools: ['proposeInputValue'],
    slots: ['businessCase', 'scenario', 'input', 'value'],
    examples: ['change the cost per ticket to $14', 'update working days per year to 230'],
    recognize: (t, ctx) => (hasMonth(t.head) ? null : parseSetInput(t.head, ctx)),
  },
  {
    name: 'qbr',
    intent: 'qbr',
    tools: ['draftQbr'],
    slots: ['businessCase', 'quarter', 'audience', 'redraft'],
    examples: ['Draft the Q3 QBR for Delta for finance.'],
    recognize: onHead(parseQbr),
  },
  {
    name: 'summary',
    intent: 'summary',
    tools: ['valueSummary'],
    slots: ['businessCase', 'scenario', 'compare', 'asOf'],
    examples: ['how is Delta Corp doing?', 'delta roi as of end of Q1?'],
    recognize: onHead(parseSummary),
  },
  {
    name: 'history',
    intent: 'history',
    tools: ['measurementHistory'],
    slots: ['businessCase', 'scenario', 'input'],
    examples: ['history of tickets per day'],
    recognize: onHead(parseHistory),
  },
  {
    name: 'pending',
    intent: 'pending',
    tools: ['listPendingProposals'],
    slots: ['businessCase'],
    examples: ['pending proposals'],
    recognize: onHead(parsePending),
  },
  {
    name: 'measurements-and-milestone',
    intent: 'record',
    tools: ['proposeMeasurements', 'proposeMilestone'],
    slots: ['measurements', 'milestone'],
    examples: ['june: 166 tix/day, and the portal relaunch went live in june too'],
    recognize: onFull(measurementsAndMilestone),
  },
  {
    name: 'correct-recorded-value',
    intent: 'correct',
    tools: ['measurementHistory', 'proposeMeasurements'],
    slots: ['businessCase', 'scenario', 'measurements[].input', 'measurements[].month', 'measurements[].value'],
    examples: ['correct october tickets per day to 120', 'march tickets/day should be 153 not 158'],
    recognize: (t, ctx) => (CORRECTION.test(t.full) ? dictation(t, ctx) : null),
  },
  {
    name: 'dictation',
    intent: 'record',
    tools: ['proposeMeasurements', 'measurementHistory'],
    slots: ['businessCase', 'scenario', 'measurements[].input', 'measurements[].month', 'measurements[].value', 'note', 'evidence', 'source'],
    examples: ['October: 115 tickets a day, from the Zendesk export.', 'deflection rate 24% in nov'],
    recognize: dictation,
  },
  {
    name: 'show-case',
    intent: 'show-case',
    tools: ['findBusinessCases', 'showBusinessCase'],
    slots: ['query', 'businessCase'],
    examples: ['which business cases do we have?', 'show me the delta business case'],
    recognize: (t, ctx) => parseFindCases(t.head) ?? parseShowCase(t.head, ctx),
  },
];

/**
 * A dictation and, in a clause of its own after ", and" / ";", a milestone reached or moved:
 * both calls, or null when the message is not exactly that.
 */
export function measurementsAndMilestone(text: string, ctx: ConversationContext): OfflineRequest | null {
  const parts = text.split(/\s*(?:;|,?\s+and\s+(?:also\s+)?(?=(?:the|our|we|they)\s))\s*/i);
  if (parts.length !== 2) return null;
  const milestone = parseMilestoneReached(parts[1]!.replace(/\s+(?:too|as\s+well|also)\s*[.!]*$/i, ''), ctx);
  const dictation = milestone?.kind === 'tools' ? parseMeasurements(parts[0]!) : null;
  if (milestone?.kind !== 'tools' || dictation?.kind !== 'measurements') return null;
  const measured = call(
    'proposeMeasurements',
    defined({ businessCase: dictation.businessCase ?? ctx.businessCase, scenario: dictation.scenario, measurements: dictation.measurements }),
  );
  return measured.kind === 'tools' ? { kind: 'tools', calls: [...measured.calls, ...milestone.calls] } : null;
}

/** The first unit that recognizes the message, with what it made of it; null: none. */
export function recognizeIntent(text: IntentText, ctx: ConversationContext): { unit: IntentUnit; request: OfflineRequest } | null {
  for (const unit of INTENT_UNITS) {
    const request = unit.recognize(text, ctx);
    if (request) return { unit, request };
  }
  return null;
}
