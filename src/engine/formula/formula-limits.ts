/**
 * The size limits of a formula (contract 2, "Formula limits"). A formula beyond any of
 * them is refused by the parser, before it is tokenized (length) or before parsing goes
 * deeper (depth, arguments), so no input can make the parser, the compiler or a compiled
 * formula recurse without bound.
 * - `maxLength`: characters of the formula text, whitespace included (2,000 is allowed);
 * - `maxDepth`: nesting levels; a parenthesised group, a function call (its own
 *   parentheses are not a second level) and a unary minus each add one, so `a + b * c` is
 *   depth 0, `(a)`, `-a` and `min(a, b)` are 1, `min((a), b)`, `--a` and `-(a)` are 2;
 * - `maxArguments`: arguments of one function call (`min`/`max` take any number up to it).
 */
export const FORMULA_LIMITS = {
  maxLength: 2_000,
  maxDepth: 32,
  maxArguments: 64,
} as const;
