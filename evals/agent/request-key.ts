/**
 * The cache key of a recorded model request: a SHA-256 of the request's model id, messages
 * and tools, normalised into stable JSON so that what does not change the meaning of a
 * request does not change its key:
 *
 * - object keys are sorted at every level (`{"a":1,"b":2}` = `{"b":2,"a":1}`);
 * - fields that are `null` or absent are the same (`content: null` = no `content`);
 * - JSON held in strings is compared as JSON: a tool call's `arguments` and a tool message's
 *   `content` (`'{"month":"2026-02","value":150}'` = `'{ "value": 150, "month": "2026-02" }'`);
 * - tools are a set: sorted by name, and only what a model reads of them counts (name,
 *   description, parameters), not transport flags such as `strict`.
 *
 * Order that carries meaning stays: the messages, the parts of a message, the tool calls of
 * a message, array items inside arguments. Sampling options (temperature, tool_choice,
 * stream) are not part of the key: they are the same in every eval run.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level and `null`/`undefined` fields left out. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** A string holding JSON becomes the JSON value (so its key order stops mattering); other strings stay. */
function parsedIfJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return text;
  try {
    return { json: JSON.parse(t) as unknown };
  } catch {
    return text;
  }
}

type Json = Record<string, unknown>;

function normaliseMessage(message: unknown): unknown {
  if (message === null || typeof message !== 'object') return message;
  const m = { ...(message as Json) };
  if (m['role'] === 'tool') m['content'] = parsedIfJson(m['content']);
  if (Array.isArray(m['tool_calls'])) {
    m['tool_calls'] = (m['tool_calls'] as unknown[]).map((call) => {
      if (call === null || typeof call !== 'object') return call;
      const c = { ...(call as Json) };
      if (c['function'] && typeof c['function'] === 'object') {
        const f = { ...(c['function'] as Json) };
        f['arguments'] = parsedIfJson(f['arguments']);
        c['function'] = f;
      }
      return c;
    });
  }
  // An empty assistant text next to tool calls says nothing: '' and null are the same.
  if (m['content'] === '') delete m['content'];
  return m;
}

function normaliseTool(tool: unknown): { name: string; description: unknown; parameters: unknown } {
  const t = (tool ?? {}) as Json;
  const f = (t['function'] ?? t) as Json;
  return { name: String(f['name'] ?? ''), description: f['description'] ?? null, parameters: f['parameters'] ?? null };
}

/** The parts of a chat-completions request that decide the model's answer, normalised. */
export interface NormalisedRequest {
  model: string;
  messages: unknown[];
  tools: Array<{ name: string; description: unknown; parameters: unknown }>;
}

/** Normalises an OpenAI chat-completions request body (see the module comment). */
export function normaliseRequest(body: unknown): NormalisedRequest {
  const b = (body ?? {}) as Json;
  const messages = Array.isArray(b['messages']) ? (b['messages'] as unknown[]).map(normaliseMessage) : [];
  const tools = Array.isArray(b['tools']) ? (b['tools'] as unknown[]).map(normaliseTool).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) : [];
  return { model: String(b['model'] ?? ''), messages, tools };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The cache key of a chat-completions request body: hex SHA-256 of its normalised stable JSON. */
export function requestKey(body: unknown): string {
  return sha256(stableJson(normaliseRequest(body)));
}

/**
 * The same request in parts, for a recording file and for saying why a request missed:
 * the messages in full (minus the system prompt's text), and hashes of the big, static
 * parts (system prompt, tool definitions).
 */
export interface RequestParts {
  model: string;
  /** Hash of the system message(s): changes when `prompts/system.md` or the clock month changes. */
  system: string;
  /** Hash of the normalised tool definitions: changes when a tool's name, description or schema changes. */
  tools: string;
  /** The conversation after the system prompt, normalised. */
  messages: unknown[];
}

/** Splits a request into the parts `RequestParts` describes. */
export function requestParts(body: unknown): RequestParts {
  const n = normaliseRequest(body);
  const isSystem = (m: unknown): boolean => {
    const role = (m as Json | null)?.['role'];
    return role === 'system' || role === 'developer';
  };
  return {
    model: n.model,
    system: sha256(stableJson(n.messages.filter(isSystem))).slice(0, 16),
    tools: sha256(stableJson(n.tools)).slice(0, 16),
    messages: n.messages.filter((m) => !isSystem(m)),
  };
}

/**
 * Why a request is not among recorded ones, in words: which part differs from the nearest
 * recorded request of the same conversation (the one sharing the longest run of messages).
 */
export function describeMiss(request: RequestParts, recorded: readonly RequestParts[]): string {
  if (recorded.length === 0) return 'nothing is recorded for this case';
  const shared = (r: RequestParts): number => {
    let n = 0;
    while (n < r.messages.length && n < request.messages.length && stableJson(r.messages[n]) === stableJson(request.messages[n])) n++;
    return n;
  };
  const nearest = [...recorded].sort((a, b) => shared(b) - shared(a))[0]!;
  const diffs: string[] = [];
  if (nearest.model !== request.model) diffs.push(`model '${request.model}' (recorded '${nearest.model}')`);
  if (nearest.system !== request.system) diffs.push('the system prompt (prompts/system.md, the clock month or the actor changed)');
  if (nearest.tools !== request.tools) diffs.push('the tool definitions (a tool name, description or input schema changed)');
  const n = shared(nearest);
  if (n < request.messages.length || n < nearest.messages.length) {
    const at = request.messages[n];
    const role = (at as Json | undefined)?.['role'] ?? 'none';
    const text = at === undefined ? '(no message)' : stableJson(at).slice(0, 160);
    diffs.push(`message ${n + 1} (${String(role)}): ${text}`);
  }
  return diffs.length > 0 ? `it differs from the nearest recorded request in ${diffs.join('; ')}` : 'a recorded request has the same parts but another key';
}
