/**
 * Decimal rounding, half away from zero, on the number's shortest decimal representation
 * (so 1.005 rounds to 1.01 as a person, and a spreadsheet, would expect; binary `x * 100`
 * would give 1.00).
 */
export function roundHalfAwayFromZero(x: number, digits = 0): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // Fast path, exact (the string path below costs ~1 µs and a summary rounds ~250 figures):
  // unless |x| * 10^digits is within a few ulps of a .5 tie, binary scaling rounds to the
  // same integer as scaling the shortest decimal form, and r / 10^digits is correctly
  // rounded exactly like Number(`${r}e-${digits}`). Near a tie, fall through to the decimal path.
  if (digits >= 0 && digits <= 15) {
    const scale = POW10[digits]!;
    const y = Math.abs(x) * scale;
    if (y < 4503599627370496) {
      const f = y - Math.floor(y);
      if (Math.abs(f - 0.5) > y * 1e-15 + 1e-300) {
        const r = Math.round(y) / scale;
        return x < 0 ? -r : r;
      }
      // Exactly a tie's double (the nearest double to (k + 0.5) / 10^digits, which has at
      // most 15 significant digits and so is its shortest form): away from zero, as the
      // decimal path below would round it. Next to a tie, the decimal path decides.
      const k = Math.floor(y);
      if (y < 1e14 && Math.abs(x) === (2 * k + 1) / (2 * scale)) {
        const r = (k + 1) / scale;
        return x < 0 ? -r : r;
      }
    }
  }
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

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** `x * 10^digits` done on the decimal string, exact for the shortest representation. */
function shift(x: number, digits: number): number {
  const [mantissa, exponent] = x.toString().split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + digits}`);
}

/** "To the cent" per the contract: an absolute difference below 0.005. */
export function equalToTheCent(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}
