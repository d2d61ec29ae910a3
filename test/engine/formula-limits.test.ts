/**
 * Contract 2, "Formula limits": a formula longer than 2,000 characters, nesting deeper than
 * 32 levels or calling a function with more than 64 arguments is refused when a document
 * is loaded or changed, never evaluated; formulas the engine writes (conversion, split) are
 * held to the same limits. Depths are counted by hand in the tests: a parenthesised group,
 * a function call (its own parentheses are not a second level) and a unary minus each add
 * a level.
 */
import { describe, expect, it } from 'vitest';
import { compileFormula, parseDocument, parseFormula, summarize, type BusinessCase, type Scenario, type UseCase } from '../../src/engine/index.ts';
import { FORMULA_LIMITS } from '../../src/engine/formula/formula-limits.ts';
import { applyOk, applyRefused, caseWith } from '../support/operation-helpers.ts';

/** The refusal of a formula that must not parse. */
function refused(formula: string) {
  const parsed = parseFormula(formula);
  if (parsed.ok) throw new Error(`expected a formula of ${formula.length} characters to be refused`);
  return parsed.error;
}

/** Parses, compiles and evaluates a formula with the given input values. */
function evaluate(formula: string, inputs: Record<string, number> = {}): number {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(`expected the formula to parse, got: ${parsed.error.message}`);
  const keys = Object.keys(inputs);
  return compileFormula(parsed.ast, (k) => keys.indexOf(k))(keys.map((k) => inputs[k]!));
}

/** `formula` inside `levels` pairs of parentheses: each pair adds one level. */
const wrap = (formula: string, levels: number): string => '('.repeat(levels) + formula + ')'.repeat(levels);

it('the limits are the contract numbers', () => {
  expect(FORMULA_LIMITS).toEqual({ maxLength: 2000, maxDepth: 32, maxArguments: 64 });
});

