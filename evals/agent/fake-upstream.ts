/**
 * A scripted stand-in for a real model server, used to prove the record/replay path where no
 * real model is reachable: a local OpenAI-compatible server on 127.0.0.1 that answers a few
 * cases' user messages with the tool calls a capable model would make (in its own words,
 * e.g. `start: "2025-07"` where the offline model passes "July"), and, once the tools have
 * answered, a short reply written from their results. `record-fake-upstream.ts` records
 * those cases through the recording proxy against it; the recordings are committed and
 * replayed by every `npm run evals`.
 *
 * Deterministic: the same request gives the same response (ids are hashes of the request),
 * so recording twice writes the same files.
 */
import { createHash } from 'node:crypto';
import { errorBody, isChatCompletions, startLocalServer, type LocalServer } from './local-server.ts';
import { stableJson } from './request-key.ts';

/** The model id the fake upstream answers as (and the recordings replay with). */
export const FAKE_UPSTREAM_MODEL = 'scripted-upstream-1';

/** How recordings made against it describe their source. */
export const FAKE_UPSTREAM_LABEL = 'the scripted fake upstream (evals/agent/fake-upstream.ts)';

/** A tool call the script makes for a user message. */
export interface ScriptedCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** User message (exact text) -> the tool calls to make. */
export type UpstreamScript = Readonly<Record<string, readonly ScriptedCall[]>>;

/** The script: the cases it covers, message by message. */
export const FAKE_UPSTREAM_SCRIPT: UpstreamScript = {
  // create-scenario-full
  'Create a realization scenario for Delta Corp from the Rollout Plan, starting July, for 24 months': [
    { name: 'proposeRealizationScenario', arguments: { businessCase: 'Delta Corp', from: 'Rollout Plan', start: '2025-07', months: 24 } },
  ],
  // measure-multi-month-source
  'Delta: tickets per day Jan 140, Feb 150 (Zendesk export)': [
    {
      name: 'proposeMeasurements',
      arguments: {
        businessCase: 'Delta',
        measurements: [
          { input: 'Avg. Tickets per Day', month: '2026-01', value: 140, source: 'Zendesk export' },
          { input: 'Avg. Tickets per Day', month: '2026-02', value: 150, source: 'Zendesk export' },
        ],
      },
    },
  ],
  // split-that-calculation (two turns: the second is read against the first)
  'Show me the handle time calculation': [{ name: 'showBusinessCase', arguments: { businessCase: 'Delta Corp' } }],
  'Split that calculation into one for handle time and one for tickets per day; keep the total benefit.': [
    {
      name: 'proposeSplit',
      arguments: {
        calculation: 'Faster Ticket Handling',
        parts: [{ metric: 'Handle Time Saved per Ticket' }, { metric: 'Avg. Tickets per Day (baseline)' }],
        strategy: 'shapley',
      },
    },
  ],
  // qbr-finance-q1
  'draft the QBR for Q1 2026 for finance': [{ name: 'draftQbr', arguments: { quarter: '2026-Q1', audience: 'finance' } }],
};

/** The cases the script covers: the ones `record-fake-upstream.ts` records. */
export const FAKE_UPSTREAM_CASES = ['create-scenario-full', 'measure-multi-month-source', 'split-that-calculation', 'qbr-finance-q1'] as const;

type Message = { role?: string; content?: unknown; tool_calls?: unknown };

const short = (value: unknown): string => createHash('sha256').update(stableJson(value), 'utf8').digest('hex').slice(0, 12);

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('');
  return '';
}

/** The reply after the tools answered: written from their results only. */
function answer(toolMessages: readonly Message[]): string {
  const lines: string[] = [];
  for (const m of toolMessages) {
    let out: Record<string, unknown> | null = null;
    try {
      out = JSON.parse(textOf(m.content)) as Record<string, unknown>;
    } catch {
      lines.push(textOf(m.content));
      continue;
    }
    if (typeof out['error'] === 'string') lines.push(`I couldn't do that: ${out['error']}`);
    else if (typeof out['draftId'] === 'number')
      lines.push(
        `QBR draft v${String(out['version'])} for ${String(out['quarter'])}, for ${String(out['audience'])}, is saved and shown with this reply. It opens: "${String(out['excerpt'])}"`,
      );
    else if (typeof out['proposalId'] === 'string') {
      const changes = Array.isArray(out['changes']) ? (out['changes'] as unknown[]).map((c) => `- ${String(c)}`).join('\n') : '';
      lines.push(`I proposed this change:\n${changes}\n\nProposal ${out['proposalId']} is waiting for a person's approval; nothing has changed yet.`);
    } else lines.push('Here is what the tool returned; tell me what you would like to change.');
  }
  return lines.join('\n\n');
}

/** A running fake upstream: the bodies it received, in order, and the `Authorization` header of each. */
export interface FakeUpstream extends LocalServer {
  requests: unknown[];
  authorizations: Array<string | null>;
}

/** Starts the scripted upstream (see the module comment). */
export async function startFakeUpstream(script: UpstreamScript = FAKE_UPSTREAM_SCRIPT): Promise<FakeUpstream> {
  const requests: unknown[] = [];
  const authorizations: Array<string | null> = [];
  const server = await startLocalServer((request) => {
    if (!isChatCompletions(request)) return { status: 404, body: errorBody(`no route ${request.method} ${request.path}`) };
    const body = request.body as { model?: string; messages?: Message[]; stream?: boolean };
    requests.push(body);
    authorizations.push(request.headers.authorization ?? null);
    if (body.stream === true) return { status: 400, body: errorBody('the fake upstream answers non-streaming requests only') };
    const messages = body.messages ?? [];
    let lastUser = -1;
    messages.forEach((m, i) => {
      if (m.role === 'user') lastUser = i;
    });
    const since = messages.slice(lastUser + 1);
    const id = short(messages);
    let message: Record<string, unknown>;
    if (since.some((m) => m.role === 'tool')) {
      message = { role: 'assistant', content: answer(since.filter((m) => m.role === 'tool')) };
    } else {
      const calls = script[textOf(messages[lastUser]?.content).trim()];
      message = calls
        ? {
            role: 'assistant',
            content: null,
            tool_calls: calls.map((c, i) => ({ id: `call_${id}_${i}`, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
          }
        : { role: 'assistant', content: "I'm a scripted stand-in and have no answer for that message." };
    }
    return {
      status: 200,
      body: {
        id: `chatcmpl-${id}`,
        object: 'chat.completion',
        created: 1_760_000_000,
        model: body.model ?? FAKE_UPSTREAM_MODEL,
        choices: [{ index: 0, message, finish_reason: message['tool_calls'] ? 'tool_calls' : 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      },
    };
  });
  return { ...server, requests, authorizations };
}
