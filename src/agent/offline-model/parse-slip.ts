import type { ToolName } from '../../../tools/index.ts';
import { MONTH_PHRASE, NUMBER, readNumber, tidyMonth } from './phrases.ts';
import { callAgain, type ConversationContext, type OfflineRequest } from './request.ts';

/*
 * A slip corrected right after the proposal it was in ("june: 166 tickets/day" → "sorry, 156
 * not 166"; "may deflection 21%" → "wait, that was april, not may"): the last turn's
 * measurements again, with the value or the month said in place of the one it replaces. The
 * first proposal stays pending until a person rejects it; nothing is guessed: the replaced
 * value or month must be one the last call had.
 */

const LEAD = String.raw`^\s*(?:(?:sorry|oops|wait|correction|my\s+bad|typo|no|actually|ugh)[\s,!.:—–-]*)*(?:it\s+(?:is|was)\s+|it'?s\s+|that\s+(?:is|was)\s+|that'?s\s+|should\s+(?:be|have\s+been)\s+|make\s+(?:it|that)\s+)?`;
const NOT = String.raw`\s*,?\s*(?:not|instead\s+of|rather\s+than)\s+`;

/** The input without the nulls a strict schema made it carry (they mean "not given"). */
function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
}

/**
 * The corrected call, or null: "<new> not <old>" where `old` is a value (or a month) of the
 * last turn's `proposeMeasurements` call, and nothing else is said.
 */
export function parseSlip(text: string, ctx: ConversationContext): OfflineRequest | null {
  const last = ctx.lastCall;
  if (last?.toolName !== 'proposeMeasurements' || !Array.isArray(last.input.measurements)) return null;
  const t = text.trim().replace(/[.!]+$/, '');
  const measurements = (last.input.measurements as Array<Record<string, unknown>>).map(withoutNulls);
  const value = new RegExp(`${LEAD}(${NUMBER})${NOT}(${NUMBER})$`, 'i').exec(t);
  if (value) {
    const [now, was] = [readNumber(value[1]!), readNumber(value[2]!)];
    const hits = measurements.filter((m) => m.value === was);
    if (now === undefined || hits.length !== 1) return null;
    return callAgain(last.toolName as ToolName, {
      ...withoutNulls(last.input),
      measurements: measurements.map((m) => (m === hits[0] ? { ...m, value: now } : m)),
    });
  }
  const month = new RegExp(`${LEAD}(${MONTH_PHRASE})${NOT}(${MONTH_PHRASE})$`, 'i').exec(t);
  if (month) {
    const [now, was] = [tidyMonth(month[1]!), tidyMonth(month[2]!).toLowerCase()];
    const hits = measurements.filter((m) => typeof m.month === 'string' && m.month.toLowerCase() === was);
    if (hits.length === 0) return null;
    return callAgain(last.toolName as ToolName, {
      ...withoutNulls(last.input),
      measurements: measurements.map((m) => (hits.includes(m) ? { ...m, month: now } : m)),
    });
  }
  return null;
}
