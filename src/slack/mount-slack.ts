import type { Env, Hono } from 'hono';
import { MAX_BODY_BYTES } from './web-receiver.ts';

/** Where Slack sends events, interactivity and slash commands (the manifest's request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Adds the Slack route to the HTTP door's hono app: `POST /slack/events` goes to the
 * receiver's web-standard handler, which verifies Slack's signature itself (so the route must
 * not sit behind the API's bearer-token middleware). The body is read through hono's request
 * (`c.req.text()`, cached) so a middleware that read it as text before does no harm; one that
 * parsed it as JSON would change the bytes and fail the signature check. The route is public,
 * so the body is capped before it is read (also a chunked one without Content-Length).
 */
export function mountSlack<E extends Env>(app: Hono<E>, handler: (request: Request) => Promise<Response>, path: string = SLACK_EVENTS_PATH): Hono<E> {
  app.post(path, async (c) => {
    const raw = c.req.raw;
    if (Number(c.req.header('content-length')) > MAX_BODY_BYTES) return c.text('payload too large', 413);
    // A body a middleware already read is hono's cached copy; otherwise read at most the limit.
    const body = raw.bodyUsed ? await c.req.text() : await readCapped(raw, MAX_BODY_BYTES);
    if (body === null) return c.text('payload too large', 413);
    return handler(new Request(raw.url, { method: raw.method, headers: raw.headers, body }));
  });
  return app;
}

/** The request body as text, or null as soon as it grows past `max` bytes (the rest is not read). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
