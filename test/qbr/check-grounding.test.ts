import { describe, expect, it } from 'vitest';
import { checkGrounding, extractNumbers, factNumbers, markUnverified } from '../../src/qbr/index.ts';
import { demoFacts } from './qbr-fixtures.ts';

// The demo's 2026-Q1 facts (see examples/delta-corp.json): realized in the quarter 44,106.67
// (measured 34,106.67, assumed 10,000) against 56,600 estimated, variance -0.2207; to date
// 88,886.67 against 104,710 (-0.1511), investment 63,000, ROI 0.4109, payback 2026-02;
// tickets per day baseline 100, 115 at the quarter's start, 158 at its end.
const facts = demoFacts();
const texts = (s: string) => extractNumbers(s, { currencies: ['USD'] }).map((m) => m.text);
const unverified = (s: string) => checkGrounding(s, facts).unverified.map((m) => m.text);

describe('extractNumbers', () => {
  it('finds money, percentages, multiples and plain numbers with the precision they are written to', () => {
    const found = extractNumbers('We realized 44,106.67 USD ($44.1k, USD 44,107, 44.1K, €1.2 million), 22% below; -15.1 % to date; 2.7x; 158 tickets/day.', {
      currencies: ['USD'],
    });
    expect(found.map((m) => [m.text, m.kind, m.value, m.tolerance, m.signed])).toEqual([
      ['44,106.67 USD', 'money', 44106.67, 0.005, false],
      ['$44.1k', 'money', 44100, 50, false],
      ['USD 44,107', 'money', 44107, 0.5, false],
      ['44.1K', 'plain', 44100, 50, false],
      ['€1.2 million', 'money', 1200000, 50000, false],
      ['22%', 'percent', 22, 0.5, false],
      ['-15.1 %', 'percent', -15.1, 0.05, true],
      ['2.7x', 'multiple', 2.7, 0.05, false],
      ['158', 'plain', 158, 0.5, false],
    ]);
  });

  it('skips years, months, quarter names, dates, list and section numbering, ordinals and identifiers', () => {
    const text = [
      '## 1. Executive summary',
      '### 2 Promised outcomes',
      'In Q1 2026 (January to March 2026, i.e. 2026-01 to 2026-03-31), FY26 and H2 2025, see Section 3 and slide 4.',
      '1. First priority',
      '2) Second priority',
      '**3.** Third priority',
      'Evidence: zendesk-tickets-2026-03.csv, 03/2026, at 10:30, v1.2.3, the 3rd review, 24/7 coverage, 2FA.',
    ].join('\n');
    expect(texts(text)).toEqual([]);
  });

  it('reads a written sign, but not a hyphen inside a word or a range', () => {
    expect(extractNumbers('-22% and +62% and -$5,000 and 100-158', { currencies: ['USD'] }).map((m) => [m.text, m.value, m.signed])).toEqual([
      ['-22%', -22, true],
      ['+62%', 62, true],
      ['-$5,000', -5000, true],
      ['100', 100, false],
      ['158', 158, false],
    ]);
    // A Markdown bullet is not a minus sign.
    expect(extractNumbers('- 158 tickets/day').map((m) => [m.text, m.signed])).toEqual([['158', false]]);
  });
});

