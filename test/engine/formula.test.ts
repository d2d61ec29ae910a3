/**
 * The formula language, exactly as the contract (`shared/docs/engine.md`, "Formula
 * language") defines it. Every expected value is plain arithmetic written in the test.
 */
import { describe, expect, it } from 'vitest';
import { compileFormula, evaluateScenario, parseFormula, summarize, type BusinessCase, type Scenario } from '../../src/engine/index.ts';

/** Parses, compiles and evaluates a formula with the given input values. */
function evaluate(formula: string, inputs: Record<string, number> = {}): number {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(`expected "${formula}" to parse, got: ${parsed.error.message}`);
  const keys = Object.keys(inputs);
  const fn = compileFormula(parsed.ast, (k) => keys.indexOf(k));
  return fn(keys.map((k) => inputs[k]!));
}

/** The syntax error of a formula that must not parse. */
function syntaxError(formula: string): { message: string; position: number; token: string } {
  const parsed = parseFormula(formula);
  if (parsed.ok) throw new Error(`expected "${formula}" to be rejected`);
  return parsed.error;
}

describe('numbers', () => {
  it.each([
    ['12', 12],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2e3', 2000],
    ['2E3', 2000],
    ['1.5e-3', 0.0015],
    ['2e+2', 200],
    ['0', 0],
    ['007', 7],
  ])('%s is %d', (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });

  it('50% is 0.5, 100% is 1, 12.5% is 0.125, .5% is 0.005', () => {
    expect(evaluate('50%')).toBe(0.5);
    expect(evaluate('100%')).toBe(1);
    expect(evaluate('12.5%')).toBe(0.125);
    expect(evaluate('.5%')).toBeCloseTo(0.005, 15);
  });

  it('a percentage is a number like any other: 5% * 200 = 10, 1 - 20% = 0.8', () => {
    expect(evaluate('5% * 200')).toBeCloseTo(10, 12);
    expect(evaluate('1 - 20%')).toBeCloseTo(0.8, 12);
  });

  it('% must come directly after the number: "50 %" names the % at position 4', () => {
    const e = syntaxError('50 %');
    expect(e.position).toBe(4);
    expect(e.token).toBe('%');
    expect(e.message).toContain('%');
    expect(e.message).toContain('4');
  });

  it('% after a name or a parenthesis is not a percentage', () => {
    expect(syntaxError('x%').position).toBe(2);
    expect(syntaxError('(50)%').position).toBe(5);
  });

  it('whitespace is ignored between tokens', () => {
    expect(evaluate('  1 +\t2\n* 3 ')).toBe(7);
  });
});

describe('input keys', () => {
  it('refer to the values passed in', () => {
    // reps * rep_cost * efficiency_gain = 10 * 20000 * 0.5 = 100000
    expect(evaluate('reps * rep_cost * efficiency_gain', { reps: 10, rep_cost: 20000, efficiency_gain: 0.5 })).toBe(100000);
  });

  it('a key may contain digits and underscores after the first letter', () => {
    expect(evaluate('a1_b2 + x', { a1_b2: 3, x: 4 })).toBe(7);
  });
});

describe('operators and precedence', () => {
  it.each([
    // ^ is right associative: 2^(3^2) = 2^9 = 512 (not (2^3)^2 = 64)
    ['2^3^2', 512],
    // ^ binds tighter than unary minus: -(2^2) = -4
    ['-2^2', -4],
    // unary minus in the exponent: 2^(-1) = 0.5
    ['2^-1', 0.5],
    // -(2^(-2)) = -0.25
    ['-2^-2', -0.25],
    ['(-2)^2', 4],
    ['(2^3)^2', 64],
    // * before +: 1 + (2 * 3) = 7
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    // / before -: 10 - (6 / 2) = 7
    ['10 - 6 / 2', 7],
    // + and - are left associative: (10 - 4) - 3 = 3
    ['10 - 4 - 3', 3],
    // * and / are left associative: (12 / 3) * 2 = 8 (not 12 / 6 = 2)
    ['12 / 3 * 2', 8],
    ['12 / 3 / 2', 2],
    // ^ before *: 2 * (3^2) = 18
    ['2 * 3^2', 18],
    // unary minus before *: (-3) * 2 = -6, 2 * (-3) = -6
    ['-3 * 2', -6],
    ['2 * -3', -6],
    ['2 - -3', 5],
    ['-(-2)', 2],
    // unary minus before ^ of a parenthesised base: -(3^2) = -9
    ['-(3)^2', -9],
  ])('%s = %d', (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });

  it.each([
    ['1 < 2', 1],
    ['2 < 1', 0],
    ['2 <= 2', 1],
    ['3 <= 2', 0],
    ['3 > 2', 1],
    ['2 > 3', 0],
    ['2 >= 2', 1],
    ['1 >= 2', 0],
    ['2 == 2', 1],
    ['2 == 3', 0],
    ['2 != 3', 1],
    ['2 != 2', 0],
  ])('comparison %s yields %d', (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });

  it.each([
    // comparisons are loosest: (1 + 1) == 2 -> 1
    ['1 + 1 == 2', 1],
    // (2 * 3) > (5 - 0) -> 6 > 5 -> 1
    ['2 * 3 > 5 - 0', 1],
    // left associative: (3 > 2) > 1 -> 1 > 1 -> 0  (not 3 > (2 > 1) = 3 > 1 = 1)
    ['3 > 2 > 1', 0],
    // (1 < 2) == 1 -> 1 == 1 -> 1
    ['1 < 2 == 1', 1],
    // (5 == 5) == 5 -> 1 == 5 -> 0
    ['5 == 5 == 5', 0],
    // unary minus is tighter: (-1) < 0 -> 1
    ['-1 < 0', 1],
    // a comparison is a number: (2 > 1) + (3 > 1) = 2
    ['(2 > 1) + (3 > 1)', 2],
  ])('%s yields %d', (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });
});

