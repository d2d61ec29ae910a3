/**
 * The cache key of recorded model requests (evals/agent/request-key.ts): stable from run to
 * run, insensitive to what does not change a request's meaning (object key order, tool
 * order, JSON spacing inside tool arguments and tool results, null vs absent fields,
 * transport flags on tools), sensitive to everything that does (model, message order and
 * text, tool definitions, argument values).
 */
import { describe, expect, it } from 'vitest';
import { describeMiss, normaliseRequest, requestKey, requestParts, stableJson } from '../../evals/agent/request-key.ts';

const tool = (name: string, description = `the ${name} tool`) => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties: { month: { type: 'string' }, value: { type: 'number' } }, required: ['month'] } },
});

/** A request as @ai-sdk/openai-compatible sends it after one tool round trip. */
function request() {
  return {
    model: 'gpt-x',
    messages: [
      { role: 'system', content: 'You are value-engineer. The current month is 2026-04.' },
      { role: 'user', content: 'February: 150 tickets a day' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'proposeMeasurements', arguments: '{"month":"February","value":150}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"proposalId":"p1","status":"pending"}' },
    ],
    tools: [tool('proposeMeasurements'), tool('draftQbr'), tool('valueSummary')],
    tool_choice: 'auto',
  };
}

describe('requestKey', () => {
  it('is a stable hex SHA-256: the same request gives the same key every time', () => {
    const key = requestKey(request());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(requestKey(request())).toBe(key);
    expect(requestKey(JSON.parse(JSON.stringify(request())))).toBe(key);
  });

  it('ignores object key order at every level', () => {
    const r = request();
    const reordered = {
      tools: r.tools.map((t) => ({
        function: { parameters: t.function.parameters, description: t.function.description, name: t.function.name },
        type: t.type,
      })),
      messages: r.messages.map((m) => Object.fromEntries(Object.entries(m).reverse())),
      model: r.model,
    };
    expect(requestKey(reordered)).toBe(requestKey(r));
  });

  it('treats tools as a set: their order does not matter', () => {
    const r = request();
    expect(requestKey({ ...r, tools: [...r.tools].reverse() })).toBe(requestKey(r));
  });

  it('compares tool-call arguments and tool results as JSON, not as text', () => {
    const r = request();
    const spaced = structuredClone(r);
    (spaced.messages[2] as any).tool_calls[0].function.arguments = '{ "value": 150, "month": "February" }';
    (spaced.messages[3] as any).content = '{\n  "status": "pending",\n  "proposalId": "p1"\n}';
    expect(requestKey(spaced)).toBe(requestKey(r));
  });

  it('ignores what carries no meaning: null vs absent, empty assistant text next to tool calls, sampling options, tool transport flags', () => {
    const r = request();
    const variant = structuredClone(r) as any;
    variant.messages[2].content = null;
    variant.temperature = 0;
    variant.stream = false;
    delete variant.tool_choice;
    variant.tools = variant.tools.map((t: any) => ({ ...t, function: { ...t.function, strict: true } }));
    expect(requestKey(variant)).toBe(requestKey(r));
  });

  it('changes with the model, the order or text of messages, a tool definition, or an argument value', () => {
    const r = request();
    const base = requestKey(r);
    expect(requestKey({ ...r, model: 'gpt-y' })).not.toBe(base);
    const swapped = structuredClone(r);
    [swapped.messages[0], swapped.messages[1]] = [swapped.messages[1]!, swapped.messages[0]!];
    expect(requestKey(swapped)).not.toBe(base);
    const text = structuredClone(r);
    text.messages[1]!.content = 'February: 151 tickets a day';
    expect(requestKey(text)).not.toBe(base);
    expect(requestKey({ ...r, tools: [tool('proposeMeasurements', 'changed'), tool('draftQbr'), tool('valueSummary')] })).not.toBe(base);
    expect(requestKey({ ...r, tools: r.tools.slice(1) })).not.toBe(base);
    const value = structuredClone(r) as any;
    value.messages[2].tool_calls[0].function.arguments = '{"month":"February","value":151}';
    expect(requestKey(value)).not.toBe(base);
    const order = structuredClone(r) as any;
    order.messages[3].content = '{"proposalId":"p2","status":"pending"}';
    expect(requestKey(order)).not.toBe(base);
  });

  it('keeps array order inside arguments (two measurements in another order are another request)', () => {
    const r = request() as any;
    r.messages[2].tool_calls[0].function.arguments = JSON.stringify({ measurements: [{ month: 'Jan' }, { month: 'Feb' }] });
    const other = structuredClone(r);
    other.messages[2].tool_calls[0].function.arguments = JSON.stringify({ measurements: [{ month: 'Feb' }, { month: 'Jan' }] });
    expect(requestKey(other)).not.toBe(requestKey(r));
  });
});

describe('stableJson and the request parts', () => {
  it('sorts keys and drops null fields', () => {
    expect(stableJson({ b: 1, a: { d: null, c: [2, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('normalises tools to what a model reads, sorted by name', () => {
    expect(normaliseRequest(request()).tools.map((t) => t.name)).toEqual(['draftQbr', 'proposeMeasurements', 'valueSummary']);
  });

  it('says which part of a missed request differs from the nearest recorded one', () => {
    const recorded = requestParts(request());
    const r = request();
    expect(describeMiss(requestParts({ ...r, model: 'gpt-y' }), [recorded])).toContain("model 'gpt-y' (recorded 'gpt-x')");
    const sys = structuredClone(r);
    sys.messages[0]!.content = 'You are value-engineer. The current month is 2026-05.';
    expect(describeMiss(requestParts(sys), [recorded])).toContain('the system prompt');
    expect(describeMiss(requestParts({ ...r, tools: r.tools.slice(1) }), [recorded])).toContain('the tool definitions');
    const msg = structuredClone(r);
    msg.messages[3]!.content = '{"error":"refused"}';
    expect(describeMiss(requestParts(msg), [recorded])).toMatch(/message 3 \(tool\)/);
    expect(describeMiss(requestParts(r), [])).toBe('nothing is recorded for this case');
  });
});
