/**
 * The recording proxy of `--live --record`: a local OpenAI-compatible server on 127.0.0.1
 * that forwards every `POST /v1/chat/completions` to the real model server (the configured
 * `OPENAI_BASE_URL`, else OpenAI) with the configured key, returns the answer unchanged, and
 * keeps each successful request/response pair keyed by `requestKey`. The agent talks to the
 * proxy through `@ai-sdk/openai-compatible` (the same client path replay uses), so what is
 * recorded is exactly what replay will be asked. The key is added by the proxy and never
 * written anywhere.
 */
import { errorBody, isChatCompletions, startLocalServer, type LocalServer } from './local-server.ts';
import type { RecordedExchange } from './recordings.ts';
import { requestKey, requestParts } from './request-key.ts';

/** Where the proxy forwards to. */
export interface Upstream {
  /** Base URL ending in `/v1` (no trailing slash needed), e.g. `https://api.openai.com/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer …` when given. */
  apiKey?: string;
  /** The fetch to forward with (default the global one). */
  fetch?: typeof fetch;
}

/** A running recording proxy. */
export interface RecordingProxy extends LocalServer {
  /** The recorded exchanges, in the order the requests came (one per distinct key). */
  exchanges: RecordedExchange[];
  /** Upstream failures (status and message), in order: not recorded. */
  failures: string[];
}

/** Starts a recording proxy in front of `upstream`. */
export async function startRecordingProxy(upstream: Upstream): Promise<RecordingProxy> {
  const base = upstream.baseURL.replace(/\/+$/, '');
  const fetchImpl = upstream.fetch ?? fetch;
  const exchanges: RecordedExchange[] = [];
  const failures: string[] = [];
  const server = await startLocalServer(async (request) => {
    if (!isChatCompletions(request))
      return { status: 404, body: errorBody(`the recording proxy forwards POST /v1/chat/completions only, not ${request.method} ${request.path}`) };
    const body = request.body;
    if (body === null || typeof body !== 'object') return { status: 400, body: errorBody('the request body is not JSON') };
    if ((body as { stream?: unknown }).stream === true)
      return { status: 400, body: errorBody('the recording proxy records non-streaming requests only (the evals call generateText)') };
    let status: number;
    let text: string;
    try {
      const res = await fetchImpl(`${base}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(upstream.apiKey ? { authorization: `Bearer ${upstream.apiKey}` } : {}) },
        body: JSON.stringify(body),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      const message = `the model server at ${base} did not answer: ${e instanceof Error ? e.message : String(e)}`;
      failures.push(message);
      return { status: 502, body: errorBody(message, 'upstream_unreachable') };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      failures.push(`HTTP ${status}: the answer is not JSON`);
      return { status: 502, body: errorBody(`the model server answered HTTP ${status} with something that is not JSON`, 'upstream_error') };
    }
    if (status !== 200) {
      failures.push(`HTTP ${status}: ${JSON.stringify(json).slice(0, 300)}`);
      return { status, body: json };
    }
    const key = requestKey(body);
    const exchange: RecordedExchange = { key, request: requestParts(body), response: json };
    const at = exchanges.findIndex((e) => e.key === key);
    if (at >= 0) exchanges[at] = exchange;
    else exchanges.push(exchange);
    return { status: 200, body: json };
  });
  return { ...server, exchanges, failures };
}
