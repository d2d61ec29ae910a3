/**
 * Loading a business-case document (contract: "Document and summary formats", "Words",
 * "Formula language"): unknown fields are rejected and every error gives the JSON path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/engine/index.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Doc = any;

/** A small valid document: one future scenario, one realization scenario based on it. */
function validDocument(): Doc {
  return {
    version: 1,
    id: 'acme-case',
    name: 'Acme',
    customer: 'Acme Inc.',
    currency: 'USD',
    scenarios: [
      {
        id: 'plan',
        name: 'Plan',
        kind: 'future',
        start: '2025-01',
        months: 12,
        ramp: [
          { from: '2025-01', to: '2025-03', factor: 0.5 },
          { from: '2025-04', to: '2025-06', factor: 0.75 },
        ],
        investment: [{ label: 'Licence', amount: 1200, recurrence: 'annual' }],
        useCases: [
          {
            id: 'efficiency',
            name: 'Efficiency',
            inputs: [
              { key: 'reps', label: 'Reps', unit: 'reps', value: 10 },
              { key: 'gain', label: 'Gain', unit: 'percent', value: 0.5 },
            ],
            calculations: [{ id: 'saving', name: 'Saving', formula: 'reps * 1000 * gain', period: 'annual' }],
          },
        ],
      },
      {
        id: 'actual',
        name: 'Actual',
        kind: 'realization',
        start: '2025-01',
        months: 12,
        basedOn: 'plan',
        lockedThrough: '2025-02',
        milestones: [{ id: 'go-live', name: 'Go live', targetMonth: '2025-02', achievedMonth: '2025-03', note: 'late' }],
        useCases: [
          {
            id: 'efficiency',
            name: 'Efficiency',
            inputs: [
              { key: 'reps', label: 'Reps', unit: 'reps', value: 10 },
              {
                key: 'tickets',
                label: 'Tickets',
                unit: 'tickets/day',
                value: 100,
                series: { '2025-02': 110, '2025-03': { value: 120, note: 'n', evidence: 'https://x', source: 'Zendesk' } },
              },
            ],
            calculations: [{ id: 'saving', name: 'Saving', formula: 'reps * (tickets - 100)', period: 'monthly', metric: 'tickets' }],
          },
        ],
      },
    ],
  };
}

/** The error of a document that must be rejected. */
function rejection(doc: unknown): { code: string; message: string; path?: string } {
  const r = parseDocument(doc);
  if (r.ok) throw new Error('expected the document to be rejected');
  expect(r.error.code).toBe('invalid_document');
  return r.error;
}

/** Asserts the error names `path` both as its path and in its message. */
function expectPath(doc: unknown, path: string): string {
  const e = rejection(doc);
  expect(e.path).toBe(path);
  expect(e.message).toContain(path);
  return e.message;
}

function modified(change: (d: Doc) => void): Doc {
  const d = validDocument();
  change(d);
  return d;
}

