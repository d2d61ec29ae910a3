/**
 * A small JSON HTTP server on 127.0.0.1 (an ephemeral port) for the eval's stand-ins of an
 * OpenAI-compatible API: the replay server, the recording proxy and the scripted fake
 * upstream. Nothing here listens on another interface.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a handler sees it (body parsed when it is JSON, else the text). */
export interface LocalRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A handler's answer: a status and a JSON body. */
export interface LocalResponse {
  status: number;
  body: unknown;
}

/** A running server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>/v1`: what an OpenAI client takes as its base URL. */
  baseURL: string;
  close(): Promise<void>;
}

/** An OpenAI-style error body. */
export function errorBody(message: string, type = 'invalid_request_error'): unknown {
  return { error: { message, type, code: null } };
}

/** Starts a server answering every request with `handle` (a throw becomes a 500 naming it). */
export async function startLocalServer(handle: (request: LocalRequest) => Promise<LocalResponse> | LocalResponse): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: the handler gets the text
        }
      }
      const request: LocalRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, headers: req.headers, body };
      Promise.resolve()
        .then(() => handle(request))
        .catch((e: unknown): LocalResponse => ({ status: 500, body: errorBody(e instanceof Error ? e.message : String(e), 'server_error') }))
        .then((r) => {
          res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** True for `POST …/chat/completions` (the one route the stand-ins serve). */
export function isChatCompletions(request: LocalRequest): boolean {
  return request.method === 'POST' && /\/chat\/completions$/.test(request.path);
}
