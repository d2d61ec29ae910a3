/**
 * The `phrasings-doc` suite and docs/offline-model.md stay in step: every whole example message
 * of the doc's "## Phrasings" section (the rule of evals/phrasings/doc-examples.ts) has a case
 * in evals/phrasings/doc-2026-12, and every turn of every case is such a message. The cases'
 * expected proposals are ones the engine accepts on their data at their clock, and a case that
 * expects "no" because the engine refuses says which operation it refuses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../src/engine/index.ts';
import { docExampleMessages, notAMessage } from '../../evals/phrasings/doc-examples.ts';
import { docPhrasingsSuite } from '../../evals/phrasings/phrasings-suite.ts';
import { suites } from '../../evals/suites.ts';

const doc = readFileSync(new URL('../../docs/offline-model.md', import.meta.url), 'utf8');

/** An expected operation made whole for the engine: `$includes` as its text, `null` left out, ids and names filled in. */
function complete(op: Record<string, unknown>, n: number): Record<string, unknown> {
  const text = (v: unknown): unknown => (v !== null && typeof v === 'object' && '$includes' in v ? (v as { $includes: string }).$includes : v);
  const o: Record<string, unknown> = Object.fromEntries(
    Object.entries(op)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, text(v)]),
  );
  if (o['op'] === 'createRealizationScenario') Object.assign(o, { id: 'check', name: o['name'] ?? 'Check' });
  if (o['op'] === 'addMilestone') o['id'] = `check-${n}`;
  if (o['op'] === 'convertCalculation') o['metric'] = { key: 'check_metric', label: 'Check', unit: 'x' };
  if (o['op'] === 'splitCalculation') {
    o['parts'] = (o['parts'] as Array<Record<string, unknown>>).map((p, i) => ({ id: `part-${i}`, name: `Part ${i}`, ...p }));
    o['strategy'] ??= 'shapley';
  }
  return o;
}

describe('the rule that reads the example messages', () => {
  it('keeps whole messages and drops templates, fragments, field values and replies', () => {
    // Whole messages, short ones included.
    expect(notAMessage('record deflection rate 22% for September')).toBeNull();
    expect(notAMessage('ROI')).toBeNull();
    expect(notAMessage("deflection: 23% - tickets/day: 175 (that's july)")).toBeNull();
    // Fragments and templates.
    expect(notAMessage('12 mo')).not.toBeNull();
    expect(notAMessage('with')).not.toBeNull();
    expect(notAMessage('+')).not.toBeNull();
    expect(notAMessage('for a year')).not.toBeNull();
    expect(notAMessage('list proposals [for Delta]')).not.toBeNull();
    expect(notAMessage('track the X calculation monthly with M')).not.toBeNull();
    expect(notAMessage('…, for 24 months')).not.toBeNull();
    expect(notAMessage('as of|by|through <month>')).not.toBeNull();
    // What a tool is sent, and the agent's own replies.
    expect(notAMessage('value: 0.25, scenario: "Rollout Plan"')).not.toBeNull();
    expect(notAMessage('"end of Q1 2026"')).not.toBeNull();
    expect(notAMessage('Do you mean reps = -3 from nov 2026, or 3 fewer than before?')).not.toBeNull();
  });

  it('joins a message broken over two lines and reads each message once', () => {
    const md = [
      '## Phrasings',
      '',
      '### A → `tool`',
      '- `hey can u set up value tracking for delta off the rollout plan? kicked off aug 2025, 12',
      '  mo contract`, `find all`, `find all`',
      '',
      '## Next',
      '- `not in the section`',
    ].join('\n');
    expect(docExampleMessages(`intro\n${md}`).map((e) => e.message)).toEqual([
      'hey can u set up value tracking for delta off the rollout plan? kicked off aug 2025, 12 mo contract',
      'find all',
    ]);
  });
});

describe('docs/offline-model.md and the phrasings-doc suite', async () => {
  const entries = await docPhrasingsSuite.cases({ flags: {} });
  const examples = docExampleMessages(doc);
  const messages = new Set(examples.map((e) => e.message));
  const said = new Set(entries.flatMap((e) => e.phrasing.turns));

  it("reads the doc's examples (228 whole messages when the suite was written, 2026-12-02)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(200);
  });

  it('has a case for every whole example message of the doc', () => {
    const missing = examples.filter((e) => !said.has(e.message)).map((e) => `${e.section}: ${e.message}`);
    expect(missing, 'doc examples with no case in evals/phrasings/doc-2026-12 (add one, worked out by hand)').toEqual([]);
  });

  it('says only messages of the doc, in every turn of every case', () => {
    const strays = entries.flatMap((e) => e.phrasing.turns.filter((t) => !messages.has(t)).map((t) => `${e.id}: ${t}`));
    expect(strays, 'case turns that are no example message of docs/offline-model.md').toEqual([]);
  });

  it('has one case of its own per message (a message in several cases only as the context of a follow-up)', () => {
    const last = entries.map((e) => e.phrasing.turns.at(-1)!);
    expect(new Set(last).size).toBe(last.length);
  });

  it('is registered for `npm run evals`, with a ratchet that only gates wrong proposals', () => {
    expect(suites).toContain(docPhrasingsSuite);
    expect(docPhrasingsSuite.name).toBe('phrasings-doc');
    expect(docPhrasingsSuite.requireAllPass).toBe(false);
  });

  it('expects only proposals the engine accepts on their data, at their clock', () => {
    for (const e of entries) {
      const c = e.phrasing;
      const sets = c.expect.proposals ? [c.expect.proposals, ...(c.expect.or ?? [])] : [];
      for (const set of sets) {
        const applied = applyOperations(e.data.startingPoint, set.map(complete), { asOf: c.clock ?? e.data.clock });
        expect(applied.ok ? 'accepted' : applied.error.message, c.id).toBe('accepted');
      }
    }
  });

  it('says "no" because of the engine only where the engine refuses the careless proposal', () => {
    const refusing = entries.filter((e) => e.phrasing.refusedByEngine !== null);
    expect(refusing.length).toBeGreaterThan(0);
    for (const e of refusing) {
      const r = applyOperations(e.data.startingPoint, [e.phrasing.refusedByEngine!], { asOf: e.phrasing.clock ?? e.data.clock });
      expect(r.ok, e.phrasing.id).toBe(false);
    }
  });
});
