import { Hono } from 'hono';
import type { AppContext } from '../app/app-context.ts';
import type { AppEnv } from './app-env.ts';
import { DEFAULT_MAX_BODY_BYTES, type AppOptions, type ResolvedAppOptions } from './app-options.ts';
import { bearerAuth } from './bearer-auth.ts';
import { requestBodyLimit } from './body-limit.ts';
import { registerBusinessCaseRoutes } from './business-case-routes.ts';
import { registerChatRoute } from './chat-route.ts';
import { errorHandler } from './error-handler.ts';
import { HttpError } from './http-error.ts';
import { openApiDocument } from './openapi.ts';
import { registerProposalRoutes } from './proposal-routes.ts';
import { registerQbrCheckRoute } from './qbr-check-route.ts';
import { registerQbrRoutes } from './qbr-routes.ts';
import { DEFAULT_RATE_LIMITS, rateLimit } from './rate-limit.ts';
import { checkStoreReadable } from '../app/door-memory.ts';

/**
 * Builds the HTTP door (hono): the chat endpoint, proposals, business cases and their QBR
 * drafts, `/healthz` and
 * `/openapi.json`. Every `/api/*` request needs a workspace bearer token and sees only that
 * workspace; bodies are limited in size and validated with zod; one `onError` maps every
 * failure to a status and `{ error }` without leaking internals. No `serve()` here: the entry
 * (`ve serve`) listens, tests call `app.request()`.
 */
export function createApp(input: AppOptions): Hono<AppEnv> {
  const options: ResolvedAppOptions = {
    ...input,
    log: input.log ?? ((line) => console.error(line)),
    secrets: input.secrets ?? [],
    maxBodyBytes: input.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    qbrModel: input.qbrModel ?? null,
  };
  const ctx: AppContext = { store: options.store, now: options.now, ...(options.maxAgeMs !== undefined ? { maxAgeMs: options.maxAgeMs } : {}) };
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(options.log, options.secrets));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  // One read (in WAL mode a read never waits for another connection's write lock), and what
  // the host adds (`ve serve`: Slack's state). Never a write: a locked database cannot hold it.
  app.get('/healthz', (c) => {
    try {
      checkStoreReadable(options);
    } catch {
      throw new HttpError('unavailable', 'the database is not readable');
    }
    return c.json({ ok: true as const, ...options.health?.() });
  });
  const openApi = openApiDocument();
  app.get('/openapi.json', (c) => c.json(openApi));

  app.use('/api/*', bearerAuth(options.store));
  // Per token, before the body is read: a token cannot run the model (or post bodies) without bound.
  app.use('/api/*', rateLimit(options.rateLimits ?? DEFAULT_RATE_LIMITS, options.now));
  app.use(
    '/api/*',
    requestBodyLimit(options.maxBodyBytes, (c) =>
      c.json({ error: { code: 'payload_too_large', message: `the request body is larger than ${options.maxBodyBytes} bytes` } }, 413),
    ),
  );
  registerChatRoute(app, options, ctx);
  registerProposalRoutes(app, ctx, options.onDecided);
  registerBusinessCaseRoutes(app, ctx);
  registerQbrRoutes(app, options, ctx);
  registerQbrCheckRoute(app, ctx);
  return app;
}
