/**
 * The calculation scorer: a pure function from a case and what the engine did to a list of
 * differences. Money is compared to the cent (absolute difference below 0.005, the
 * contract's "to the cent"), ratios to 1e-9 relative, strings and booleans exactly.
 */
import type { BusinessCase, Input, Scenario, UseCase } from '../../src/engine/index.ts';
import type { CaseResult, Failure } from '../suite.ts';
import type { CalculationCase, ExpectedDocument, ExpectedFigures } from './calculation-case.ts';
import type { CalculationOutcome } from './run-calculation-case.ts';

/** Money: equal when the absolute difference is below half a cent. */
export function sameMoney(expected: number, actual: number): boolean {
  return Math.abs(expected - actual) < 0.005;
}

/** Ratios (and other non-money numbers): equal to 1e-9 relative; an expected 0 allows 1e-12. */
export function sameRatio(expected: number, actual: number): boolean {
  if (expected === 0) return Math.abs(actual) <= 1e-12;
  return Math.abs(expected - actual) <= 1e-9 * Math.abs(expected);
}

type NumberKind = 'money' | 'ratio';

/** Compares a nullable number; records a failure when it differs. */
function checkNumber(failures: Failure[], field: string, kind: NumberKind, expected: number | null, actual: unknown): void {
  if (expected === null || typeof actual !== 'number') {
    if (expected !== actual) failures.push({ field, expected, actual: actual ?? null });
    return;
  }
  const same = kind === 'money' ? sameMoney(expected, actual) : sameRatio(expected, actual);
  if (!same) failures.push({ field, expected, actual });
}

/** Compares strings, booleans and nulls exactly. */
function checkExact(failures: Failure[], field: string, expected: unknown, actual: unknown): void {
  if (expected !== (actual ?? null)) failures.push({ field, expected, actual: actual ?? null });
}

/** Structural equality where every number is compared as a ratio (1e-9 relative). */
export function sameStructure(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && sameRatio(expected, actual);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameStructure(e, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = Object.keys(e);
    const actualKeys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === actualKeys.length && keys.every((k) => Object.hasOwn(a, k) && sameStructure(e[k], a[k]));
  }
  return expected === actual;
}

const MONEY_FIELDS = [
  'total',
  'realizedToDate',
  'measuredToDate',
  'carriedForwardToDate',
  'assumedToDate',
  'estimatedToDate',
  'projectedTotal',
  'investmentTotal',
  'investmentToDate',
] as const;
const RATIO_FIELDS = ['varianceToDate', 'projectedRoi', 'roi', 'roiToDate', 'benefitMultiple', 'months'] as const;
const EXACT_FIELDS = ['scenario', 'kind', 'asOf', 'start', 'paybackMonth'] as const;
const MONTH_FIELDS = ['benefit', 'cumulative', 'realized', 'measured', 'carriedForward', 'assumed', 'estimated'] as const;
const USE_CASE_MONEY_FIELDS = ['total', 'realizedToDate', 'measuredToDate', 'assumedToDate', 'estimatedToDate'] as const;

