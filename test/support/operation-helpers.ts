/**
 * Helpers for the operation tests (operations, Delta Corp story, properties): apply an
 * operation and insist it succeeded or was refused, always checking that the caller's
 * document is left exactly as it was; read a calculation's or use case's monthly benefit.
 * Expected figures never come from here: the tests compute them by hand.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { applyOperation, evaluateScenario, parseDocument, type Applied, type BusinessCase, type EngineError, type Scenario } from '../../src/engine/index.ts';

/** A document from `examples/`, validated. */
export function loadExample(file: string): BusinessCase {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
  return validDocument(json);
}

/** Validates a hand-written document (a fixture that does not load is a test bug). */
export function validDocument(json: unknown): BusinessCase {
  const parsed = parseDocument(json);
  if (!parsed.ok) throw new Error(`fixture is not a valid document: ${parsed.error.message}`);
  return parsed.value;
}

/** A one-customer document around the given scenarios. */
export function caseWith(scenarios: Scenario[]): BusinessCase {
  return validDocument({ version: 1, id: 'acme-support', name: 'Acme – Support', customer: 'Acme Inc.', currency: 'USD', scenarios });
}

/** Applies an operation that must succeed; the input document must not change. */
export function applyOk(doc: BusinessCase, op: unknown, asOf = '2025-06'): Applied {
  const before = structuredClone(doc);
  const r = applyOperation(doc, op, { asOf });
  expect(doc, 'applyOperation must not mutate its input').toStrictEqual(before);
  if (!r.ok) throw new Error(`expected the operation to succeed, it was refused: ${r.error.code} ${r.error.message} (${r.error.path ?? 'no path'})`);
  return r.value;
}

/** Applies an operation that must be refused; the document must be exactly as before. */
export function applyRefused(doc: BusinessCase, op: unknown, asOf = '2025-06'): EngineError {
  const before = structuredClone(doc);
  const r = applyOperation(doc, op, { asOf });
  expect(doc, 'a refused operation leaves the document exactly as it was').toStrictEqual(before);
  if (r.ok) throw new Error(`expected the operation to be refused, it succeeded: ${r.value.preview.changes.join(' | ')}`);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
  return r.error;
}

/** Applies operations one after the other (each must succeed); returns the last document. */
export function applyAllOk(doc: BusinessCase, ops: readonly unknown[], asOf = '2025-06'): BusinessCase {
  return ops.reduce<BusinessCase>((d, op) => applyOk(d, op, asOf).document, doc);
}

function evaluated(doc: BusinessCase, scenarioId: string) {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const ev = evaluateScenario(scenario);
  if (!ev.ok) throw new Error(`scenario ${scenarioId} does not evaluate: ${ev.error.message}`);
  return ev.value;
}

/** The monthly benefit of one calculation (ramp applied), as plain numbers. */
export function calcMonthly(doc: BusinessCase, scenarioId: string, useCaseId: string, calcId: string): number[] {
  const u = evaluated(doc, scenarioId).useCases.find((x) => x.useCase.id === useCaseId);
  const c = u?.calculations.find((x) => x.calculation.id === calcId);
  if (!c) throw new Error(`no calculation ${useCaseId}/${calcId}`);
  return Array.from(c.monthly);
}

/** The monthly benefit of a use case (sum of its calculations). */
export function useCaseMonthly(doc: BusinessCase, scenarioId: string, useCaseId: string): number[] {
  const ev = evaluated(doc, scenarioId);
  const u = ev.useCases.find((x) => x.useCase.id === useCaseId);
  if (!u) throw new Error(`no use case ${useCaseId}`);
  const out = new Array<number>(ev.months).fill(0);
  for (const c of u.calculations) c.monthly.forEach((v, i) => (out[i] = out[i]! + v));
  return out;
}

/** Element-wise "to the cent" (absolute difference below 0.005). */
export function expectCents(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    if (!(Math.abs(a - expected[i]!) < 0.005)) throw new Error(`month #${i}: got ${a}, expected ${expected[i]} (to the cent)`);
  });
}

/** The keys an input list holds, sorted. */
export function keysOf(inputs: ReadonlyArray<{ key: string }>): string[] {
  return inputs.map((i) => i.key).sort();
}

/** Every identifier a formula text mentions (input keys and function names). */
export function identifiers(formula: string): Set<string> {
  // Numbers are consumed first so the exponent of `1e-7` is not taken for a name.
  const tokens = formula.match(/(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  return new Set(tokens.filter((t) => /^[A-Za-z_]/.test(t)));
}
