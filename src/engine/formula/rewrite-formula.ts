import { referenceNodes } from './ast.ts';
import { parseCached } from './formula-cache.ts';

/**
 * Rewrites a formula's text by replacing input references, keeping everything else exactly
 * as the author wrote it. `replace` returns the replacement text for a key, or undefined to
 * keep it; replacements must be self-contained (a name, a call, or parenthesised).
 */
export function replaceReferences(formula: string, replace: (key: string) => string | undefined): string {
  const parsed = parseCached(formula);
  if (!parsed.ok) throw new Error(`formula does not parse: ${parsed.error.message}`);
  let out = '';
  let at = 0;
  for (const node of referenceNodes(parsed.ast)) {
    const text = replace(node.name);
    if (text === undefined) continue;
    out += formula.slice(at, node.start) + text;
    at = node.end;
  }
  return out + formula.slice(at);
}

/** A number as formula text: plain when non-negative, parenthesised when negative. */
export function numberLiteral(n: number): string {
  const text = String(n);
  return n < 0 || Object.is(n, -0) ? `(${text})` : text;
}
