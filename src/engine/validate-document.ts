import type { z } from 'zod';
import { businessCaseSchema, type BusinessCase } from './document-schema.ts';
import { ok, type EngineError, type Result } from './engine-error.ts';
import { jsonPath } from './json-path.ts';
import { monthIndex } from './month.ts';
import { parseCached } from './formula/formula-cache.ts';
import { quoteFormula } from './formula/quote-formula.ts';
import { referenceNodes } from './formula/ast.ts';

/** Turns the first zod issue into an engine error with the JSON path of the problem. */
export function zodIssueToError(error: z.ZodError, code: EngineError['code'], prefix: ReadonlyArray<PropertyKey> = []): EngineError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return { code, message: `unknown field '${key}' at ${jsonPath([...path, key])}`, path: jsonPath([...path, key]) };
  }
  let message = issue.message;
  // zod reports a missing field as an invalid type whose input is undefined (inputs are reported: see callers).
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) message = 'is required';
  else if (issue.code === 'invalid_type' && typeof input === 'number') message = `must be a finite number, got ${input}`;
  else if (issue.code === 'invalid_union') message = 'is not a valid value here';
  return { code, message: `${jsonPath(path)}: ${message}`, path: jsonPath(path) };
}

/**
 * Loads a business-case document: the strict schema, then every cross-field rule of the
 * contract (unique ids and keys, formulas that parse and refer only to their use case's
 * inputs, one realization scenario at most, ramps, metrics, milestones). Returns the
 * document or the first problem with its JSON path.
 */
export function parseDocument(json: unknown): Result<BusinessCase> {
  const parsed = businessCaseSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, error: zodIssueToError(parsed.error, 'invalid_document') };
  const problem = checkDocument(parsed.data);
  return problem ? { ok: false, error: problem } : ok(parsed.data);
}

function duplicate<T>(items: readonly T[], keyOf: (t: T) => string): number {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const k = keyOf(items[i]!);
    if (seen.has(k)) return i;
    seen.add(k);
  }
  return -1;
}

/** The cross-field rules; returns the first problem or null. Also used after operations. */
export function checkDocument(doc: BusinessCase): EngineError | null {
  const bad = (message: string, path: Array<string | number>): EngineError => {
    const p = jsonPath(path);
    return { code: 'invalid_document', message: `${p}: ${message}`, path: p };
  };
  const dupScenario = duplicate(doc.scenarios, (s) => s.id);
  if (dupScenario >= 0) return bad(`duplicate scenario id '${doc.scenarios[dupScenario]!.id}'`, ['scenarios', dupScenario, 'id']);
  const realizations = doc.scenarios.flatMap((s, i) => (s.kind === 'realization' ? [i] : []));
  if (realizations.length > 1) return bad('a business case has at most one realization scenario', ['scenarios', realizations[1]!, 'kind']);

  for (const [si, s] of doc.scenarios.entries()) {
    const at = (...rest: Array<string | number>): Array<string | number> => ['scenarios', si, ...rest];
    if (s.basedOn !== undefined) {
      const base = doc.scenarios.find((o) => o.id === s.basedOn);
      if (base?.kind !== 'future') return bad(`basedOn '${s.basedOn}' is not a future scenario of this business case`, at('basedOn'));
    }
    if (s.kind === 'realization' && s.ramp !== undefined && s.ramp.length > 0) return bad('a realization scenario has no ramp', at('ramp'));
    const ramps = (s.ramp ?? []).map((r, i) => ({ from: monthIndex(r.from), to: monthIndex(r.to), i }));
    for (const r of ramps) if (r.from > r.to) return bad(`ramp 'from' ${s.ramp![r.i]!.from} is after 'to' ${s.ramp![r.i]!.to}`, at('ramp', r.i));
    const sorted = [...ramps].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from <= sorted[i - 1]!.to) return bad(`ramp ranges overlap (ranges ${sorted[i - 1]!.i} and ${sorted[i]!.i})`, at('ramp', sorted[i]!.i));
    }
    const milestones = s.milestones ?? [];
    const dupMilestone = duplicate(milestones, (m) => m.id);
    if (dupMilestone >= 0) return bad(`duplicate milestone id '${milestones[dupMilestone]!.id}'`, at('milestones', dupMilestone, 'id'));

    const dupUseCase = duplicate(s.useCases, (u) => u.id);
    if (dupUseCase >= 0) return bad(`duplicate use case id '${s.useCases[dupUseCase]!.id}'`, at('useCases', dupUseCase, 'id'));
    for (const [ui, u] of s.useCases.entries()) {
      const dupKey = duplicate(u.inputs, (inp) => inp.key);
      if (dupKey >= 0) return bad(`duplicate input key '${u.inputs[dupKey]!.key}'`, at('useCases', ui, 'inputs', dupKey, 'key'));
      const dupCalc = duplicate(u.calculations, (c) => c.id);
      if (dupCalc >= 0) return bad(`duplicate calculation id '${u.calculations[dupCalc]!.id}'`, at('useCases', ui, 'calculations', dupCalc, 'id'));
      const keys = new Set(u.inputs.map((inp) => inp.key));
      for (const [ci, c] of u.calculations.entries()) {
        const p = parseCached(c.formula);
        if (!p.ok) {
          const where = `calculation '${c.id}' (use case '${u.id}', scenario '${s.id}')`;
          return bad(`formula ${quoteFormula(c.formula)} of ${where}: ${p.error.message}`, at('useCases', ui, 'calculations', ci, 'formula'));
        }
        const unknown = p.refs.find((k) => !keys.has(k));
        if (unknown !== undefined) {
          const node = findRef(c.formula, unknown);
          return bad(
            `formula ${quoteFormula(c.formula)} refers to unknown key '${unknown}' at position ${node + 1} (not an input of use case '${u.id}')`,
            at('useCases', ui, 'calculations', ci, 'formula'),
          );
        }
        if (c.metric !== undefined && !keys.has(c.metric))
          return bad(`metric '${c.metric}' is not an input of use case '${u.id}'`, at('useCases', ui, 'calculations', ci, 'metric'));
      }
    }
  }
  return null;
}

function findRef(formula: string, key: string): number {
  const p = parseCached(formula);
  return p.ok ? (referenceNodes(p.ast).find((n) => n.name === key)?.start ?? 0) : 0;
}
