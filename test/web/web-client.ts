import type { Hono } from 'hono';
import type { LanguageModel } from 'ai';
import { mountWeb, SessionStore } from '../../src/web/index.ts';
import { httpHarness } from '../http/http-harness.ts';

/**
 * The HTTP harness (demo case in `default` with dana's token, `acme` with olga's, clock in
 * November 2026) with the web workspace mounted as `ve serve` mounts it, and a tiny cookie
 * jar to act as one browser.
 */
export function webHarness(model: LanguageModel) {
  const h = httpHarness(model);
  const sessions = new SessionStore();
  const logs: string[] = [];
  mountWeb(h.app, { ctx: h.ctx, qbrModel: null, maxBodyBytes: 256 * 1024, sessions, log: (line) => logs.push(line) });
  return { ...h, sessions, webLogs: logs, browser: () => new WebClient(h.app) };
}

/** One browser: its cookie, the CSRF token of the last page it read, and requests without following redirects. */
export class WebClient {
  cookie = '';
  csrf = '';
  constructor(private readonly app: Hono<any>) {}

  async request(
    method: string,
    path: string,
    init: { form?: Record<string, string | string[]>; body?: string | FormData; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers };
    let body: string | FormData | undefined = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    return res;
  }

  /** GET a page; remembers its CSRF token. */
  async page(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await this.request('GET', path);
    const html = await res.text();
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, html, res };
  }

  /** POST a form with the page's CSRF token (unless `_csrf` is given). */
  post(path: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('POST', path, { form: { _csrf: this.csrf, ...form }, headers });
  }

  /** Signs in with a token through the sign-in form. */
  async signIn(token: string): Promise<Response> {
    await this.page('/sign-in');
    return this.post('/sign-in', { token });
  }
}

/** The text of the element carrying `data-figure="key"` on a summary page. */
export function figureText(html: string, key: string): string | null {
  return new RegExp(`data-figure="${key}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
}

/** A money text (`$1,234.56`, `−$3.00`) as a number. */
export function money(text: string | null): number {
  if (text === null) throw new Error('no figure');
  return Number(text.replace(/[−-]/, '-').replace(/[$,]/g, ''));
}

/** The one cell button of the table for an input and a month. */
export function cell(html: string, input: string, month: string): { cls: string; shown: string; attrs: string } | null {
  const m = new RegExp(`<button type="button" class="([^"]*)" data-input="${input}" data-month="${month}"([^>]*)>([^<]*)`).exec(html);
  return m ? { cls: m[1]!, attrs: m[2]!, shown: m[3]! } : null;
}
