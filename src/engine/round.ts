/**
 * Decimal rounding, half away from zero, on the number's shortest decimal representation
 * (so 1.005 rounds to 1.01 as a person, and a spreadsheet, would expect; binary `x * 100`
 * would give 1.00).
 */
export function roundHalfAwayFromZero(x: number, digits = 0): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const shifted = shift(Math.abs(x), digits);
  // Shifted past the largest double: x has no digit at that position, nothing to round.
  if (!Number.isFinite(shifted)) return x;
  const rounded = Math.round(shifted);
  const result = shift(rounded, -digits);
  return x < 0 ? -result : result;
}

/** Money at output: cents, half away from zero, and never `-0`. */
export function roundMoney(x: number): number {
  const r = roundHalfAwayFromZero(x, 2);
  return r === 0 ? 0 : r;
}

/** `x * 10^digits` done on the decimal string, exact for the shortest representation. */
function shift(x: number, digits: number): number {
  const [mantissa, exponent] = x.toString().split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + digits}`);
}

/** "To the cent" per the contract: an absolute difference below 0.005. */
export function equalToTheCent(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}