describe('length: 2,000 characters are allowed, 2,001 are refused', () => {
  // 'a+' x 999 is 1,998 characters; 'aa' makes 2,000 (1,000 references: 999 a and one aa).
  const twoThousand = 'a+'.repeat(999) + 'aa';

  it('a formula of exactly 2,000 characters parses and evaluates: 999 x a + aa = 999 x 2 + 5 = 2003', () => {
    expect(twoThousand.length).toBe(2000);
    expect(evaluate(twoThousand, { a: 2, aa: 5 })).toBe(2003);
  });

  it('one character more (aa becomes aaa) is refused before it is read, naming both lengths', () => {
    const e = refused(`${twoThousand}a`);
    expect(e.limit).toBe('length');
    expect(e.message).toContain('2001 characters');
    expect(e.message).toContain('at most 2000');
    expect(e.position).toBe(2001);
  });

  it('whitespace counts: "a" and 1,999 spaces is allowed, 2,000 spaces and "a" is not', () => {
    expect(evaluate(`a${' '.repeat(1999)}`, { a: 7 })).toBe(7);
    expect(refused(`${' '.repeat(2000)}a`).limit).toBe('length');
  });

  it('a length refusal does not depend on the content: 391 KB of garbage is refused for its length, not its first bad character', () => {
    const e = refused('#'.repeat(391 * 1024));
    expect(e.limit).toBe('length');
    expect(e.message).toContain(`${391 * 1024} characters`);
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('depth: 32 levels are allowed, 33 are refused', () => {
  // [formula, its depth counted by hand]
  const counted: Array<[string, number]> = [
    ['a+b*c', 0], // no group, no call, no minus
    ['a^b^c', 0], // a power chain adds no level
    ['a-b', 0], // a binary minus is not a unary minus
    ['(a)', 1], // one group
    ['min(a,b)', 1], // one call: its own parentheses are not a second level
    ['min((a),b)', 2], // call 1, group inside it 2
    ['-a', 1], // one unary minus
    ['--a', 2], // minus inside minus
    ['-(a)', 2], // minus 1, group inside it 2
    ['2^-a', 1], // the minus of the exponent
    ['((a)+(b))', 2], // outer group 1, each inner group 2 (side by side, not nested)
    ['abs(min(a, -b))', 3], // abs 1, min 2, minus 3
    ['if(a>0,-(b),c)', 3], // if 1, minus 2, group 3
    ['a^-b^-c', 2], // a^(-(b^(-c))): first minus 1, second minus inside it 2
    ['a^-(b)', 2], // minus 1, group 2
    ['-a^b', 1], // -(a^b)
  ];

  it.each(counted)('%s is depth %i: inside 32 - depth parentheses it parses, inside one more it is refused', (formula, depth) => {
    expect(parseFormula(wrap(formula, 32 - depth)).ok).toBe(true);
    const e = refused(wrap(formula, 33 - depth));
    expect(e.limit).toBe('depth');
    expect(e.message).toContain('deeper than 32 levels');
  });

  it('33 nested parentheses are refused at the 33rd "(", position 33', () => {
    const e = refused(wrap('a', 33));
    expect(e.position).toBe(33);
    expect(e.token).toBe('(');
  });

  it('a value 32 levels deep is computed: 16 minus signs around (((...(5)...))) in 16 groups is 5', () => {
    // 16 unary minus (an even number) + 16 groups = depth 32; (-1)^16 x 5 = 5.
    const formula = '-'.repeat(16) + wrap('5', 16);
    expect(evaluate(formula)).toBe(5);
    expect(refused(`-${formula}`).limit).toBe('depth');
  });

  it('32 nested calls are allowed, the 33rd is refused at its name (position 32 x 4 + 1 = 129)', () => {
    // 'abs(' is 4 characters: the 33rd abs starts after 32 x 4 = 128 characters, at 129.
    const calls = (n: number): string => 'abs('.repeat(n) + '-1' + ')'.repeat(n);
    expect(refused(calls(32)).limit).toBe('depth'); // 32 calls + the minus of -1 = 33
    expect(evaluate('abs('.repeat(32) + '1' + ')'.repeat(32))).toBe(1);
    const e = refused('abs('.repeat(33) + '1' + ')'.repeat(33));
    expect(e.limit).toBe('depth');
    expect(e.token).toBe('abs');
    expect(e.position).toBe(129);
  });
});

describe('arguments: 64 are allowed, 65 are refused', () => {
  const numbers = (n: number): string => Array.from({ length: n }, (_, i) => String(i + 1)).join(',');

  it('max(1, ..., 64) is 64 and min(1, ..., 64) is 1', () => {
    expect(evaluate(`max(${numbers(64)})`)).toBe(64);
    expect(evaluate(`min(${numbers(64)})`)).toBe(1);
  });

  it('max with 65 arguments is refused at the comma before the 65th (position 4 + 2 x 64 = 132)', () => {
    // 'max(' is positions 1-4; argument i (one character, a) is at 4 + 2i - 1, its comma at 4 + 2i.
    const e = refused(`max(${'a,'.repeat(64)}a)`);
    expect(e.limit).toBe('arguments');
    expect(e.message).toContain('max() takes at most 64 arguments');
    expect(e.position).toBe(132);
    expect(e.token).toBe(',');
  });

  it('the limit is per call: 64 arguments of which 10 are calls with 64 arguments each is allowed', () => {
    // inner = min(a x 63, b) = min(5, 1) = 1; outer = max(inner x 10, a x 53, b) = max(1, 5, 1) = 5
    const inner = `min(${'a,'.repeat(63)}b)`;
    const outer = `max(${Array.from({ length: 10 }, () => inner).join(',')},${'a,'.repeat(53)}b)`;
    expect(evaluate(outer, { a: 5, b: 1 })).toBe(5);
    expect(refused(outer.replace('max(', 'max(b,')).limit).toBe('arguments');
  });
});

describe('nothing recursive can overflow the stack, whatever the input', () => {
  it.each([
    ['100k "("', '('.repeat(100_000)],
    ['100k "-"', '-'.repeat(100_000)],
    ['a 2^2^2^... chain of 100k characters', `2${'^2'.repeat(50_000)}`],
    ['a 16 KB a+a+... chain', `a${'+a'.repeat(8 * 1024)}`],
    ['100k ")"', ')'.repeat(100_000)],
  ])('%s is refused for its length', (_, formula) => {
    expect(refused(formula).limit).toBe('length');
  });

  it('within 2,000 characters, 1,999 "(" and 1,999 "-" are refused at level 33 (position 33)', () => {
    for (const formula of ['('.repeat(1999), '-'.repeat(1999), `${'-('.repeat(999)}a`]) {
      const e = refused(formula);
      expect(e.limit).toBe('depth');
      expect(e.position).toBe(33);
    }
  });

  it('the longest power chain (1,000 operands in 1,999 characters) parses, compiles and evaluates: 1^1^...^1 = 1', () => {
    const chain = `1${'^1'.repeat(999)}`;
    expect(chain.length).toBe(1999);
    expect(evaluate(chain)).toBe(1);
  });

  it('the longest sum (1,000 references in 1,999 characters) evaluates: 1,000 x 3 = 3000', () => {
    expect(evaluate(`a${'+a'.repeat(999)}`, { a: 3 })).toBe(3000);
  });

  it('a power chain with a minus before every exponent counts them as nested levels: 32 allowed, 33 refused', () => {
    // 2^-1^-1^...: each minus covers the rest of the chain, so n minus signs are n levels.
    // 2^-1^-1^-1 = 2^(-(1^(-(1^(-1))))): from the right, -1, then 1^-1 = 1 and -(1) = -1,
    // again -1, ..., so the outermost exponent is -1 and 2^-1 = 0.5.
    expect(evaluate(`2${'^-1'.repeat(32)}`)).toBe(0.5);
    expect(refused(`2${'^-1'.repeat(33)}`).limit).toBe('depth');
  });
});

// ---------------------------------------------------------------------------------------
// Documents: refused when loaded, named, never echoed whole; refused when an operation
// writes a formula beyond the limits.
// ---------------------------------------------------------------------------------------

const SUPPORT = (formula: string): UseCase => ({
  id: 'support',
  name: 'Support',
  inputs: [
    { key: 'a', label: 'A', unit: '', value: 2 },
    { key: 'b', label: 'B', unit: '', value: 3 },
    { key: 'saving', label: 'Saving', unit: 'USD', value: 1000 },
    { key: 'gain', label: 'Gain', unit: 'percent', value: 0.2 },
  ],
  calculations: [
    { id: 'ok', name: 'Fine', formula: 'a * b', period: 'monthly' },
    { id: 'handle-time', name: 'Handle time', formula, period: 'monthly' },
  ],
});

const plan = (formula: string): Scenario => ({ id: 'plan', name: 'Plan', kind: 'future', start: '2025-01', months: 12, useCases: [SUPPORT(formula)] });

const documentJson = (formula: string): unknown => ({
  version: 1,
  id: 'acme-support',
  name: 'Acme – Support',
  customer: 'Acme Inc.',
  currency: 'USD',
  scenarios: [plan(formula)],
});

describe('a document holding a formula beyond a limit is refused when loaded', () => {
  const path = '$.scenarios[0].useCases[0].calculations[1].formula';

  it.each([
    ['a 16 KB a+a+... chain (length)', `a${'+a'.repeat(8 * 1024)}`, 'characters long'],
    ['a 391 KB formula (length)', `a${'+a'.repeat(200_000)}`, 'characters long'],
    ['33 nested groups (depth)', wrap('a', 33), 'deeper than 32 levels'],
    ['65 arguments (arguments)', `max(${'a,'.repeat(64)}a)`, 'at most 64 arguments'],
  ])('%s: invalid_document naming the calculation, its use case, its scenario and the path; the formula is not echoed whole', (_, formula, what) => {
    const r = parseDocument(documentJson(formula));
    if (r.ok) throw new Error('expected the document to be refused');
    expect(r.error.code).toBe('invalid_document');
    expect(r.error.path).toBe(path);
    expect(r.error.message).toContain(path);
    expect(r.error.message).toContain("calculation 'handle-time' (use case 'support', scenario 'plan')");
    expect(r.error.message).toContain(what);
    // The message quotes at most the formula's first 80 characters.
    expect(r.error.message.length).toBeLessThan(400);
  });

  it('at the limits exactly, the same document loads and its figures are computed: 64 arguments, depth 32, 2,000 characters', () => {
    // max(a, b, a, b, ...) = 3 a month; with the 'ok' calculation (a x b = 6) that is 9 a month, 108 a year.
    const args = `max(${Array.from({ length: 64 }, (_, i) => (i % 2 ? 'b' : 'a')).join(',')})`;
    // wrap(a - a, 32) = 0; pad with spaces to exactly 2,000 characters.
    const deep = wrap('a - a', 32);
    const long = `a${' '.repeat(1999)}`; // 2 a month
    for (const [formula, monthly] of [
      [args, 3],
      [deep, 0],
      [long, 2],
    ] as const) {
      const r = parseDocument(documentJson(formula));
      if (!r.ok) throw new Error(r.error.message);
      const s = summarize(r.value, { asOf: '2025-06' });
      if (!s.ok) throw new Error(s.error.message);
      expect(s.value.total).toBe(12 * (6 + monthly));
    }
  });

  it('a stored document that skipped validation is never evaluated: its summary is a typed error naming the calculation and the limit', () => {
    const stored = documentJson(`a${'+a'.repeat(8 * 1024)}`) as BusinessCase;
    const s = summarize(stored, { asOf: '2025-06' });
    if (s.ok) throw new Error('expected the summary to be refused');
    expect(s.error.code).toBe('invalid_document');
    expect(s.error.message).toContain("calculation 'handle-time'");
    expect(s.error.message).toContain('at most 2000 are allowed');
  });
});

describe('formulas the engine writes are held to the same limits', () => {
  const convert = {
    op: 'convertCalculation',
    scenario: 'plan',
    useCase: 'support',
    calculation: 'handle-time',
    percentInput: 'gain',
    metric: { key: 'tickets', label: 'Tickets', unit: 'tickets' },
    baseline: 100,
    direction: 'increase',
  };

  it('a conversion writes max(0, (M - B) / B) for the percentage, two levels deeper: from depth 30 to 32 it is applied', () => {
    const doc = caseWith([plan(wrap('saving * gain', 30))]);
    const applied = applyOk(doc, convert);
    const formula = applied.document.scenarios[0]!.useCases[0]!.calculations[1]!.formula;
    expect(formula).toBe(wrap('saving * max(0, (tickets - tickets_baseline) / tickets_baseline)', 30));
  });

  it('from depth 31 it would be 33: refused, naming the calculation and the limit, the document unchanged', () => {
    const doc = caseWith([plan(wrap('saving * gain', 31))]);
    const e = applyRefused(doc, convert);
    expect(e.message).toContain("calculation 'handle-time'");
    expect(e.message).toContain('deeper than 32 levels');
    expect([e.code, e.path]).toEqual(['refused', '$.calculation']);
  });

  it('a conversion that would make the formula longer than 2,000 characters is refused', () => {
    // 'saving * gain' (13) + 1,987 spaces = 2,000; the conversion adds 'max(0, ...)' around gain.
    const doc = caseWith([plan(`saving * gain${' '.repeat(1987)}`)]);
    const e = applyRefused(doc, convert);
    expect(e.message).toContain("calculation 'handle-time'");
    expect(e.message).toContain('at most 2000 are allowed');
  });

  // A shapley split of a * b (a = 2, b = 3, references 0): phi_a = phi_b = 3, each part's own
  // effect is 6, so each part is weight x ((live) - (at reference)) with weight 1/2: two
  // levels more than the original formula.
  const split = {
    op: 'splitCalculation',
    scenario: 'plan',
    useCase: 'support',
    calculation: 'handle-time',
    strategy: 'shapley',
    parts: [
      { id: 'part-a', name: 'Part A', metric: 'a' },
      { id: 'part-b', name: 'Part B', metric: 'b' },
    ],
  };

  it('an explicit part over the limits is refused quoting only the start of its formula', () => {
    const doc = caseWith([plan('a * b')]);
    const long = `a${' + a'.repeat(1500)}`;
    const e = applyRefused(doc, {
      ...split,
      strategy: 'explicit',
      parts: [
        { ...split.parts[0], formula: long },
        { ...split.parts[1], formula: 'b' },
      ],
    });
    expect(e.message).toContain(`part 'part-a' formula "${long.slice(0, 80)}..." (${long.length} characters)`);
    expect(e.message.length).toBeLessThan(400);
  });

  it('a shapley split from depth 30 writes parts of depth 32: applied', () => {
    const doc = caseWith([plan(wrap('a * b', 30))]);
    const parts = applyOk(doc, split).document.scenarios[0]!.useCases[0]!.calculations.slice(1);
    expect(parts.map((c) => c.formula)).toEqual([
      `a_weight * ((${wrap('a * b_frozen', 30)}) - (${wrap('0 * b_frozen', 30)}))`,
      `b_weight * ((${wrap('a_frozen * b', 30)}) - (${wrap('a_frozen * 0', 30)}))`,
    ]);
  });

  it('from depth 31 its parts would be 33 deep: refused, naming the part and the limit, the document unchanged', () => {
    const doc = caseWith([plan(wrap('a * b', 31))]);
    const e = applyRefused(doc, split);
    expect(e.message).toContain("calculation 'part-a'");
    expect(e.message).toContain('deeper than 32 levels');
  });
});
