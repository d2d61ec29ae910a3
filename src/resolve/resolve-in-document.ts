import type { BusinessCase, Calculation, Input, Scenario, UseCase } from '../engine/index.ts';
import { matchName, nameScore, words } from './match-name.ts';
import { unresolved, type Resolved } from './resolution.ts';

/**
 * Resolves a scenario by id or name ("the Rollout Plan", "realization"). Without a name:
 * the realization scenario when `prefer` is 'realization' (where tracking happens), else
 * the only future scenario.
 */
export function resolveScenario(doc: BusinessCase, name: string | undefined, prefer: 'realization' | 'future' = 'realization'): Resolved<Scenario> {
  const list = doc.scenarios.map((s) => `${s.name} (${s.id}, ${s.kind})`);
  if (name === undefined || name.trim() === '') {
    const pick = prefer === 'realization' ? doc.scenarios.find((s) => s.kind === 'realization') : undefined;
    if (pick) return { ok: true, value: pick };
    const futures = doc.scenarios.filter((s) => s.kind === 'future');
    if (futures.length === 1) return { ok: true, value: futures[0]! };
    return unresolved(`which scenario of '${doc.name}'?`, list);
  }
  const q = name.trim().toLowerCase();
  if (/^(the )?(value )?reali[sz]ation( scenario)?$/.test(q) || q === 'actuals') {
    const r = doc.scenarios.find((s) => s.kind === 'realization');
    if (r) return { ok: true, value: r };
    return unresolved(`'${doc.name}' has no realization scenario yet`, list);
  }
  const m = matchName(doc.scenarios, name, (s) => [s.id, s.name]);
  if (m.kind === 'match') return { ok: true, value: m.item };
  if (m.kind === 'ambiguous')
    return unresolved(
      `'${name}' could be several scenarios`,
      m.candidates.map((s) => `${s.name} (${s.id})`),
    );
  return unresolved(`no scenario called '${name}' in '${doc.name}'`, list);
}

/** Resolves a use case of a scenario by id or name. */
export function resolveUseCase(scenario: Scenario, name: string): Resolved<UseCase> {
  const m = matchName(scenario.useCases, name, (u) => [u.id, u.name]);
  if (m.kind === 'match') return { ok: true, value: m.item };
  const list = (m.kind === 'ambiguous' ? m.candidates : scenario.useCases).map((u) => `${u.name} (${u.id})`);
  return unresolved(m.kind === 'ambiguous' ? `'${name}' could be several use cases` : `no use case called '${name}' in scenario '${scenario.name}'`, list);
}

/** A calculation with the use case it belongs to. */
export interface LocatedCalculation {
  useCase: UseCase;
  calculation: Calculation;
}

/**
 * Resolves a calculation by id or name across the scenario's use cases (or one use case):
 * "the efficiency calculation" finds "Rep Efficiency Gain".
 */
export function resolveCalculation(scenario: Scenario, name: string, useCaseName?: string): Resolved<LocatedCalculation> {
  let useCases = scenario.useCases;
  if (useCaseName) {
    const u = resolveUseCase(scenario, useCaseName);
    if (!u.ok) return u;
    useCases = [u.value];
  }
  const all = useCases.flatMap((useCase) => useCase.calculations.map((calculation) => ({ useCase, calculation })));
  const show = (c: LocatedCalculation): string => `${c.calculation.name} (${c.calculation.id}) in ${c.useCase.name}`;
  const namesOf = (c: LocatedCalculation): string[] => [c.calculation.id, c.calculation.name];
  // Exact before fuzzy: the one calculation whose id or name is the name.
  const exact = all.filter((c) => nameScore(name, namesOf(c)) >= 90);
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  // A name that fits a use case better than any calculation ("support efficiency" for
  // "Increase Support Team Efficiency") means the use case's calculation: its only one, or
  // ask which, naming them all; never the calculation a stray word of it happens to match.
  if (exact.length === 0) {
    const bestCalculation = Math.max(0, ...all.map((c) => nameScore(name, namesOf(c))));
    const u = matchName(useCases, name, (x) => [x.id, x.name]);
    if (u.kind === 'match' && nameScore(name, [u.item.id, u.item.name]) > bestCalculation) {
      const inUseCase = all.filter((c) => c.useCase === u.item);
      if (inUseCase.length === 1) return { ok: true, value: inUseCase[0]! };
      if (inUseCase.length > 1) return unresolved(`'${name}' is the use case '${u.item.name}', which has several calculations`, inUseCase.map(show));
    }
  }
  const m = matchName(all, name, namesOf);
  if (m.kind === 'match') return { ok: true, value: m.item };
  return unresolved(
    m.kind === 'ambiguous' ? `'${name}' could be several calculations` : `no calculation called '${name}' in scenario '${scenario.name}'`,
    (m.kind === 'ambiguous' ? m.candidates : all).map(show),
  );
}

