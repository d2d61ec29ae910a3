import type { App, Logger, Receiver, ReceiverEvent } from '@slack/bolt';
import { describeError } from '../errors/index.ts';
import { verifySlackSignature } from './verify-slack-signature.ts';

/** Slack wants an answer within 3 seconds; if no listener acknowledged by then, we answer anyway. */
export const ACK_DEADLINE_MS = 2500;
/** Larger bodies are refused (Slack's payloads are a few kilobytes). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Options of the web-standard receiver. */
export interface WebReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The clock signatures are checked against (ms); default `Date.now`. */
  nowMs?: () => number;
  /** How long to wait for an acknowledgement before answering 200 anyway. */
  ackDeadlineMs?: number;
}

const text = (status: number, body: string): Response => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

function ackResponse(response: unknown): Response {
  if (response === undefined || response === null || response === '') return new Response(null, { status: 200 });
  if (typeof response === 'string') return text(200, response);
  return Response.json(response, { status: 200 });
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      // Interactivity (buttons, modals) sends JSON in a `payload` field; slash commands send plain fields.
      return payload !== null ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
    }
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A Bolt receiver for the HTTP door: `handle(request)` takes a web-standard `Request` (the
 * hono app mounts it at `/slack/events`) and returns a `Response`. It checks the signature and
 * the 5-minute replay window (401 otherwise, before anything runs), answers Slack's URL
 * verification, and hands the payload to Bolt. The response goes back as soon as a listener
 * acknowledges (events are acknowledged by Bolt before the listeners run) while the work goes
 * on in the background; `idle()` waits for that work (tests, graceful shutdown).
 */
export class WebReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly nowMs: () => number;
  private readonly ackDeadlineMs: number;

  constructor(private readonly options: WebReceiverOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.ackDeadlineMs = options.ackDeadlineMs ?? ACK_DEADLINE_MS;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Nothing to listen on: the HTTP server that mounts `handle` does that. */
  async start(): Promise<(request: Request) => Promise<Response>> {
    return this.handle;
  }

  /** Waits for the work in progress. */
  async stop(): Promise<void> {
    await this.idle();
  }

  /** Resolves when no payload is being processed any more (including work started meanwhile). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The web-standard handler for `POST /slack/events`. */
  readonly handle = async (request: Request): Promise<Response> => {
    const { logger } = this.options;
    if (request.method !== 'POST') return text(405, 'method not allowed');
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return text(413, 'payload too large');
    const raw = await request.text();
    if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) return text(413, 'payload too large');

    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      body: raw,
      timestamp: request.headers.get('x-slack-request-timestamp'),
      signature: request.headers.get('x-slack-signature'),
      nowMs: this.nowMs(),
    });
    if (!check.ok) {
      logger.warn(`refused a Slack request: ${check.reason}`);
      return text(401, 'invalid request signature');
    }

    const body = parseBody(raw, request.headers.get('content-type') ?? '');
    if (!body) return text(400, 'unreadable payload');
    if (body.ssl_check !== undefined) return new Response(null, { status: 200 });
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });
    const app = this.app;
    if (!app) return text(503, 'not ready');

    let acknowledged = false;
    let settle!: (response: Response) => void;
    const answer = new Promise<Response>((resolve) => {
      settle = resolve;
    });
    const respond = (response: Response) => {
      if (acknowledged) return;
      acknowledged = true;
      clearTimeout(deadline);
      settle(response);
    };
    const deadline = setTimeout(() => {
      logger.warn('no acknowledgement within the deadline; answered Slack with 200');
      respond(new Response(null, { status: 200 }));
    }, this.ackDeadlineMs);
    deadline.unref?.();

    const retry = request.headers.get('x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => respond(ackResponse(response)),
      ...(retry !== null && /^\d+$/.test(retry) ? { retryNum: Number(retry) } : {}),
      ...(request.headers.get('x-slack-retry-reason') ? { retryReason: request.headers.get('x-slack-retry-reason')! } : {}),
    };
    const work: Promise<void> = app
      .processEvent(event)
      .then(() => respond(new Response(null, { status: 200 })))
      .catch((e: unknown) => {
        logger.error(`processing a Slack payload failed: ${describeError(e)}`);
        respond(text(500, 'internal error'));
      })
      .finally(() => {
        this.inFlight.delete(work);
      });
    this.inFlight.add(work);
    return answer;
  };
}
