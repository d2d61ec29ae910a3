import type { Env, Hono } from 'hono';

/** Where Slack sends events, interactivity and slash commands (the manifest's request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Adds the Slack route to the HTTP door's hono app: `POST /slack/events` goes to the
 * receiver's web-standard handler, which verifies Slack's signature itself (so the route must
 * not sit behind the API's bearer-token middleware). The body is read through hono's request
 * (`c.req.text()`, cached) so a middleware that read it as text before does no harm; one that
 * parsed it as JSON would change the bytes and fail the signature check.
 */
export function mountSlack<E extends Env>(app: Hono<E>, handler: (request: Request) => Promise<Response>, path: string = SLACK_EVENTS_PATH): Hono<E> {
  app.post(path, async (c) => {
    const raw = c.req.raw;
    const body = await c.req.text();
    return handler(new Request(raw.url, { method: raw.method, headers: raw.headers, body }));
  });
  return app;
}
