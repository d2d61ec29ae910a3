/**
 * The body size limit on a real socket (@hono/node-server), where it decides from the
 * headers when it can: a declared Content-Length over the limit is refused before the body
 * is read, a chunked body (Transfer-Encoding, no length) is counted as it streams, and a GET
 * passes. In-process `app.request` bodies carry neither header; auth-and-errors covers them.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedModel } from '../support/scripted-model.ts';
import { httpHarness } from './http-harness.ts';

const LIMIT = 2000;
const model = scriptedModel((call) => ({ text: `echo: ${call.userText}` }));
const h = httpHarness(model, { maxBodyBytes: LIMIT });
let server: ServerType;
let port: number;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a request over the socket; `chunks` given means a chunked body (no Content-Length). */
function send(method: string, path: string, body: { whole?: string; chunks?: string[] }): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${h.tokens.dana}`, 'content-type': 'application/json' };
    if (body.whole !== undefined) headers['content-length'] = String(Buffer.byteLength(body.whole));
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (body.whole !== undefined) req.end(body.whole);
    else {
      for (const chunk of body.chunks ?? []) req.write(chunk);
      req.end();
    }
  });
}

const chat = (chars: number) => JSON.stringify({ message: 'x'.repeat(chars) });
const inChunks = (text: string) => Array.from({ length: Math.ceil(text.length / 300) }, (_, i) => text.slice(i * 300, i * 300 + 300));

describe('body size limit over HTTP', () => {
  it('refuses a declared length over the limit, and a chunked body once it passes the limit; nothing runs', async () => {
    const callsBefore = model.doGenerateCalls.length;
    const declared = await send('POST', '/api/chat', { whole: chat(3000) });
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe('payload_too_large');
    const chunked = await send('POST', '/api/chat', { chunks: inChunks(chat(3000)) });
    expect(chunked.status).toBe(413);
    expect(model.doGenerateCalls).toHaveLength(callsBefore);
  });

  it('accepts bodies under the limit, declared or chunked, and a GET', async () => {
    const declared = await send('POST', '/api/chat', { whole: chat(1900) });
    expect(declared.status).toBe(200);
    expect(declared.json.text).toBe(`echo: ${'x'.repeat(1900)}`);
    const chunked = await send('POST', '/api/chat', { chunks: inChunks(chat(1900)) });
    expect(chunked.status).toBe(200);
    expect(chunked.json.text).toBe(`echo: ${'x'.repeat(1900)}`);
    expect((await send('GET', '/api/proposals', {})).status).toBe(200);
  });
});