describe('checkGrounding', () => {
  it('matches numbers to the facts at the rounding the text uses', () => {
    const text =
      'In Q1 2026 we realized $44,107 (44,106.67 USD, USD 44.1k, 44.1K, about $44k), 22% below the $56,600 estimate ' +
      '(-22.1%); 15% below to date. ROI to date is 41%, payback February 2026. Of the $88,887 to date, $58,887 is measured ' +
      'and $30,000 assumed (66% / 34%). Tickets per day rose from 115 to 158, 58% above the baseline of 100 (+37% in the quarter).';
    const report = checkGrounding(text, facts);
    expect(report.unverified).toEqual([]);
    expect(report.grounded).toBe(true);
    const byText = new Map(report.numbers.map((n) => [n.mention.text, n.fact?.label]));
    expect(byText.get('$44,107')).toBe('inQuarter.realized');
    expect(byText.get('22%')).toBe('inQuarter.variance');
    expect(byText.get('15%')).toBe('toDate.variance');
    expect(byText.get('41%')).toBe('toDate.roi');
    expect(byText.get('58%')).toBe('metrics[support-efficiency.tickets_per_day].relativeChangeFromBaseline');
    expect(byText.get('158')).toBe('metrics[support-efficiency.tickets_per_day].atQuarterEnd');
  });

  it('flags an invented number and a number rounded the wrong way', () => {
    expect(unverified('We realized $44,107 and saved 12,345 hours.')).toEqual(['12,345']);
    // $45k is 45,000 ± 500: not 44,106.67. 16% is not a variance of -15.11% (nor any other fact).
    expect(unverified('We realized $45k, 16% below plan to date.')).toEqual(['$45k', '16%']);
    // A bare 22 is not 22%, and an integer is not read as a fraction: 3 is a count (the months
    // of the quarter), never the contract ROI of 2.72.
    expect(unverified('ROI of 0.41, variance 22.')).toEqual(['22']);
    expect(checkGrounding('3', facts).numbers.map((n) => n.fact?.kind)).toEqual(['count']);
    // A percentage is not a money figure: "$22" is not 22%.
    expect(unverified('Variance: $22.')).toEqual(['$22']);
  });

  it('takes the sign only when the text writes one', () => {
    expect(unverified('22% below plan; variance -22%.')).toEqual([]);
    expect(unverified('Variance to date +15.1%.')).toEqual(['+15.1%']);
    expect(unverified('Variance to date -15.1%.')).toEqual([]);
  });

  it("ignores years, quarters and dates, and accepts numbers quoted from the facts' own words", () => {
    expect(checkGrounding('Q1 2026, 2026-03, March 2026: see zendesk-tickets-2026-03.csv.', facts).numbers).toEqual([]);
    const withNote = { ...facts, evidence: [{ ...facts.evidence[0]!, note: 'Macros live for 7 queues' }] };
    expect(checkGrounding('Macros are live for 7 queues.', withNote).grounded).toBe(true);
    expect(checkGrounding('Macros are live for 7 queues.', facts).grounded).toBe(false);
  });

  it('marks the unverified numbers in the text', () => {
    const text = 'We realized $44,107 and saved 12,345 hours, 9% more.';
    const report = checkGrounding(text, facts);
    expect(markUnverified(text, report.unverified)).toBe('We realized $44,107 and saved ⚠ 12,345 (unverified) hours, ⚠ 9% (unverified) more.');
  });
});

describe('factNumbers', () => {
  it('lists the facts and the derived numbers by name', () => {
    const byLabel = new Map(factNumbers(facts).map((n) => [n.label, n]));
    expect(byLabel.get('toDate.realized')).toEqual({ value: 88886.67, kind: 'money', label: 'toDate.realized' });
    // Derived in one step each, as fact-numbers.ts lists them.
    expect(byLabel.get('inQuarter.gapToEstimate')!.value).toBeCloseTo(56600 - 44106.67, 6);
    expect(byLabel.get('toDate.netBenefit')!.value).toBeCloseTo(88886.67 - 63000, 6);
    expect(byLabel.get('toDate.measuredShare')!.value).toBeCloseTo(58886.67 / 88886.67, 9);
    expect(byLabel.get('metrics[support-efficiency.tickets_per_day].relativeChangeFromBaseline')!.value).toBeCloseTo(0.58, 9);
    expect(byLabel.get('metrics[self-service.deflection_rate].changeFromBaseline')).toMatchObject({ kind: 'ratio' });
    expect(byLabel.get('metrics[self-service.deflection_rate].changeFromBaseline')!.value).toBeCloseTo(-0.02, 9);
    // July 2025 is month 1, so a February 2026 payback is month 8 of a 24-month window.
    expect(byLabel.get('toDate.paybackMonthNumber')!.value).toBe(8);
    expect(byLabel.get('scenario.months')!.value).toBe(24);
    expect(byLabel.get('useCases.behind')!.value).toBe(2);
  });
});