function scoreSummary(failures: Failure[], expected: ExpectedFigures, summary: Record<string, unknown>): void {
  for (const f of MONEY_FIELDS) if (expected[f] !== undefined) checkNumber(failures, f, 'money', expected[f], summary[f]);
  for (const f of RATIO_FIELDS) if (expected[f] !== undefined) checkNumber(failures, f, 'ratio', expected[f], summary[f]);
  for (const f of EXACT_FIELDS) if (expected[f] !== undefined) checkExact(failures, f, expected[f], summary[f]);

  const monthly = Array.isArray(summary['monthly']) ? (summary['monthly'] as Array<Record<string, unknown>>) : [];
  for (const [month, want] of Object.entries(expected.monthly ?? {})) {
    const got = monthly.find((m) => m['month'] === month);
    if (!got) {
      failures.push({ field: `monthly.${month}`, expected: want, actual: 'no such month in the summary' });
      continue;
    }
    for (const f of MONTH_FIELDS) if (want[f] !== undefined) checkNumber(failures, `monthly.${month}.${f}`, 'money', want[f], got[f]);
  }

  const useCases = Array.isArray(summary['useCases']) ? (summary['useCases'] as Array<Record<string, unknown>>) : [];
  for (const [id, want] of Object.entries(expected.useCases ?? {})) {
    const got = useCases.find((u) => u['id'] === id);
    const at = `useCases.${id}`;
    if (!got) {
      failures.push({ field: at, expected: want, actual: 'no such use case in the summary' });
      continue;
    }
    for (const f of USE_CASE_MONEY_FIELDS) if (want[f] !== undefined) checkNumber(failures, `${at}.${f}`, 'money', want[f], got[f]);
    if (want.varianceToDate !== undefined) checkNumber(failures, `${at}.varianceToDate`, 'ratio', want.varianceToDate, got['varianceToDate']);
    const calculations = Array.isArray(got['calculations']) ? (got['calculations'] as Array<Record<string, unknown>>) : [];
    for (const [cid, wantCalc] of Object.entries(want.calculations ?? {})) {
      const c = calculations.find((x) => x['id'] === cid);
      const cat = `${at}.calculations.${cid}`;
      if (!c) {
        failures.push({ field: cat, expected: wantCalc, actual: 'no such calculation in the summary' });
        continue;
      }
      if (wantCalc.total !== undefined) checkNumber(failures, `${cat}.total`, 'money', wantCalc.total, c['total']);
      if (wantCalc.realizedToDate !== undefined) checkNumber(failures, `${cat}.realizedToDate`, 'money', wantCalc.realizedToDate, c['realizedToDate']);
      if (wantCalc.tracked !== undefined) checkExact(failures, `${cat}.tracked`, wantCalc.tracked, c['tracked']);
      if (wantCalc.metric !== undefined) checkExact(failures, `${cat}.metric`, wantCalc.metric, c['metric']);
      if (wantCalc.lastMeasured !== undefined) checkExact(failures, `${cat}.lastMeasured`, wantCalc.lastMeasured, c['lastMeasured']);
    }
  }
}

/** `[]` and a missing list mean the same ("none"), which `null` stands for in a case. */
const listOrNull = (list: readonly unknown[] | undefined): readonly unknown[] | null => (list === undefined || list.length === 0 ? null : list);

function locate(doc: BusinessCase, address: string): { scenario?: Scenario; useCase?: UseCase; last?: string; problem?: string } {
  const [scenarioId, useCaseId, last] = address.split('/');
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return { problem: `no scenario '${scenarioId}'` };
  const useCase = scenario.useCases.find((u) => u.id === useCaseId);
  if (!useCase) return { scenario, problem: `no use case '${useCaseId}' in scenario '${scenarioId}'` };
  if (last === undefined) return { scenario, useCase, problem: `address '${address}' is not scenario/useCase/name` };
  return { scenario, useCase, last };
}

function scoreDocument(failures: Failure[], expected: ExpectedDocument, doc: BusinessCase): void {
  for (const [id, want] of Object.entries(expected.scenarios ?? {})) {
    const at = `document.scenarios.${id}`;
    const s = doc.scenarios.find((x) => x.id === id);
    if (want.absent) {
      if (s) failures.push({ field: at, expected: 'absent', actual: 'present' });
      continue;
    }
    if (!s) {
      failures.push({ field: at, expected: want, actual: 'absent' });
      continue;
    }
    for (const f of ['kind', 'name', 'start'] as const) if (want[f] !== undefined) checkExact(failures, `${at}.${f}`, want[f], s[f]);
    if (want.basedOn !== undefined) checkExact(failures, `${at}.basedOn`, want.basedOn, s.basedOn);
    if (want.lockedThrough !== undefined) checkExact(failures, `${at}.lockedThrough`, want.lockedThrough, s.lockedThrough);
    if (want.months !== undefined) checkNumber(failures, `${at}.months`, 'ratio', want.months, s.months);
    for (const f of ['ramp', 'investment', 'milestones'] as const) {
      if (want[f] === undefined) continue;
      const actual = listOrNull(s[f]);
      if (!sameStructure(want[f], actual)) failures.push({ field: `${at}.${f}`, expected: want[f], actual });
    }
  }

  for (const [address, want] of Object.entries(expected.inputs ?? {})) {
    const at = `document.inputs.${address}`;
    const loc = locate(doc, address);
    if (loc.problem) {
      failures.push({ field: at, expected: want, actual: loc.problem });
      continue;
    }
    const input: Input | undefined = loc.useCase!.inputs.find((i) => i.key === loc.last);
    if (want.absent) {
      if (input) failures.push({ field: at, expected: 'absent', actual: input });
      continue;
    }
    if (!input) {
      failures.push({ field: at, expected: want, actual: 'absent' });
      continue;
    }
    if (want.label !== undefined) checkExact(failures, `${at}.label`, want.label, input.label);
    if (want.unit !== undefined) checkExact(failures, `${at}.unit`, want.unit, input.unit);
    if (want.value !== undefined) checkNumber(failures, `${at}.value`, 'ratio', want.value, input.value);
    if (want.series !== undefined) {
      const actual = input.series ?? null;
      if (!sameStructure(want.series, actual)) failures.push({ field: `${at}.series`, expected: want.series, actual });
    }
  }

  for (const [address, want] of Object.entries(expected.calculations ?? {})) {
    const at = `document.calculations.${address}`;
    const loc = locate(doc, address);
    if (loc.problem) {
      failures.push({ field: at, expected: want, actual: loc.problem });
      continue;
    }
    const calc = loc.useCase!.calculations.find((c) => c.id === loc.last);
    if (want.absent) {
      if (calc) failures.push({ field: at, expected: 'absent', actual: calc });
      continue;
    }
    if (!calc) {
      failures.push({ field: at, expected: want, actual: 'absent' });
      continue;
    }
    for (const f of ['name', 'formula', 'period'] as const) if (want[f] !== undefined) checkExact(failures, `${at}.${f}`, want[f], calc[f]);
    if (want.metric !== undefined) checkExact(failures, `${at}.metric`, want.metric, calc.metric);
  }
}