describe('functions', () => {
  it('min and max take one or more arguments', () => {
    expect(evaluate('min(3)')).toBe(3);
    expect(evaluate('max(3)')).toBe(3);
    expect(evaluate('min(4, -1, 2)')).toBe(-1);
    expect(evaluate('max(1, 5, 3)')).toBe(5);
    expect(evaluate('max(0, (m - b) / b)', { m: 88, b: 100 })).toBe(0);
    // (115 - 100) / 100 = 0.15
    expect(evaluate('max(0, (m - b) / b)', { m: 115, b: 100 })).toBeCloseTo(0.15, 15);
    expect(evaluate('min(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0.5)')).toBe(0.5);
  });

  it('min() and max() with no argument are syntax errors naming the function', () => {
    for (const name of ['min', 'max']) {
      const e = syntaxError(`${name}()`);
      expect(e.position).toBe(1);
      expect(e.token).toBe(name);
      expect(e.message).toContain(name);
    }
  });

  it('abs, floor, ceil', () => {
    expect(evaluate('abs(-3)')).toBe(3);
    expect(evaluate('abs(3)')).toBe(3);
    expect(evaluate('floor(1.5)')).toBe(1);
    expect(evaluate('floor(-1.5)')).toBe(-2);
    expect(evaluate('ceil(1.5)')).toBe(2);
    expect(evaluate('ceil(-1.5)')).toBe(-1);
    expect(evaluate('floor(2)')).toBe(2);
  });

  it.each([
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(0.5)', 1],
    ['round(-0.5)', -1],
    ['round(2.4)', 2],
    ['round(-2.4)', -2],
    ['round(2.6)', 3],
    // 1.005 is written as 1.005: half away from zero gives 1.01 (binary 1.005 * 100 = 100.49999...)
    ['round(1.005, 2)', 1.01],
    ['round(-1.005, 2)', -1.01],
    ['round(2.675, 2)', 2.68],
    ['round(1234.5678, 2)', 1234.57],
    ['round(1.25, 1)', 1.3],
    ['round(-1.25, 1)', -1.3],
    // negative digits round to tens, hundreds...: 1250 -> 1300, 1249 -> 1200, 15 -> 20
    ['round(1250, -2)', 1300],
    ['round(-1250, -2)', -1300],
    ['round(1249, -2)', 1200],
    ['round(15, -1)', 20],
    ['round(2.5, 0)', 3],
  ])('%s = %d (half away from zero)', (formula, expected) => {
    expect(evaluate(formula)).toBe(expected);
  });

  it('round digits may come from an expression that is a whole number', () => {
    expect(evaluate('round(1.23456, d)', { d: 3 })).toBe(1.235);
    expect(evaluate('round(1.23456, 1 + 1)')).toBe(1.23);
  });

  it('round to more digits than a number has leaves it unchanged, however many digits', () => {
    // 1.5 has one decimal: rounding it to 20, 400 or 1000 digits changes nothing
    expect(evaluate('round(1.5, 20)')).toBe(1.5);
    expect(evaluate('round(1.5, 400)')).toBe(1.5);
    expect(evaluate('round(123.456, 1000)')).toBe(123.456);
    // and it is a number, not NaN, inside a comparison: (1 == 1) -> 1, so if() picks 10
    expect(evaluate('if(round(1, 400) == 1, 10, 20)')).toBe(10);
    // far to the left: round(123, -400) = 0
    expect(evaluate('round(123, -400)')).toBe(0);
  });

  it('round with literal digits that are not a whole number is a syntax error at the digits', () => {
    const e = syntaxError('round(1, 1.5)');
    expect(e.position).toBe(10);
    expect(e.token).toBe('1.5');
  });

  it('if: true when non-zero, false when zero', () => {
    expect(evaluate('if(1, 5, 7)')).toBe(5);
    expect(evaluate('if(0, 5, 7)')).toBe(7);
    expect(evaluate('if(-1, 5, 7)')).toBe(5);
    expect(evaluate('if(0.001, 5, 7)')).toBe(5);
    expect(evaluate('if(x > 10, x * 2, x / 2)', { x: 20 })).toBe(40);
    expect(evaluate('if(x > 10, x * 2, x / 2)', { x: 4 })).toBe(2);
  });

  it('if is lazy: only the chosen branch is evaluated', () => {
    expect(evaluate('if(1, 5, 1/0)')).toBe(5);
    expect(evaluate('if(0, 1/0, 7)')).toBe(7);
    expect(evaluate('if(d, 100 / d, 0)', { d: 0 })).toBe(0);
    // 100 / 4 = 25
    expect(evaluate('if(d, 100 / d, 0)', { d: 4 })).toBe(25);
  });

  it('functions nest and compose with operators', () => {
    // max(0, min(10, 2 * 7)) + abs(-1) = max(0, 10) + 1 = 11
    expect(evaluate('max(0, min(10, 2 * 7)) + abs(-1)')).toBe(11);
    // round(10 / 3, 2) * 3 = 3.33 * 3 = 9.99
    expect(evaluate('round(10 / 3, 2) * 3')).toBeCloseTo(9.99, 12);
    // arguments are full expressions, comparisons included
    expect(evaluate('if(1 + 1 == 2, 3, 4)')).toBe(3);
  });

  it.each([
    ['abs(1, 2)', 'abs'],
    ['abs()', 'abs'],
    ['floor(1, 2)', 'floor'],
    ['ceil()', 'ceil'],
    ['round()', 'round'],
    ['round(1, 2, 3)', 'round'],
    ['if(1, 2)', 'if'],
    ['if(1, 2, 3, 4)', 'if'],
  ])('wrong number of arguments: %s is rejected naming %s', (formula, name) => {
    const e = syntaxError(formula);
    expect(e.message).toContain(name);
    expect(e.position).toBe(1);
  });
});

