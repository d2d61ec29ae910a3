import { randomUUID } from 'node:crypto';
import { consumeStream } from 'ai';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../app/app-context.ts';
import { chatTurn, type ChatTurnInput } from '../app/chat-turn.ts';
import { streamChatTurn } from '../app/stream-chat-turn.ts';
import { errorReference, redactSecrets } from '../errors/index.ts';
import type { AppEnv, Caller } from './app-env.ts';
import type { ResolvedAppOptions } from './app-options.ts';
import { logFailure } from './error-handler.ts';
import { qbrDraftBody } from './qbr-draft-body.ts';
import { HttpError } from './http-error.ts';
import { parseWith, readJsonBody } from './read-request.ts';
import { chatRequestSchema, MAX_MESSAGE_CHARS, uiChatRequestSchema } from './request-schemas.ts';

/** What a chat request asks, whichever body shape it came in. */
interface ChatAsk {
  text: string;
  threadId: string | undefined;
  /** The body was useChat's (`{ id, messages }`): answer with a UI message stream. */
  uiChat: boolean;
}

/** The thread key HTTP conversations are stored under (other doors use their own prefixes). */
export function httpThreadKey(threadId: string): string {
  return `http:${threadId}`;
}

function readAsk(body: unknown): ChatAsk {
  const looksUi = typeof body === 'object' && body !== null && !Array.isArray(body) && 'messages' in body;
  if (!looksUi) {
    const plain = parseWith(chatRequestSchema, body, 'body');
    return { text: plain.message, threadId: plain.threadId, uiChat: false };
  }
  const ui = parseWith(uiChatRequestSchema, body, 'body');
  const last = ui.messages.findLast((m) => m.role === 'user');
  const text = (last?.parts ?? [])
    .filter((p) => p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text)
    .join('\n')
    .trim();
  if (!text) throw new HttpError('invalid_request', 'messages: the last user message has no text', { field: 'messages' });
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new HttpError('invalid_request', `messages: the last user message must be at most ${MAX_MESSAGE_CHARS} characters`, { field: 'messages' });
  }
  return { text, threadId: ui.id, uiChat: true };
}

/** Longest a chat turn may take before it is aborted (ms). */
export const CHAT_TURN_TIMEOUT_MS = 120_000;

/**
 * `POST /api/chat`: one chat turn through the agent (`chatTurn`), for the caller's workspace,
 * as the caller (the token's name is the proposer of anything proposed).
 *
 * Body `{ message, threadId? }` answers JSON `{ text, proposals, threadId }`, each proposal as
 * its view. The body useChat sends (`{ id, messages }`), or any body with `Accept:
 * text/event-stream`, answers an ai SDK UI message stream (SSE), with the conversation id in the
 * `X-Thread-Id` header and in the start message's metadata. The conversation is kept on the
 * server per thread id, so useChat's history is not re-read: only the last user message's
 * text is said.
 */
export function registerChatRoute(app: Hono<AppEnv>, options: ResolvedAppOptions, ctx: AppContext): void {
  app.post('/api/chat', async (c) => {
    const caller: Caller = c.get('caller');
    const ask = readAsk(await readJsonBody(c, z.unknown()));
    const threadId = ask.threadId ?? randomUUID();
    const threadKey = httpThreadKey(threadId);
    const turn: ChatTurnInput = {
      model: options.model,
      qbrModel: options.qbrModel,
      workspaceId: caller.workspaceId,
      actor: caller.name,
      channel: 'http',
      threadKey,
      text: ask.text,
      // A model that hangs must not hold the request (and a client that leaves stops a JSON turn).
      abortSignal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(CHAT_TURN_TIMEOUT_MS)]),
      // A tool's unexpected failure: logged here with its reference; the model (and so the person) gets only the reference.
      log: (line) => options.log(redactSecrets(`ve http: ${c.req.method} ${c.req.path}: ${line}`, options.secrets)),
    };
    const accept = c.req.header('accept') ?? '';
    if (ask.uiChat || accept.includes('text/event-stream')) {
      // The stream keeps running to its end if the client leaves (the thread is saved); only the timeout stops it.
      const result = streamChatTurn(ctx, { ...turn, abortSignal: AbortSignal.timeout(CHAT_TURN_TIMEOUT_MS) });
      return result.toUIMessageStreamResponse({
        headers: { 'X-Thread-Id': threadId },
        messageMetadata: ({ part }) => (part.type === 'start' ? { threadId } : undefined),
        onError: (error) => {
          const reference = errorReference();
          logFailure(options.log, options.secrets, c, reference, error);
          return `the assistant could not finish this answer (reference ${reference})`;
        },
        // Keeps the turn running to its end (and the thread saved) if the client goes away.
        consumeSseStream: consumeStream,
      });
    }
    const reply = await chatTurn(ctx, turn);
    return c.json({ text: reply.text, proposals: reply.proposals, qbrDrafts: reply.qbrDrafts.map(qbrDraftBody), threadId });
  });
}