/** One line saying what the engine did, for a failure's `actual`. */
export function describeOutcome(outcome: CalculationOutcome): string {
  switch (outcome.kind) {
    case 'invalid-document':
      return `invalid document at ${outcome.error.path ?? '(no path)'}: ${outcome.error.message}`;
    case 'refused':
      return outcome.index === null
        ? `summary failed (${outcome.error.code}): ${outcome.error.message}`
        : `operation ${outcome.index} refused (${outcome.error.code}): ${outcome.error.message}`;
    case 'summary':
      return `a summary (total ${outcome.summary.total})`;
  }
}

/**
 * Scores a case against the engine's outcome. Pure: no I/O, no engine calls. The case passes
 * when there is no failure.
 */
export function scoreCalculation(c: CalculationCase, outcome: CalculationOutcome): CaseResult {
  const failures: Failure[] = [];

  if (c.expectInvalidDocument) {
    const want = c.expectInvalidDocument;
    if (outcome.kind !== 'invalid-document') {
      failures.push({ field: 'outcome', expected: `invalid document at ${want.pathIncludes}`, actual: describeOutcome(outcome) });
    } else {
      const path = outcome.error.path ?? '';
      if (!path.includes(want.pathIncludes)) failures.push({ field: 'error.path', expected: `contains "${want.pathIncludes}"`, actual: path });
      for (const s of want.messageIncludes) {
        if (!outcome.error.message.includes(s)) failures.push({ field: 'error.message', expected: `contains "${s}"`, actual: outcome.error.message });
      }
    }
    return { pass: failures.length === 0, failures };
  }

  if (outcome.kind !== 'invalid-document' && !outcome.inputUntouched) {
    failures.push({ field: 'input document', expected: 'untouched', actual: 'mutated by the engine' });
  }

  if (c.expectRefusal) {
    const want = c.expectRefusal;
    const where = want.index === undefined ? 'the summary fails' : `operation ${want.index} is refused`;
    if (outcome.kind !== 'refused') {
      failures.push({ field: 'outcome', expected: where, actual: describeOutcome(outcome) });
    } else {
      if ((want.index ?? null) !== outcome.index) failures.push({ field: 'refusal.index', expected: want.index ?? null, actual: outcome.index });
      if (want.code !== undefined && want.code !== outcome.error.code)
        failures.push({ field: 'refusal.code', expected: want.code, actual: outcome.error.code });
      for (const s of want.messageIncludes) {
        if (!outcome.error.message.includes(s)) failures.push({ field: 'refusal.message', expected: `contains "${s}"`, actual: outcome.error.message });
      }
    }
    return { pass: failures.length === 0, failures };
  }

  const expected = c.expect ?? {};
  if (outcome.kind !== 'summary') {
    failures.push({ field: 'outcome', expected: 'a summary', actual: describeOutcome(outcome) });
    return { pass: false, failures };
  }
  scoreSummary(failures, expected, outcome.summary as unknown as Record<string, unknown>);
  if (expected.document) scoreDocument(failures, expected.document, outcome.document);
  return { pass: failures.length === 0, failures };
}
