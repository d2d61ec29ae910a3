import type { FormulaNode } from './ast.ts';
import { references } from './ast.ts';
import { parseFormula, type FormulaSyntaxError } from './parse-formula.ts';
import { compileFormula, type CompiledFormula } from './compile-formula.ts';

/** A parsed formula with the keys it refers to. */
export type ParsedFormula =
  | { ok: true; ast: FormulaNode; refs: string[] }
  | { ok: false; error: FormulaSyntaxError };

const LIMIT = 20_000;
const parsed = new Map<string, ParsedFormula>();
const compiled = new Map<string, CompiledFormula>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= LIMIT) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

/**
 * Parses a formula, memoised by its text. The memo is referentially transparent (same
 * text, same tree) and bounded, so the engine stays pure while a portfolio of documents
 * that share formulas is parsed once.
 */
export function parseCached(formula: string): ParsedFormula {
  const hit = parsed.get(formula);
  if (hit) return hit;
  const result = parseFormula(formula);
  return remember(
    parsed,
    formula,
    result.ok ? { ok: true, ast: result.ast, refs: references(result.ast) } : { ok: false, error: result.error },
  );
}

/**
 * Compiles a formula that is known to parse and to refer only to `keys`, against the slot
 * order of `keys`; memoised by formula and key order.
 */
export function compileCached(formula: string, keys: readonly string[]): CompiledFormula {
  const memoKey = `${formula}\u0000${keys.join(',')}`;
  const hit = compiled.get(memoKey);
  if (hit) return hit;
  const p = parseCached(formula);
  if (!p.ok) throw new Error(`formula does not parse: ${p.error.message}`);
  return remember(compiled, memoKey, compileFormula(p.ast, (k) => keys.indexOf(k)));
}

const byRefs = new Map<string, CompiledFormula>();

/**
 * Compiles a formula that is known to parse against its own reference order: the compiled
 * function reads the value of `refs[i]` (see `parseCached`) from `values[i]`. Memoised by
 * formula text alone, so it is shared by every use case and every document that has the
 * same formula, whatever their other inputs.
 */
export function compileForRefs(formula: string): CompiledFormula {
  const hit = byRefs.get(formula);
  if (hit) return hit;
  const p = parseCached(formula);
  if (!p.ok) throw new Error(`formula does not parse: ${p.error.message}`);
  const refs = p.refs;
  return remember(byRefs, formula, compileFormula(p.ast, (k) => refs.indexOf(k)));
}
