/**
 * The lexicon's numbers (`readNumber`): every number as typed reads as exactly the value
 * written, or is refused with a reason, never another number. Expected values are the
 * numbers as written, by hand.
 */
import { describe, expect, it } from 'vitest';
import { normalizeDigits, readNumber, unreadDigits } from '../../src/resolve/read-number.ts';
import { readNumberWords } from '../../src/resolve/read-number-words.ts';

const value = (text: string) => {
  const r = readNumber(text);
  if (r === null) return 'not a number';
  return r.ok ? r.value : `refused: ${r.reason}`;
};

describe('readNumber: exact values', () => {
  it('plain, grouped and decimal numbers', () => {
    expect(value('115')).toBe(115);
    expect(value('1,250')).toBe(1250);
    expect(value('1,250,000')).toBe(1250000);
    expect(value('99,999,999')).toBe(99999999);
    expect(value('1,250.5')).toBe(1250.5);
    expect(value('7.5')).toBe(7.5);
    expect(value('.5')).toBe(0.5);
    expect(value('0')).toBe(0);
  });

  it('a decimal comma: one or two digits after a single comma', () => {
    expect(value('7,4')).toBe(7.4);
    expect(value('12,5')).toBe(12.5);
    expect(value('0,25')).toBe(0.25);
  });

  it('k, thousand, mn, million, bn: the digits shifted, never a float product', () => {
    expect(value('3.2k')).toBe(3200);
    expect(value('550k')).toBe(550000);
    expect(value('22K')).toBe(22000);
    // 1.005 * 1000 is 1004.9999999999999 in floating point; the lexicon reads "1.005k" as 1005.
    expect(value('1.005k')).toBe(1005);
    expect(value('1.1k')).toBe(1100);
    expect(value('2 thousand')).toBe(2000);
    expect(value('1.5mn')).toBe(1500000);
    expect(value('2 million')).toBe(2000000);
    expect(value('3bn')).toBe(3000000000);
  });

  it('exponents read exactly', () => {
    expect(value('2e3')).toBe(2000);
    expect(value('1.5E2')).toBe(150);
    expect(value('25e-2')).toBe(0.25);
  });

  it('percentages become fractions, a decimal comma included', () => {
    expect(value('22%')).toBe(0.22);
    expect(value('22 %')).toBe(0.22);
    expect(value('22 percent')).toBe(0.22);
    expect(value('22 per cent')).toBe(0.22);
    expect(value('22pct')).toBe(0.22);
    expect(value('12,5%')).toBe(0.125);
    expect(value('21,5%')).toBe(0.215);
    expect(value('19.5%')).toBe(0.195);
    const r = readNumber('12,5%');
    expect(r).toEqual({ ok: true, value: 0.125, percent: true, plain: false, text: '12,5%' });
  });

  it('currency signs and signs', () => {
    expect(value('$14')).toBe(14);
    expect(value('$13.50')).toBe(13.5);
    expect(value('€32')).toBe(32);
    expect(value('£5')).toBe(5);
    expect(value('-50')).toBe(-50);
    expect(value('\u221250')).toBe(-50);
    expect(value('-$50')).toBe(-50);
    expect(value('+3')).toBe(3);
  });

  it('a plain whole number says so (a year after a month name may be one)', () => {
    expect(readNumber('26')).toMatchObject({ ok: true, plain: true });
    expect(readNumber('2026')).toMatchObject({ ok: true, plain: true });
    expect(readNumber('26%')).toMatchObject({ ok: true, plain: false });
    expect(readNumber('1,250')).toMatchObject({ ok: true, plain: false });
  });
});

describe('readNumber: refused, never truncated', () => {
  it('another base', () => {
    expect(value('0x10')).toMatch(/^refused: it is not a decimal number/);
    expect(value('0b101')).toMatch(/^refused: it is not a decimal number/);
  });

  it('ambiguous separators', () => {
    expect(value('1.250,5')).toMatch(/^refused: its separators can be read in more than one way/);
    expect(value('1,2345')).toMatch(/^refused: its commas/);
    expect(value('12,34,567')).toMatch(/^refused: its commas/);
    expect(value('1.250.000')).toMatch(/^refused: it has more than one decimal point/);
  });

  it('too large, too small or too many digits to be held exactly', () => {
    expect(value('1e308')).toMatch(/^refused: it is too large/);
    expect(value('1e15')).toMatch(/^refused: it is too large/);
    expect(value('999999999999999')).toBe(999999999999999);
    expect(value('1e-400')).toMatch(/^refused: it is too small/);
    expect(value('12345678901234567')).toMatch(/^refused: it has more than 15 significant digits/);
  });

  it('two signs', () => {
    expect(value('-$-5')).toMatch(/^refused: it has two signs/);
  });

  it('what is no number at all is null', () => {
    expect(readNumber('tickets')).toBeNull();
    expect(readNumber('2 new hires')).toBeNull();
    expect(readNumber('')).toBeNull();
  });
});

describe('digits of other scripts', () => {
  it('Arabic-Indic, Extended Arabic-Indic, Devanagari and fullwidth digits read exactly', () => {
    expect(value('٣٢')).toBe(32);
    expect(value('۱۲۵')).toBe(125);
    expect(value('١٢٫٥')).toBe(12.5);
    expect(value('१२')).toBe(12);
    expect(value('１６６')).toBe(166);
    expect(normalizeDigits('May ٢٠٢٦: ١٦٦')).toBe('May 2026: 166');
  });

  it('digits of a script the lexicon does not know are refused', () => {
    expect(unreadDigits('߁߂ tickets')).toEqual(['߁߂']);
    expect(value('߁߂')).toMatch(/^refused: it is written with digits I cannot read exactly/);
    expect(unreadDigits('166 tickets')).toEqual([]);
  });
});

describe('readNumberWords', () => {
  it('whole numbers in words', () => {
    expect(readNumberWords('twenty')).toBe(20);
    expect(readNumberWords('twenty-five')).toBe(25);
    expect(readNumberWords('twenty five')).toBe(25);
    expect(readNumberWords('twelve')).toBe(12);
    expect(readNumberWords('a hundred')).toBe(100);
    expect(readNumberWords('two hundred and ten')).toBe(210);
    expect(readNumberWords('zero')).toBe(0);
  });

  it('anything else is no number', () => {
    expect(readNumberWords('twentyish')).toBeUndefined();
    expect(readNumberWords('many')).toBeUndefined();
  });
});