describe('syntax errors give the 1-based position and the offending token', () => {
  it.each([
    // [formula, position, token]
    ['foo(1)', 1, 'foo'],
    ['1 + sqrt(4)', 5, 'sqrt'],
    ['sum(1, 2)', 1, 'sum'],
    ['MIN(1, 2)', 1, 'MIN'],
    ['constructor(1)', 1, 'constructor'],
    ['hasOwnProperty(1)', 1, 'hasOwnProperty'],
    ['a b', 3, 'b'],
    ['1 2', 3, '2'],
    ['a.b', 2, '.'],
    ['Math.max(1, 2)', 5, '.'],
    ['1 + "x"', 5, '"'],
    ["'x'", 1, "'"],
    ['a = 1', 3, '='],
    ['a[0]', 2, '['],
    ['1 ? 2 : 3', 3, '?'],
    ['1 && 2', 3, '&'],
    ['a; b', 2, ';'],
    ['2 ** 3', 4, '*'],
    ['1 +* 2', 4, '*'],
    ['(1 + 2))', 8, ')'],
    ['min(1,, 2)', 7, ','],
    ['12.', 3, '.'],
  ])('%s: position %d, token %s', (formula, position, token) => {
    const e = syntaxError(formula);
    expect(e.position).toBe(position);
    expect(e.token).toBe(token);
    // The message names both, so a person can find the problem.
    expect(e.message).toContain(token);
    expect(e.message).toContain(String(position));
  });

  it.each([
    // [formula, position]: the formula ends where something is still expected
    ['a +', 4],
    ['(a', 3],
    ['min(1, 2', 9],
    ['2 ^', 4],
    ['-', 2],
    ['', 1],
  ])('%s ends too early: position %d', (formula, position) => {
    const e = syntaxError(formula);
    expect(e.position).toBe(position);
    expect(e.message).toContain(String(position));
    expect(e.message).toMatch(/end/i);
  });

  it('unknown function: the message says what is wrong', () => {
    expect(syntaxError('foo(1)').message).toMatch(/unknown function/i);
  });

  it('a function name without parentheses is an ordinary name (for the document to check)', () => {
    // Without parentheses, `min` is just a name; whether it is an input is the document's business.
    const parsed = parseFormula('min + 1');
    expect(parsed.ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// Runtime errors go through the evaluator, whose message names scenario, use case,
// calculation and month.

function scenarioWith(formula: string, inputs: Scenario['useCases'][number]['inputs'], start = '2025-01', months = 6): Scenario {
  return {
    id: 'plan-a',
    name: 'Plan A',
    kind: 'future',
    start,
    months,
    useCases: [
      {
        id: 'savings',
        name: 'Savings',
        inputs,
        calculations: [{ id: 'ratio', name: 'Ratio', formula, period: 'monthly' }],
      },
    ],
  };
}

function evaluationErrorOf(scenario: Scenario): string {
  const r = evaluateScenario(scenario);
  if (r.ok) throw new Error('expected an evaluation error');
  expect(r.error.code).toBe('evaluation_error');
  return r.error.message;
}

describe('division by zero and non-finite results are errors, never numbers', () => {
  it('division by zero names scenario, use case, calculation and month', () => {
    const message = evaluationErrorOf(scenarioWith('100 / d', [{ key: 'd', label: 'D', unit: '', value: 0 }]));
    expect(message).toMatch(/division by zero/i);
    expect(message).toContain('plan-a');
    expect(message).toContain('savings');
    expect(message).toContain('ratio');
    expect(message).toContain('2025-01');
  });

  it('names the month in which the divisor becomes zero (a later month of the window)', () => {
    // d is 4 in Jan-Feb, then 0 from March: March is the first month that divides by zero.
    const message = evaluationErrorOf(scenarioWith('100 / d', [{ key: 'd', label: 'D', unit: '', value: 4, series: { '2025-03': 0 } }]));
    expect(message).toContain('2025-03');
    expect(message).not.toContain('2025-01');
  });

  it('0 / 0 and division by an expression that is zero', () => {
    expect(evaluationErrorOf(scenarioWith('0 / 0', []))).toMatch(/division by zero/i);
    expect(evaluationErrorOf(scenarioWith('1 / (x - x)', [{ key: 'x', label: 'X', unit: '', value: 3 }]))).toMatch(/division by zero/i);
  });

  it('a non-finite result is an error: overflow and the root of a negative number', () => {
    for (const formula of ['10^400', '1e200 * 1e200', '(0 - 8)^0.5', '0 - 1e200 * 1e200']) {
      const message = evaluationErrorOf(scenarioWith(formula, []));
      expect(message).toContain('plan-a');
      expect(message).toContain('savings');
      expect(message).toContain('ratio');
      expect(message).toContain('2025-01');
    }
  });

  it('a non-finite input is an error naming where', () => {
    for (const value of [Infinity, -Infinity, NaN]) {
      const message = evaluationErrorOf(scenarioWith('x * 2', [{ key: 'x', label: 'X', unit: '', value }]));
      expect(message).toContain('plan-a');
      expect(message).toContain('savings');
      expect(message).toContain('ratio');
      expect(message).toContain('2025-01');
    }
    const fromSeries = evaluationErrorOf(scenarioWith('x * 2', [{ key: 'x', label: 'X', unit: '', value: 1, series: { '2025-04': NaN } }]));
    expect(fromSeries).toContain('2025-04');
  });

  it('division by zero in the branch if() does not choose is no error', () => {
    const r = evaluateScenario(scenarioWith('if(d, 100 / d, 0)', [{ key: 'd', label: 'D', unit: '', value: 0, series: { '2025-03': 4 } }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Jan-Feb: d = 0 -> 0; Mar-Jun: d = 4 -> 100 / 4 = 25
    expect(Array.from(r.value.useCases[0]!.calculations[0]!.monthly)).toEqual([0, 0, 25, 25, 25, 25]);
  });

  it('round() digits that are not a whole number at run time are an error, not a guess', () => {
    const message = evaluationErrorOf(scenarioWith('round(10, d)', [{ key: 'd', label: 'D', unit: '', value: 1.5 }]));
    expect(message).toContain('ratio');
  });

  it('summarize reports the evaluation error too (with the month)', () => {
    const doc: BusinessCase = {
      version: 1,
      id: 'd',
      name: 'D',
      customer: 'C',
      currency: 'USD',
      scenarios: [scenarioWith('100 / d', [{ key: 'd', label: 'D', unit: '', value: 1, series: { '2025-05': 0 } }])],
    };
    const r = summarize(doc, { asOf: '2025-06' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('evaluation_error');
    expect(r.error.message).toContain('2025-05');
    expect(r.error.message).toContain('plan-a');
  });
});
