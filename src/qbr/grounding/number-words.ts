/**
 * Numbers written in words, the way a QBR writes them: "two months", "forty-one percent",
 * "one hundred and ten thousand", "a hundred", "1.1 million" is digits (see `read-mentions`).
 * A lone "one" or "a" is read only before a counted noun ("one month late"), since "one of
 * the use cases" states no figure.
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

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].sort((a, b) => b.length - a.length).join('|');

/**
 * A run of number words ("one hundred and ten thousand", "forty-one", "a hundred"); "and" and
 * hyphens only between number words. Regular expression with the `giu` flags.
 */
export const NUMBER_WORD_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:a|an)\s+(?=(?:hundred|thousand|million)\b))?(?:${WORD})(?:(?:\s+and\s+|[\s-]+)(?:${WORD}))*(?![\p{L}\p{N}])`,
  'giu',
);

/** Counted nouns after which a lone "one" (or "a") is a figure: "one month late", "one use case". */
export const COUNTED_NOUN =
  /^[\s-]+(?:more\s+|additional\s+)?(?:months?|quarters?|years?|percent|per\s*cent|percentage\s+points?|points?|use\s+cases?|metrics?|milestones?|dollars?)(?![\p{L}])/iu;

/** The value of a run of number words, or undefined when it is not one. */
export function readNumberWords(text: string): number | undefined {
  const words = text
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
    if (w in UNITS) {
      current += UNITS[w]!;
      any = true;
    } else if (w in TENS) {
      current += TENS[w]!;
      any = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      any = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
      any = true;
    } else return undefined;
  }
  return any ? total + current : undefined;
}