/** An input with the use case it belongs to. */
export interface LocatedInput {
  useCase: UseCase;
  input: Input;
}

/**
 * An input named with its use case in front ("self service deflection": the use case Deflect
 * Tickets with Self-Service, its input deflection): the words of one use case's name or id are
 * taken out, and the rest must name one input of that use case. Only when exactly one use case
 * gives one input; undefined otherwise.
 */
function inputOfUseCaseNamed(scenario: Scenario, name: string, options: { timeSeriesFirst?: boolean }): LocatedInput | undefined {
  const said = words(name);
  const found = new Map<string, LocatedInput>();
  for (const useCase of scenario.useCases) {
    const own = new Set([...words(useCase.name), ...words(useCase.id)]);
    const rest = said.filter((w) => !own.has(w));
    // Two words of the use case at least ("self service"), and something left to name the input.
    if (said.length - rest.length < 2 || rest.length === 0) continue;
    const r = resolveInput(scenario, rest.join(' '), { ...options, useCase: useCase.id });
    if (r.ok) found.set(`${useCase.id}:${r.value.input.key}`, r.value);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/**
 * Resolves an input by key or label ("Avg. Tickets per Day", "# of reps"): an input named
 * exactly (key or label, case and punctuation aside) first, unless `preferKeys` is given. With `timeSeriesFirst`, time-series inputs win over constants of a similar name (when someone
 * dictates a measurement they mean the tracked metric, not its baseline); `preferKeys` does
 * the same for a given set (the inputs a calculation's formula refers to).
 */
export function resolveInput(
  scenario: Scenario,
  name: string,
  options: { useCase?: string; timeSeriesFirst?: boolean; preferKeys?: readonly string[] } = {},
): Resolved<LocatedInput> {
  let useCases = scenario.useCases;
  if (options.useCase) {
    const u = resolveUseCase(scenario, options.useCase);
    if (!u.ok) return u;
    useCases = [u.value];
  }
  const all = useCases.flatMap((useCase) => useCase.inputs.map((input) => ({ useCase, input })));
  const show = (c: LocatedInput): string => `${c.input.label} (${c.input.key}) in ${c.useCase.name}`;
  const namesOf = (c: LocatedInput): string[] => [c.input.key, c.input.label];
  // Exact before fuzzy: the one input whose key or label is the name (case, punctuation and
  // filler aside) is meant, whatever the tracked-first preference below.
  // A split's formula inputs (`preferKeys`) outrank this: there the formula says what is meant.
  const exact = options.preferKeys ? [] : all.filter((c) => nameScore(name, namesOf(c)) >= 90);
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  // Several exact: the one written exactly as its key or label, else the one whose label it is
  // ("avg tickets per day" is the label Avg. Tickets per Day, and only the key of the baseline avg_tickets_per_day).
  if (exact.length > 1) {
    const verbatim = exact.filter((c) => nameScore(name, namesOf(c)) === 100);
    if (verbatim.length === 1) return { ok: true, value: verbatim[0]! };
    const byLabel = exact.filter((c) => nameScore(name, [c.input.label]) >= 90);
    if (byLabel.length === 1) return { ok: true, value: byLabel[0]! };
  }
  // A narrower set next: the tracked inputs (measurements) or the inputs a formula uses (a split).
  const preferred = options.preferKeys
    ? all.filter((c) => options.preferKeys!.includes(c.input.key))
    : options.timeSeriesFirst
      ? all.filter((c) => c.input.series)
      : [];
  if (preferred.length > 0) {
    const m = matchName(preferred, name, namesOf);
    if (m.kind === 'match') return { ok: true, value: m.item };
    if (m.kind === 'ambiguous') return unresolved(`'${name}' could be several inputs`, m.candidates.map(show));
  }
  const m = matchName(all, name, namesOf);
  if (m.kind === 'match') return { ok: true, value: m.item };
  if (m.kind === 'none' && !options.useCase) {
    const qualified = inputOfUseCaseNamed(scenario, name, options);
    if (qualified) return { ok: true, value: qualified };
  }
  return unresolved(
    m.kind === 'ambiguous' ? `'${name}' could be several inputs` : `no input called '${name}' in scenario '${scenario.name}'`,
    (m.kind === 'ambiguous' ? m.candidates : all).map(show),
  );
}
