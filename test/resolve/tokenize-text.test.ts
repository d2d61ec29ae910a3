/**
 * The lexicon's tokenizer: one pass that finds months, ends of periods, quarters, lengths of
 * time, numbers (read exactly or refused), words and punctuation. Expected tokens written by
 * hand from each message.
 */
import { describe, expect, it } from 'vitest';
import { tokenizeText, unreadableNumbers } from '../../src/resolve/tokenize-text.ts';

/** Tokens as `kind:text` (numbers with `=value`, lengths with `=months`), punctuation left out. */
function tokens(text: string): string[] {
  return tokenizeText(text)
    .filter((t) => t.kind !== 'punct')
    .map((t) => `${t.kind}:${t.text}${t.kind === 'number' ? `=${t.value}` : t.kind === 'duration' ? `=${t.months}` : ''}`);
}

describe('tokenizeText', () => {
  it('a month with its four-digit year is one token: the year is never a value', () => {
    expect(tokens('Avg. Tickets per Day, June 2026, 166')).toEqual(['word:Avg', 'word:Tickets', 'word:per', 'word:Day', 'month:June 2026', 'number:166=166']);
  });

  it('a two-digit number after a month name stays a number: the clause decides', () => {
    expect(tokens('jan 26: 140')).toEqual(['month:jan', 'number:26=26', 'number:140=140']);
  });

  it('numbers as written: 3.2k, a decimal comma percent, a number in words with percent', () => {
    expect(tokens('tickets per month is 3.2k from june')).toEqual([
      'word:tickets',
      'word:per',
      'word:month',
      'word:is',
      'number:3.2k=3200',
      'word:from',
      'month:june',
    ]);
    expect(tokens('deflection rate 21,5% for may')).toEqual(['word:deflection', 'word:rate', 'number:21,5%=0.215', 'word:for', 'month:may']);
    expect(tokens('deflection hit twenty percent in april')).toEqual(['word:deflection', 'word:hit', 'number:twenty percent=0.2', 'word:in', 'month:april']);
  });

  it('ends of periods, quarters and lengths of time', () => {
    expect(tokens('delta roi as of end of Q1?')).toEqual(['word:delta', 'word:roi', 'word:as', 'word:of', 'period-end:end of Q1']);
    expect(tokens('lock H1 2026')).toEqual(['word:lock', 'period:H1 2026']);
    expect(tokens('kicked off aug 2025, 12 mo contract')).toEqual(['word:kicked', 'word:off', 'month:aug 2025', 'duration:12 mo=12', 'word:contract']);
    expect(tokens('a two-year deal')).toEqual(['word:a', 'duration:two-year=24', 'word:deal']);
  });

  it('the verb "may" is no month', () => {
    expect(tokens('it may be 150')).toEqual(['word:it', 'word:may', 'word:be', 'number:150=150']);
  });

  it('digits of other scripts read exactly; offsets stay those of the text given', () => {
    const t = tokenizeText('٣٢ tickets/day in may');
    expect(t[0]).toMatchObject({ kind: 'number', value: 32, text: '٣٢', start: 0, end: 2 });
    expect(t[1]).toMatchObject({ kind: 'word', text: 'tickets/day' });
  });

  it('what cannot be read exactly is an unreadable token, never a number', () => {
    expect(tokens('0x10 tickets')).toEqual(['unreadable:0x10', 'word:tickets']);
    expect(unreadableNumbers('log 1e308 tickets, 2e3 is fine')).toEqual([{ text: '1e308', reason: 'it is too large (1e15 or more) to be a value here' }]);
    expect(unreadableNumbers('tickets/day 166 in may')).toEqual([]);
  });
});
