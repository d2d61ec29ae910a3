/**
 * The offline model's intents as declared units (`src/agent/offline-model/intents.ts`): every
 * example a unit declares reaches that unit, and its tools, through `parseRequest` (so an
 * earlier unit does not take it over), and the units are well formed.
 */
import { describe, expect, it } from 'vitest';
import { INTENT_UNITS, recognizeIntent } from '../../src/agent/offline-model/intents.ts';
import { parseRequest } from '../../src/agent/offline-model/parse-request.ts';
import { TOOL_NAMES } from '../../evals/agent/agent-case.ts';

describe('the declared intent units', () => {
  it('have unique names, known tools, slots and at least one example each', () => {
    expect(new Set(INTENT_UNITS.map((u) => u.name)).size).toBe(INTENT_UNITS.length);
    for (const u of INTENT_UNITS) {
      expect(u.examples.length, u.name).toBeGreaterThan(0);
      expect(u.slots.length, u.name).toBeGreaterThan(0);
      for (const t of u.tools) expect(TOOL_NAMES, `${u.name}: ${t}`).toContain(t);
    }
  });

  it('cover every intent of issue 11 that makes a tool call', () => {
    const intents = new Set(INTENT_UNITS.map((u) => u.intent));
    for (const i of [
      'create',
      'convert',
      'track-metric',
      'split',
      'record',
      'correct',
      'remove',
      'annotate',
      'help',
      'assumption',
      'milestone',
      'lock',
      'summary',
      'history',
      'pending',
      'show-case',
      'qbr',
    ])
      expect(intents, i).toContain(i);
  });

  for (const unit of INTENT_UNITS) {
    it(`${unit.name}: each example is recognized by this unit and calls its tools`, () => {
      for (const example of unit.examples) {
        const r = recognizeIntent({ head: example, full: example }, {});
        expect(r?.unit.name, example).toBe(unit.name);
        const request = parseRequest(example);
        // A unit without tools (help) answers in words.
        expect(request.kind, `${example}: ${request.kind === 'reply' ? request.text : ''}`).toBe(unit.tools.length === 0 ? 'reply' : 'tools');
        if (request.kind === 'tools') for (const c of request.calls) expect(unit.tools, example).toContain(c.toolName);
      }
    });
  }
});
