/**
 * The subset matcher of the agent cases' expectations (operations, measurement history):
 * what a case names must match, what it leaves out is not checked.
 *
 * - a string, boolean: equal; a number: equal to 1e-9 relative (`sameRatio`);
 * - `null`: the field is absent (or null);
 * - `{ "$includes": "text" }`: a string containing `text`, ignoring case (free text a model
 *   may word its own way: a note, a source);
 * - an object: every field it names matches (others are not checked);
 * - an array: the same length, item by item.
 */
import { sameRatio } from '../calculation/score-calculation.ts';
import type { Failure } from '../suite.ts';

function isIncludes(v: unknown): v is { $includes: string } {
  return (
    v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>)['$includes'] === 'string' && Object.keys(v).length === 1
  );
}

const show = (v: unknown): unknown => (v === undefined ? null : v);

/** Appends a failure for every place `actual` does not match `expected` (fields under `at`). */
export function matchSubset(failures: Failure[], at: string, expected: unknown, actual: unknown): void {
  if (expected === null) {
    if (actual !== undefined && actual !== null) failures.push({ field: at, expected: 'absent', actual });
    return;
  }
  if (isIncludes(expected)) {
    const want = expected.$includes;
    if (typeof actual !== 'string' || !actual.toLowerCase().includes(want.toLowerCase()))
      failures.push({ field: at, expected: `text containing "${want}"`, actual: show(actual) });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      failures.push({ field: at, expected, actual: show(actual) });
      return;
    }
    if (actual.length !== expected.length) {
      failures.push({ field: `${at}.length`, expected: expected.length, actual: actual.length });
      return;
    }
    expected.forEach((e, i) => matchSubset(failures, `${at}[${i}]`, e, actual[i]));
    return;
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      failures.push({ field: at, expected, actual: show(actual) });
      return;
    }
    for (const [k, e] of Object.entries(expected)) matchSubset(failures, `${at}.${k}`, e, (actual as Record<string, unknown>)[k]);
    return;
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !sameRatio(expected, actual)) failures.push({ field: at, expected, actual: show(actual) });
    return;
  }
  if (expected !== actual) failures.push({ field: at, expected, actual: show(actual) });
}
