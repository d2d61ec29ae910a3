/**
 * The replay server: a local OpenAI-compatible server on 127.0.0.1 that answers
 * `POST /v1/chat/completions` from recorded exchanges, by the request's key. The agent talks
 * to it through the real `@ai-sdk/openai-compatible` provider (`selectModel` with
 * `OPENAI_BASE_URL` pointing here), so replay exercises the same client path as a live
 * model. A request that was not recorded is answered with HTTP 404 and a message saying so
 * (and which part of the request differs from the nearest recorded one), and is kept in
 * `misses` for the case's report.
 */
import { errorBody, isChatCompletions, startLocalServer, type LocalServer } from './local-server.ts';
import type { RecordedExchange } from './recordings.ts';
import { describeMiss, requestKey, requestParts, type RequestParts } from './request-key.ts';

/** A request the replay server could not answer. */
export interface ReplayMiss {
  key: string;
  request: RequestParts;
  /** "not recorded: …", the message the client received. */
  message: string;
}

/** A running replay server. */
export interface ReplayServer extends LocalServer {
  /** Requests answered from the recording, in order (their keys). */
  served: string[];
  /** Requests that were not recorded, in order. */
  misses: ReplayMiss[];
}

/** Starts a replay server over recorded exchanges. */
export async function startReplayServer(exchanges: readonly RecordedExchange[], label = 'this case'): Promise<ReplayServer> {
  const byKey = new Map(exchanges.map((e) => [e.key, e]));
  const served: string[] = [];
  const misses: ReplayMiss[] = [];
  const server = await startLocalServer((request) => {
    if (!isChatCompletions(request))
      return { status: 404, body: errorBody(`the replay server serves POST /v1/chat/completions only, not ${request.method} ${request.path}`) };
    const body = request.body as { stream?: unknown } | null;
    if (body === null || typeof body !== 'object') return { status: 400, body: errorBody('the request body is not JSON') };
    if (body.stream === true) return { status: 400, body: errorBody('the replay server serves non-streaming requests only (the evals call generateText)') };
    const key = requestKey(body);
    const hit = byKey.get(key);
    if (hit) {
      served.push(key);
      return { status: 200, body: hit.response };
    }
    const parts = requestParts(body);
    const message = `not recorded: the recording of ${label} has no response for request ${key.slice(0, 12)}; ${describeMiss(
      parts,
      exchanges.map((e) => e.request),
    )}. Re-record the case (docs/evals.md, "Recording with a real model").`;
    misses.push({ key, request: parts, message });
    return { status: 404, body: errorBody(message, 'not_recorded') };
  });
  return { ...server, served, misses };
}
