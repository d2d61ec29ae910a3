import { NUMBER_WORDS, readNumberWords } from './read-number-words.ts';

/**
 * A length of time in whole months, as people say it: "12 months", "12 mo", "18 mos",
 * "12-month", "24 more months", "2 yrs", "3 years", "a year", "for a year", "two-year". Part
 * of the lexicon of numbers and dates. Regular-expression source (`i` flag); group 1 the number (digits,
 * words, or "for a"), group 2 the unit.
 */
export const DURATION = String.raw`\b(\d{1,3}|${NUMBER_WORDS.replace(/^\\b|\\b$/g, '')}|for\s+an?)[\s-]*(?:more\s+|additional\s+|extra\s+)?(months?|mos?|mths?|years?|yrs?|yr)\b`;

/** The first length of time in a text, in months; undefined when it names none. */
export function readDuration(text: string): { months: number; index: number; length: number } | undefined {
  const m = new RegExp(DURATION, 'i').exec(text);
  if (!m) return undefined;
  const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : /^for\s+an?$/i.test(m[1]!) ? 1 : readNumberWords(m[1]!);
  if (count === undefined || count <= 0) return undefined;
  const months = /^(?:years?|yrs?|yr)$/i.test(m[2]!) ? count * 12 : count;
  return { months, index: m.index, length: m[0].length };
}
