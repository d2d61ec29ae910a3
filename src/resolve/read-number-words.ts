/**
 * Whole numbers written in words, from zero to nine hundred and ninety-nine: "twenty",
 * "twenty-five", "twenty five", "a hundred", "two hundred and ten". Part of the lexicon of
 * numbers and dates: "twenty percent" is 20%, "a two-year deal" is 24 months.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const UNIT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const TEN = Object.keys(TENS).join('|');
const BELOW_HUNDRED = String.raw`(?:(?:${TEN})(?:[\s-]+(?:${UNIT}))?|${UNIT})`;

/**
 * A regular-expression source matching a number in words as a whole ("twenty-five", "a
 * hundred and five"), between word boundaries. Use it with the `i` flag.
 */
export const NUMBER_WORDS = String.raw`\b(?:(?:a|${BELOW_HUNDRED})[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?${BELOW_HUNDRED})?|${BELOW_HUNDRED})\b`;

const WHOLE = new RegExp(`^${NUMBER_WORDS}$`, 'i');

/** The value of a number written in words, or undefined when the text is not one (as a whole). */
export function readNumberWords(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!WHOLE.test(t)) return undefined;
  let total = 0;
  let current = 0;
  for (const word of t.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'a') current = 1;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in TENS) current += TENS[word]!;
    else current += UNITS[word]!;
  }
  total += current;
  return total;
}
