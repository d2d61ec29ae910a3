/**
 * Numbers written in words: "twenty", "twenty-five", "twenty five", "a hundred", "two hundred
 * and ten", and with scales "one hundred and ten thousand", "1.1 million" being digits. Part of
 * the lexicon of numbers and dates: "twenty percent" is 20%, "a two-year deal" is 24 months; the
 * QBR claim check reads a draft's numbers in words with it too.
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
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

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

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].sort((a, b) => b.length - a.length).join('|');

/**
 * A run of number words in running text, scales included ("one hundred and ten thousand",
 * "forty-one", "a hundred"); "and" and hyphens only between number words. `giu` flags.
 */
export const NUMBER_WORD_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:a|an)\s+(?=(?:hundred|thousand|million)\b))?(?:${WORD})(?:(?:\s+and\s+|[\s-]+)(?:${WORD}))*(?![\p{L}\p{N}])`,
  'giu',
);

/** The value of a number written in words (the whole text), or undefined when it is not one. */
export function readNumberWords(text: string): number | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of words) {
    if (w === 'a' || w === 'an') {
      current = 1;
      continue;
    }
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return undefined;
    any = true;
  }
  return any ? total + current : undefined;
}