describe('valid documents load', () => {
  it('the small document above is valid and loads unchanged', () => {
    const d = validDocument();
    const r = parseDocument(d);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(validDocument());
  });

  it.each(['examples/delta-corp-presales.json', 'examples/delta-corp.json'])('the demo document %s is valid', (file) => {
    const r = parseDocument(JSON.parse(readFileSync(file, 'utf8')));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ok).toBe(true);
  });

  it('months 1 and 120 are the limits of a window', () => {
    expect(parseDocument(modified((d) => (d.scenarios[0].months = 1))).ok).toBe(true);
    expect(parseDocument(modified((d) => (d.scenarios[0].months = 120))).ok).toBe(true);
  });

  it('ramp factors 0 and 1 are allowed; a one-month range (from = to) is allowed', () => {
    const r = parseDocument(
      modified((d) => {
        d.scenarios[0].ramp = [
          { from: '2025-01', to: '2025-01', factor: 0 },
          { from: '2025-02', to: '2025-02', factor: 1 },
        ];
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('a time-series input with no entries yet is valid', () => {
    expect(parseDocument(modified((d) => (d.scenarios[1].useCases[0].inputs[1].series = {}))).ok).toBe(true);
  });
});

describe('unknown fields are rejected at every level, with the JSON path', () => {
  it.each<[string, (d: Doc) => void, string]>([
    ['document', (d) => (d.extra = 1), '$.extra'],
    ['scenario', (d) => (d.scenarios[0].owner = 'x'), '$.scenarios[0].owner'],
    ['ramp', (d) => (d.scenarios[0].ramp[1].note = 'x'), '$.scenarios[0].ramp[1].note'],
    ['investment', (d) => (d.scenarios[0].investment[0].currency = 'EUR'), '$.scenarios[0].investment[0].currency'],
    ['milestone', (d) => (d.scenarios[1].milestones[0].owner = 'x'), '$.scenarios[1].milestones[0].owner'],
    ['use case', (d) => (d.scenarios[0].useCases[0].owner = 'x'), '$.scenarios[0].useCases[0].owner'],
    ['input', (d) => (d.scenarios[0].useCases[0].inputs[1].min = 0), '$.scenarios[0].useCases[0].inputs[1].min'],
    ['calculation', (d) => (d.scenarios[0].useCases[0].calculations[0].unit = 'USD'), '$.scenarios[0].useCases[0].calculations[0].unit'],
    [
      'series entry',
      (d) => (d.scenarios[1].useCases[0].inputs[1].series['2025-03'].comment = 'x'),
      '$.scenarios[1].useCases[0].inputs[1].series["2025-03"].comment',
    ],
  ])('an unknown field on a %s', (_level, change, path) => {
    const message = expectPath(modified(change), path);
    // The message names the field itself.
    expect(message).toContain(path.slice(path.lastIndexOf('.') + 1));
  });
});

describe('wrong types and values are rejected with the JSON path', () => {
  it.each<[string, (d: Doc) => void, string]>([
    ['version 2', (d) => (d.version = 2), '$.version'],
    ['months as a string', (d) => (d.scenarios[0].months = '12'), '$.scenarios[0].months'],
    ['months 0', (d) => (d.scenarios[0].months = 0), '$.scenarios[0].months'],
    ['months 121', (d) => (d.scenarios[0].months = 121), '$.scenarios[0].months'],
    ['months 1.5', (d) => (d.scenarios[0].months = 1.5), '$.scenarios[0].months'],
    ['kind "forecast"', (d) => (d.scenarios[0].kind = 'forecast'), '$.scenarios[0].kind'],
    ['period "weekly"', (d) => (d.scenarios[0].useCases[0].calculations[0].period = 'weekly'), '$.scenarios[0].useCases[0].calculations[0].period'],
    ['input value as a string', (d) => (d.scenarios[0].useCases[0].inputs[0].value = '10'), '$.scenarios[0].useCases[0].inputs[0].value'],
    ['input value null', (d) => (d.scenarios[0].useCases[0].inputs[0].value = null), '$.scenarios[0].useCases[0].inputs[0].value'],
    ['input value Infinity', (d) => (d.scenarios[0].useCases[0].inputs[0].value = Infinity), '$.scenarios[0].useCases[0].inputs[0].value'],
    ['input value NaN', (d) => (d.scenarios[0].useCases[0].inputs[0].value = NaN), '$.scenarios[0].useCases[0].inputs[0].value'],
    ['formula as a number', (d) => (d.scenarios[0].useCases[0].calculations[0].formula = 42), '$.scenarios[0].useCases[0].calculations[0].formula'],
    [
      'series entry as a string',
      (d) => (d.scenarios[1].useCases[0].inputs[1].series['2025-02'] = '110'),
      '$.scenarios[1].useCases[0].inputs[1].series["2025-02"]',
    ],
    [
      'series entry value as a string',
      (d) => (d.scenarios[1].useCases[0].inputs[1].series['2025-03'].value = '120'),
      '$.scenarios[1].useCases[0].inputs[1].series["2025-03"]',
    ],
    ['scenarios not an array', (d) => (d.scenarios = {}), '$.scenarios'],
    ['useCases missing', (d) => delete d.scenarios[0].useCases, '$.scenarios[0].useCases'],
    ['calculation period missing', (d) => delete d.scenarios[0].useCases[0].calculations[0].period, '$.scenarios[0].useCases[0].calculations[0].period'],
    ['investment recurrence "weekly"', (d) => (d.scenarios[0].investment[0].recurrence = 'weekly'), '$.scenarios[0].investment[0].recurrence'],
    ['investment amount as a string', (d) => (d.scenarios[0].investment[0].amount = '1200'), '$.scenarios[0].investment[0].amount'],
    ['ramp factor as a string', (d) => (d.scenarios[0].ramp[0].factor = '0.5'), '$.scenarios[0].ramp[0].factor'],
  ])('%s', (_what, change, path) => {
    expectPath(modified(change), path);
  });

  it('a document that is not an object is rejected at $', () => {
    for (const value of [null, [], 'doc', 42]) expect(rejection(value).path).toBe('$');
  });

  it('a field of the wrong type is not reported as missing', () => {
    // months is present (as the string "12"): "is required" would send the reader looking
    // for a missing field. The message should say a number is expected.
    const message = rejection(modified((d) => (d.scenarios[0].months = '12'))).message;
    expect(message).not.toMatch(/required/i);
    expect(message).toMatch(/number/i);
  });

  it('a non-finite input value is not reported as missing', () => {
    const message = rejection(modified((d) => (d.scenarios[0].useCases[0].inputs[0].value = Infinity))).message;
    expect(message).not.toMatch(/required/i);
  });

  it('a missing field is reported as missing', () => {
    const message = rejection(modified((d) => delete d.scenarios[0].useCases[0].inputs[0].value)).message;
    expect(message).toMatch(/required|missing/i);
  });
});

describe('months: YYYY-MM everywhere, with the JSON path', () => {
  it.each<[string, (d: Doc) => void, string]>([
    ['start 2025-13', (d) => (d.scenarios[0].start = '2025-13'), '$.scenarios[0].start'],
    ['start 2025-00', (d) => (d.scenarios[0].start = '2025-00'), '$.scenarios[0].start'],
    ['start 2025-1', (d) => (d.scenarios[0].start = '2025-1'), '$.scenarios[0].start'],
    ['start 2025-01-01', (d) => (d.scenarios[0].start = '2025-01-01'), '$.scenarios[0].start'],
    ['start 01-2025', (d) => (d.scenarios[0].start = '01-2025'), '$.scenarios[0].start'],
    ['ramp from', (d) => (d.scenarios[0].ramp[0].from = '2025/01'), '$.scenarios[0].ramp[0].from'],
    ['ramp to', (d) => (d.scenarios[0].ramp[1].to = 'June'), '$.scenarios[0].ramp[1].to'],
    ['lockedThrough', (d) => (d.scenarios[1].lockedThrough = '2025-2'), '$.scenarios[1].lockedThrough'],
    ['milestone targetMonth', (d) => (d.scenarios[1].milestones[0].targetMonth = '2025-02-01'), '$.scenarios[1].milestones[0].targetMonth'],
    ['milestone achievedMonth', (d) => (d.scenarios[1].milestones[0].achievedMonth = '25-03'), '$.scenarios[1].milestones[0].achievedMonth'],
  ])('bad month: %s', (_what, change, path) => {
    expectPath(modified(change), path);
  });

  it('a series entry at a bad month names the entry', () => {
    const e = rejection(modified((d) => (d.scenarios[1].useCases[0].inputs[1].series = { '2025-1': 110 })));
    expect(e.path).toContain('$.scenarios[1].useCases[0].inputs[1].series');
    expect(e.message).toContain('2025-1');
  });
});

describe('ids and keys', () => {
  it.each<[string, (d: Doc) => void, string]>([
    ['scenario id with upper case', (d) => (d.scenarios[0].id = 'Plan'), '$.scenarios[0].id'],
    ['scenario id starting with a dash', (d) => (d.scenarios[0].id = '-plan'), '$.scenarios[0].id'],
    ['scenario id with an underscore', (d) => (d.scenarios[0].id = 'my_plan'), '$.scenarios[0].id'],
    ['scenario id with a space', (d) => (d.scenarios[0].id = 'my plan'), '$.scenarios[0].id'],
    ['empty scenario id', (d) => (d.scenarios[0].id = ''), '$.scenarios[0].id'],
    ['use case id', (d) => (d.scenarios[0].useCases[0].id = 'Efficiency'), '$.scenarios[0].useCases[0].id'],
    ['calculation id', (d) => (d.scenarios[0].useCases[0].calculations[0].id = 'saving!'), '$.scenarios[0].useCases[0].calculations[0].id'],
    ['milestone id', (d) => (d.scenarios[1].milestones[0].id = 'Go Live'), '$.scenarios[1].milestones[0].id'],
    ['input key starting with a digit', (d) => (d.scenarios[0].useCases[0].inputs[0].key = '1reps'), '$.scenarios[0].useCases[0].inputs[0].key'],
    ['input key with upper case', (d) => (d.scenarios[0].useCases[0].inputs[0].key = 'Reps'), '$.scenarios[0].useCases[0].inputs[0].key'],
    ['input key with a dash', (d) => (d.scenarios[0].useCases[0].inputs[0].key = 'rep-count'), '$.scenarios[0].useCases[0].inputs[0].key'],
    ['input key starting with an underscore', (d) => (d.scenarios[0].useCases[0].inputs[0].key = '_reps'), '$.scenarios[0].useCases[0].inputs[0].key'],
  ])('bad id or key: %s', (_what, change, path) => {
    expectPath(modified(change), path);
  });

  it('ids may start with a digit and contain dashes; keys may contain digits and underscores', () => {
    const r = parseDocument(
      modified((d) => {
        d.scenarios[0].useCases[0].id = '2nd-use-case';
        d.scenarios[0].useCases[0].inputs[0].key = 'reps_2';
        d.scenarios[0].useCases[0].calculations[0].formula = 'reps_2 * 1000 * gain';
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('duplicate scenario ids: the path of the second, the id named', () => {
    const message = expectPath(
      modified((d) => (d.scenarios[1].id = 'plan')),
      '$.scenarios[1].id',
    );
    expect(message).toContain('plan');
  });

  it('duplicate use case ids', () => {
    const message = expectPath(
      modified((d) => d.scenarios[0].useCases.push({ ...structuredClone(d.scenarios[0].useCases[0]) })),
      '$.scenarios[0].useCases[1].id',
    );
    expect(message).toContain('efficiency');
  });

  it('duplicate calculation ids within a use case', () => {
    const message = expectPath(
      modified((d) => d.scenarios[0].useCases[0].calculations.push({ id: 'saving', name: 'Again', formula: 'reps', period: 'monthly' })),
      '$.scenarios[0].useCases[0].calculations[1].id',
    );
    expect(message).toContain('saving');
  });

  it('duplicate input keys within a use case', () => {
    const message = expectPath(
      modified((d) => d.scenarios[0].useCases[0].inputs.push({ key: 'reps', label: 'Reps again', unit: '', value: 1 })),
      '$.scenarios[0].useCases[0].inputs[2].key',
    );
    expect(message).toContain('reps');
  });

  it('duplicate milestone ids', () => {
    expectPath(
      modified((d) => d.scenarios[1].milestones.push({ id: 'go-live', name: 'Again' })),
      '$.scenarios[1].milestones[1].id',
    );
  });

  it('the same ids and keys in different parents are fine', () => {
    // Both scenarios above already use use case `efficiency`, calculation `saving`, input `reps`.
    expect(parseDocument(validDocument()).ok).toBe(true);
  });
});

describe('scenarios', () => {
  it('two realization scenarios: the second is named', () => {
    const message = expectPath(
      modified((d) => d.scenarios.push({ ...structuredClone(d.scenarios[1]), id: 'actual-2' })),
      '$.scenarios[2].kind',
    );
    expect(message).toMatch(/realization/);
  });

  it('overlapping ramp ranges are rejected', () => {
    const e = rejection(
      modified((d) => {
        d.scenarios[0].ramp = [
          { from: '2025-01', to: '2025-03', factor: 0.5 },
          { from: '2025-03', to: '2025-05', factor: 0.75 },
        ];
      }),
    );
    expect(e.path).toMatch(/^\$\.scenarios\[0\]\.ramp/);
    expect(e.message).toMatch(/overlap/);
  });

  it('a ramp range inside another overlaps too, whatever their order', () => {
    const e = rejection(
      modified((d) => {
        d.scenarios[0].ramp = [
          { from: '2025-05', to: '2025-06', factor: 0.5 },
          { from: '2025-01', to: '2025-12', factor: 0.75 },
        ];
      }),
    );
    expect(e.path).toMatch(/^\$\.scenarios\[0\]\.ramp/);
  });

  it('a ramp range that ends before it starts is rejected', () => {
    const e = rejection(modified((d) => (d.scenarios[0].ramp = [{ from: '2025-05', to: '2025-02', factor: 0.5 }])));
    expect(e.path).toMatch(/^\$\.scenarios\[0\]\.ramp\[0\]/);
  });

  it.each([1.5, -0.1, 2])('ramp factor %d is out of range (0 <= f <= 1)', (factor) => {
    expectPath(
      modified((d) => (d.scenarios[0].ramp[1].factor = factor)),
      '$.scenarios[0].ramp[1].factor',
    );
  });

  it('a realization scenario has no ramp', () => {
    const message = expectPath(
      modified((d) => (d.scenarios[1].ramp = [{ from: '2025-01', to: '2025-02', factor: 0.5 }])),
      '$.scenarios[1].ramp',
    );
    expect(message).toMatch(/ramp/);
  });

  it('basedOn must name a future scenario of the business case', () => {
    expect(
      expectPath(
        modified((d) => (d.scenarios[1].basedOn = 'nowhere')),
        '$.scenarios[1].basedOn',
      ),
    ).toContain('nowhere');
    // a realization scenario is not a future scenario (here: itself)
    expect(
      expectPath(
        modified((d) => (d.scenarios[1].basedOn = 'actual')),
        '$.scenarios[1].basedOn',
      ),
    ).toContain('actual');
  });
});

describe('formulas', () => {
  it('a formula that refers to an unknown key names the key and its position', () => {
    // "reps * 1000 * gian": gian starts at character 15 (1-based)
    const message = expectPath(
      modified((d) => (d.scenarios[0].useCases[0].calculations[0].formula = 'reps * 1000 * gian')),
      '$.scenarios[0].useCases[0].calculations[0].formula',
    );
    expect(message).toContain('gian');
    expect(message).toMatch(/\b15\b/);
  });

  it('a key of another use case or scenario is unknown here', () => {
    // `tickets` is an input of the realization scenario's use case, not of the plan's.
    const message = expectPath(
      modified((d) => (d.scenarios[0].useCases[0].calculations[0].formula = 'reps + tickets')),
      '$.scenarios[0].useCases[0].calculations[0].formula',
    );
    expect(message).toContain('tickets');
    // "reps + tickets": tickets starts at character 8
    expect(message).toMatch(/\b8\b/);
  });

  it.each(['pi', 'e', 'true', 'x', 'Reps', 'constructor', 'toString'])('there are no built-in names: %s is an unknown key', (name) => {
    const message = expectPath(
      modified((d) => (d.scenarios[0].useCases[0].calculations[0].formula = `1 + ${name}`)),
      '$.scenarios[0].useCases[0].calculations[0].formula',
    );
    expect(message).toContain(name);
    // "1 + name": the name starts at character 5
    expect(message).toMatch(/\b5\b/);
  });

  it('a formula with a syntax error is rejected with the path, the position and the token', () => {
    const message = expectPath(
      modified((d) => (d.scenarios[0].useCases[0].calculations[0].formula = 'reps * * gain')),
      '$.scenarios[0].useCases[0].calculations[0].formula',
    );
    // the second * is at character 8
    expect(message).toMatch(/\b8\b/);
    expect(message).toContain('*');
  });

  it('an empty formula is rejected', () => {
    expectPath(
      modified((d) => (d.scenarios[0].useCases[0].calculations[0].formula = '')),
      '$.scenarios[0].useCases[0].calculations[0].formula',
    );
  });

  it('a metric must be an input of the use case', () => {
    const message = expectPath(
      modified((d) => (d.scenarios[1].useCases[0].calculations[0].metric = 'ticket_count')),
      '$.scenarios[1].useCases[0].calculations[0].metric',
    );
    expect(message).toContain('ticket_count');
  });
});

describe('errors point at the first problem of a larger document', () => {
  it('the path indexes the right scenario, use case and calculation', () => {
    const d = validDocument();
    d.scenarios[1].useCases.push({
      id: 'second',
      name: 'Second',
      inputs: [{ key: 'a', label: 'A', unit: '', value: 1 }],
      calculations: [
        { id: 'ok', name: 'OK', formula: 'a', period: 'monthly' },
        { id: 'bad', name: 'Bad', formula: 'a + b', period: 'monthly' },
      ],
    });
    const message = expectPath(d, '$.scenarios[1].useCases[1].calculations[1].formula');
    expect(message).toContain("'b'");
  });
});
