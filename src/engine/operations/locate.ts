import type { BusinessCase, Calculation, Input, Scenario, UseCase } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';

/** Where a use case sits in a document, for operations that change it. */
export interface UseCaseLocation {
  scenario: Scenario;
  useCase: UseCase;
}

const list = (ids: string[]): string => (ids.length ? ids.join(', ') : 'none');

/** Finds a scenario by id, or a `not_found` error listing the ids there are. */
export function findScenario(doc: BusinessCase, id: string): Result<Scenario> {
  const s = doc.scenarios.find((x) => x.id === id);
  return s ? ok(s) : fail('not_found', `no scenario '${id}' (scenarios: ${list(doc.scenarios.map((x) => x.id))})`, '$.scenario');
}

/** Finds a use case of a scenario by id. */
export function findUseCase(doc: BusinessCase, scenarioId: string, useCaseId: string): Result<UseCaseLocation> {
  const s = findScenario(doc, scenarioId);
  if (!s.ok) return s;
  const u = s.value.useCases.find((x) => x.id === useCaseId);
  return u
    ? ok({ scenario: s.value, useCase: u })
    : fail('not_found', `no use case '${useCaseId}' in scenario '${scenarioId}' (use cases: ${list(s.value.useCases.map((x) => x.id))})`, '$.useCase');
}

/** Finds a calculation of a use case by id. */
export function findCalculation(useCase: UseCase, id: string): Result<Calculation> {
  const c = useCase.calculations.find((x) => x.id === id);
  return c
    ? ok(c)
    : fail('not_found', `no calculation '${id}' in use case '${useCase.id}' (calculations: ${list(useCase.calculations.map((x) => x.id))})`, '$.calculation');
}

/** Finds an input of a use case by key. */
export function findInput(useCase: UseCase, key: string, field = 'input'): Result<Input> {
  const i = useCase.inputs.find((x) => x.key === key);
  return i ? ok(i) : fail('not_found', `no input '${key}' in use case '${useCase.id}' (inputs: ${list(useCase.inputs.map((x) => x.key))})`, `$.${field}`);
}

/** The use case at a location already checked to exist (in a fresh copy being changed). */
export function useCaseIn(doc: BusinessCase, scenarioId: string, useCaseId: string): UseCase {
  return doc.scenarios.find((s) => s.id === scenarioId)!.useCases.find((u) => u.id === useCaseId)!;
}

/** The input at a location already checked to exist (in a fresh copy being changed). */
export function inputIn(doc: BusinessCase, scenarioId: string, useCaseId: string, key: string): Input {
  return useCaseIn(doc, scenarioId, useCaseId).inputs.find((i) => i.key === key)!;
}
