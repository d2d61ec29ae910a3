import type { QbrFacts } from '../engine/index.ts';
import { extractNumbers, type NumberMention } from './extract-numbers.ts';
import { factNumbers, type FactNumber } from './fact-numbers.ts';

/** A number of the text and the fact it matched (null: it matched none). */
export interface CheckedNumber {
  mention: NumberMention;
  fact: FactNumber | null;
}

/** The result of checking a draft's numbers against the facts. */
export interface GroundingReport {
  /** True when every number in the text matched a fact. */
  grounded: boolean;
  /** Every number found, in order, with its match. */
  numbers: CheckedNumber[];
  /** The numbers that matched no fact, in order. */
  unverified: NumberMention[];
}

/** The values a fact may appear as, in the mention's units (percent points for `22%`). */
function readings(mention: NumberMention, fact: FactNumber): number[] {
  switch (mention.kind) {
    case 'percent':
      return fact.kind === 'ratio' ? [fact.value * 100] : [];
    case 'money':
      return fact.kind === 'money' ? [fact.value] : [];
    case 'multiple':
      return fact.kind === 'ratio' ? [fact.value] : [];
    case 'plain':
      // A fraction written as is ("0.41"); an integer is never read as a fraction, and a
      // percentage must carry its % (a bare "22" is not 22%: the retry asks for the sign).
      return fact.kind === 'ratio' ? (mention.tolerance < 0.5 ? [fact.value] : []) : [fact.value];
  }
}

/**
 * True when `mention`, read with the rounding it was written with, states `value`: 44,107 and
 * $44.1k state 44,106.67; 22% states -0.2207 (a variance written with its direction in words:
 * without a written sign, magnitudes are compared; with one, the sign must agree too).
 */
export function mentionStates(mention: NumberMention, value: number): boolean {
  const slack = mention.tolerance + 1e-9 * Math.max(1, Math.abs(value));
  if (mention.signed) return Math.abs(mention.value - value) <= slack;
  return Math.abs(Math.abs(mention.value) - Math.abs(value)) <= slack;
}

/**
 * Checks every number in a draft against the facts (`factNumbers`: the engine's facts and the
 * derived numbers listed there), allowing for the rounding each number is written with.
 * Years, dates, quarter names and list numbering are not claims and are not checked (see
 * `extractNumbers`).
 */
export function checkGrounding(markdown: string, facts: QbrFacts): GroundingReport {
  const known = factNumbers(facts);
  const numbers = extractNumbers(markdown, { currencies: [facts.businessCase.currency] }).map((mention): CheckedNumber => {
    const fact = known.find((f) => readings(mention, f).some((v) => mentionStates(mention, v))) ?? null;
    return { mention, fact };
  });
  const unverified = numbers.filter((n) => n.fact === null).map((n) => n.mention);
  return { grounded: unverified.length === 0, numbers, unverified };
}

/** Marks each unverified number in the text: `⚠ 12,345 (unverified)`. */
export function markUnverified(markdown: string, unverified: readonly NumberMention[]): string {
  let out = markdown;
  for (const m of [...unverified].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, m.start)}⚠ ${m.text} (unverified)${out.slice(m.end)}`;
  }
  return out;
}

/** The sentence-sized piece of text around a number, for naming the problem to the writer. */
export function mentionContext(markdown: string, mention: NumberMention, width = 60): string {
  const from = Math.max(0, mention.start - width);
  const to = Math.min(markdown.length, mention.end + width);
  return `${from > 0 ? '…' : ''}${markdown.slice(from, to).replace(/\s+/g, ' ').trim()}${to < markdown.length ? '…' : ''}`;
}
