import { nameScore } from '../../resolve/match-name.ts';
import type { ToolResultView } from './read-prompt.ts';
import { call, type OfflineRequest } from './request.ts';

/*
 * When a tool refuses a call because the value belongs to the other kind of input, the
 * offline model makes the one call that fits, in the same turn, with the same input, month
 * and value; nothing else changes and the person still approves:
 * - "record Tickets per Month 3200 for May 2026": Tickets per Month is an assumption (no
 *   calculation measures it), so a value for a month is the assumption from that month on
 *   (`proposeInputValue` with `from`);
 * - "set avg tickets per day from nov 2026 to 170": Avg. Tickets per Day is a metric, so a
 *   value from a month is that month's measurement (`proposeMeasurements`); never from a month
 *   after the current month ("from jan 2027" said in December 2026): a measurement is what was
 *   observed, so the tool's refusal then says why and what to do instead and offers no
 *   measurement ("propose recording one instead" is not in it), and the model answers with it.
 * - "track cost per ticket monthly" where every calculation using it already has a metric
 *   (or none uses it): not a metric, so an assumption that changes by month (`proposeMonthlyValues`,
 *   which changes no figure); only when the message says monthly.
 * Only after exactly one refused call of that kind, so it never loops, and only when the name
 * said is (nearly) the refused input's label: every word of it in the label and most of the
 * label's words said ("tickets per day" for Avg. Tickets per Day, not "efficiency" for Target:
 * Expected Rep. Efficiency Gain), so a loose match is never carried over into another call.
 */

/** Whether the input named in the call is the one the refusal names ("'Tickets per Month' is …"), said nearly as its label. */
function namedExactly(said: unknown, error: string): boolean {
  const label = /^'([^']+)'/.exec(error)?.[1];
  return typeof said === 'string' && label !== undefined && nameScore(said, [label]) >= 70;
}

/** The call that fits instead of the refused one, or null. */
export function insteadOfRefused(results: readonly ToolResultView[], said: string): OfflineRequest | null {
  if (results.length !== 1) return null;
  const r = results[0]!;
  const error = (r.output as { error?: unknown } | null)?.error;
  if (r.failed || typeof error !== 'string') return null;
  const input = (r.input ?? {}) as Record<string, unknown>;
  const common = {
    ...(typeof input['businessCase'] === 'string' ? { businessCase: input['businessCase'] } : {}),
    ...(typeof input['scenario'] === 'string' ? { scenario: input['scenario'] } : {}),
  };
  if (r.toolName === 'proposeMeasurements' && /is not measured yet: .*a changed assumption is proposeInputValue/.test(error)) {
    const ms = input['measurements'];
    if (!Array.isArray(ms) || ms.length !== 1) return null;
    const m = ms[0] as Record<string, unknown>;
    if (typeof m['input'] !== 'string' || typeof m['month'] !== 'string' || typeof m['value'] !== 'number' || m['remove'] === true) return null;
    if (!namedExactly(m['input'], error)) return null;
    return call('proposeInputValue', { ...common, input: m['input'], value: m['value'], from: m['month'] });
  }
  if (r.toolName === 'proposeInputValue' && /is measured \(the metric of .*propose recording one instead/.test(error)) {
    if (typeof input['input'] !== 'string' || typeof input['from'] !== 'string' || typeof input['value'] !== 'number') return null;
    if (!namedExactly(input['input'], error)) return null;
    return call('proposeMeasurements', { ...common, measurements: [{ input: input['input'], month: input['from'], value: input['value'] }] });
  }
  if (
    r.toolName === 'proposeTrackMetric' &&
    /already has a metric|^no calculation of .* uses /.test(error) &&
    /\b(?:monthly|every\s+month|each\s+month|month\s+by\s+month)\b/i.test(said) &&
    typeof input['input'] === 'string' &&
    namedExactly(input['input'], error.replace(/^(?:every calculation using|no calculation of '[^']*' uses) /, ''))
  ) {
    return call('proposeMonthlyValues', { ...common, input: input['input'] });
  }
  return null;
}
