import { streamAgentTurn } from '../agent/run-agent.ts';
import type { AppContext } from './app-context.ts';
import type { ChatTurnInput } from './chat-turn.ts';

/**
 * The same turn as `chatTurn`, streamed (for `useChat` clients): the ai SDK stream result,
 * the thread saved when the stream finishes. `onError` lets the door log a failure its own
 * redacted way.
 */
export function streamChatTurn(ctx: AppContext, input: ChatTurnInput & { onError?: (error: unknown) => void }) {
  return streamAgentTurn({
    model: input.model,
    tools: { proposals: ctx, workspaceId: input.workspaceId, actor: input.actor, channel: input.channel, thread: input.threadKey, qbrModel: input.qbrModel },
    threadKey: input.threadKey,
    text: input.text,
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
    ...(input.onError ? { onError: input.onError } : {}),
    ...(input.log ? { log: input.log } : {}),
  });
}
