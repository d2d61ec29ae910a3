import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountSlack, SLACK_EVENTS_PATH } from '../../src/slack/index.ts';
import { MAX_BODY_BYTES } from '../../src/slack/web-receiver.ts';

/** A request body streamed in chunks, with no Content-Length (as a chunked upload arrives). */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(120);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk.length, bytes - sent);
      controller.enqueue(chunk.subarray(0, n));
      sent += n;
    },
  });
}

describe('mountSlack', () => {
  it('refuses a body over the limit before the receiver sees it, even without Content-Length', async () => {
    let calls = 0;
    const app = mountSlack(new Hono(), async () => {
      calls++;
      return new Response('ok');
    });
    const big = await app.request(SLACK_EVENTS_PATH, { method: 'POST', body: streamed(MAX_BODY_BYTES + 1), duplex: 'half' } as RequestInit);
    expect(big.status).toBe(413);
    expect(calls).toBe(0);
    const small = await app.request(SLACK_EVENTS_PATH, { method: 'POST', body: streamed(1000), duplex: 'half' } as RequestInit);
    expect(small.status).toBe(200);
    expect(calls).toBe(1);
  });
});
