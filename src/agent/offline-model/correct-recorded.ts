import { MONTH_NAMES as FULL } from '../../resolve/read-month-phrase.ts';
import type { ToolResultView } from './read-prompt.ts';
import { call, reply, type OfflineRequest, type ToolCallRequest } from './request.ts';

/*
 * A correction of a recorded value named by a month without its year ("correct october
 * tickets per day to 120", "march was actually 160"): the value to correct is the one
 * recorded, so the month is the latest month of that name that has a value, not the latest
 * month of that name. The offline model looks first (`measurementHistory`), then proposes the
 * value for the month it found, or asks when no such value is recorded. Never a new value in
 * a month nobody recorded.
 */

/** Words that make a message a correction of something already recorded. */
export const CORRECTION =
  /\b(?:correct(?:ion|ed)?|fix(?:ed)?|should\s+(?:be|have\s+been)|was\s+actually|is\s+actually|actually|wrong|typo|oops|instead\s+of)\b/i;

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month number (1-12) of a month said by its name alone ("october", "Sept."), else null. */
function bareMonth(text: string): number | null {
  const m = /^\s*([a-z]{3,9})\.?\s*$/i.exec(text);
  if (!m) return null;
  const i = MONTH_NAMES.indexOf(m[1]!.slice(0, 3).toLowerCase());
  return i < 0 || !FULL[i]!.toLowerCase().startsWith(m[1]!.toLowerCase()) ? null : i + 1;
}

/**
 * For a correction whose one measurement names its month without a year: the look-up to
 * make first, deciding the proposal it completes (`correctRecorded`). Null: not such a correction.
 */
export function lookUpBeforeCorrecting(text: string, proposal: ToolCallRequest): OfflineRequest | null {
  if (!CORRECTION.test(text) || proposal.toolName !== 'proposeMeasurements') return null;
  const measurements = proposal.input['measurements'];
  if (!Array.isArray(measurements) || measurements.length !== 1) return null;
  const m = measurements[0] as Record<string, unknown>;
  if (typeof m['input'] !== 'string' || typeof m['month'] !== 'string' || typeof m['value'] !== 'number' || bareMonth(m['month']) === null) return null;
  // "correct the july deflection to 21.5%": the verb is no part of the input's name.
  const named = m['input'].replace(/^\s*(?:correct(?:ion)?|fix|update|change|amend)\s+(?:the\s+)?/i, '').trim() || m['input'];
  const lookUp = call('measurementHistory', {
    ...(typeof proposal.input['businessCase'] === 'string' ? { businessCase: proposal.input['businessCase'] } : {}),
    ...(typeof proposal.input['scenario'] === 'string' ? { scenario: proposal.input['scenario'] } : {}),
    input: named,
  });
  const corrected = { ...proposal, input: { ...proposal.input, measurements: [{ ...m, input: named }] } };
  return lookUp.kind === 'tools' ? { ...lookUp, decide: (results) => correctRecorded(corrected, results) } : null;
}

/**
 * The step after the look-up: the proposal with the month of the latest current value of that
 * month's name, or a question when none is recorded. Null when `results` are not the look-up's.
 */
export function correctRecorded(proposal: ToolCallRequest, results: readonly ToolResultView[]): OfflineRequest | null {
  if (results.length !== 1 || results[0]!.toolName !== 'measurementHistory' || results[0]!.failed) return null;
  const out = results[0]!.output as { error?: unknown; input?: unknown; entries?: Array<{ month: string; current: boolean }> } | null;
  if (!out || out.error !== undefined || !Array.isArray(out.entries)) return null;
  const m = (proposal.input['measurements'] as Array<Record<string, unknown>>)[0]!;
  const n = bareMonth(String(m['month']))!;
  const months = out.entries.filter((e) => e.current && Number(e.month.slice(5, 7)) === n).map((e) => e.month);
  const month = months.sort().at(-1);
  if (!month) {
    return reply(
      `No ${FULL[n - 1]} value of ${String(out.input ?? m['input'])} is recorded, so there is nothing to correct. To record a new value, which month do you mean (e.g. "${FULL[n - 1]} 2026: ${String(m['value'])}")?`,
      'month',
    );
  }
  return call(proposal.toolName, { ...proposal.input, measurements: [{ ...m, month }] });
}
