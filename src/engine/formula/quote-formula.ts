/** Longest formula quoted whole in a message; a longer one is shown by its start and length. */
const QUOTED_FORMULA = 80;

/** A formula as an error message quotes it: whole when short, else its start and its length. */
export function quoteFormula(formula: string): string {
  if (formula.length <= QUOTED_FORMULA) return `"${formula}"`;
  return `"${formula.slice(0, QUOTED_FORMULA)}..." (${formula.length} characters)`;
}
