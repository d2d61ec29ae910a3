import type { Env, Hono } from 'hono';
import { type WebOptions, webApp } from './web-app.ts';

export type { WebOptions } from './web-app.ts';
export { SessionStore, SESSION_COOKIE } from './session.ts';
export { CLIENT_JS } from './client-script.ts';
export { STYLES_CSS } from './styles.ts';

/**
 * The web door: adds the web workspace's pages (`/`, `/sign-in`, `/cases/...`, `/web/...`) to
 * the HTTP door's hono app, as `mountSlack` adds Slack's route. `ve serve` composes them; the
 * chat panel's stream is forwarded to the same app's `POST /api/chat`.
 */
export function mountWeb<E extends Env>(app: Hono<E>, options: Omit<WebOptions, 'api'>): Hono<E> {
  app.route('/', webApp({ ...options, api: (request) => app.fetch(request) }));
  return app;
}
