import type { FormulaNode } from './ast.ts';
import { references } from './ast.ts';
import { parseFormula, type FormulaSyntaxError } from './parse-formula.ts';
import { compileFormula, type CompiledFormula } from './compile-formula.ts';

/** A parsed formula with the keys it refers to. */
export type ParsedFormula = { ok: true; ast: FormulaNode; refs: string[] } | { ok: false; error: FormulaSyntaxError };

/**
 * The memo's budget: the characters of the keys it holds (the formula text, plus the key
 * order for `compileCached`), all three memos together, oldest dropped first. A valid
 * formula is ASCII, so these are bytes of source. What a formula costs on the heap (its
 * tree and closures) grows with its length, so bounding the source bounds the memory:
 * 512 KiB of source is about 5,000 formulas of 50 characters, each held parsed and
 * compiled (a portfolio's worth: documents share formulas), or 131 of the longest allowed
 * (2,000 characters) held twice; the densest of those (`a+b+a+...`) measured about 55 MB of
 * heap in all, the most an adversary can make the memo hold. The count limit stays for
 * many tiny formulas. Only formulas that parse are ever held: a refused one (syntax or
 * size limits) costs nothing once the call that refused it returns.
 */
const MAX_BYTES = 512 * 1024;
const MAX_ENTRIES = 20_000;

// Three memos keyed by the formula text itself (a string already hashed once, so the hot
// path builds no key), sharing one budget; `order` is their common insertion order, so the
// oldest entry of any of them goes first.
const parsed = new Map<string, ParsedFormula>();
const compiled = new Map<string, CompiledFormula>();
const byRefs = new Map<string, CompiledFormula>();
const order: Array<{ map: Map<string, unknown>; key: string }> = [];
let oldest = 0;
let heldBytes = 0;
let heldEntries = 0;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (key.length > MAX_BYTES || map.has(key)) return value;
  map.set(key, value);
  order.push({ map: map as Map<string, unknown>, key });
  heldBytes += key.length;
  heldEntries++;
  while (heldBytes > MAX_BYTES || heldEntries > MAX_ENTRIES) {
    const gone = order[oldest]!;
    order[oldest++] = undefined as never;
    gone.map.delete(gone.key);
    heldBytes -= gone.key.length;
    heldEntries--;
  }
  if (oldest > 1024 && oldest * 2 > order.length) {
    order.splice(0, oldest);
    oldest = 0;
  }
  return value;
}

/**
 * Parses a formula, memoised by its text. The memo is referentially transparent (same
 * text, same tree) and bounded by the size of what it holds (see `formulaCacheUsage`), so
 * the engine stays pure while a portfolio of documents that share formulas is parsed once.
 * A formula that is refused is not remembered.
 */
export function parseCached(formula: string): ParsedFormula {
  const hit = parsed.get(formula);
  if (hit) return hit;
  const result = parseFormula(formula);
  if (!result.ok) return { ok: false, error: result.error };
  return remember(parsed, formula, { ok: true, ast: result.ast, refs: references(result.ast) });
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
  return remember(
    compiled,
    memoKey,
    compileFormula(p.ast, (k) => keys.indexOf(k)),
  );
}

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
  return remember(
    byRefs,
    formula,
    compileFormula(p.ast, (k) => refs.indexOf(k)),
  );
}

/**
 * What the formula memo holds now, read-only (for tests and diagnostics): entries, the
 * characters of source they are keyed by, and the budgets. Reading it changes nothing.
 */
export function formulaCacheUsage(): { entries: number; bytes: number; maxBytes: number; maxEntries: number } {
  return { entries: heldEntries, bytes: heldBytes, maxBytes: MAX_BYTES, maxEntries: MAX_ENTRIES };
}
