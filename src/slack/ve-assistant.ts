import { Assistant } from '@slack/bolt';
import { GREETING, suggestedPrompts } from './app-home.ts';
import { converse, stripMention } from './converse.ts';
import { workspaceForTeam } from './slack-settings.ts';
import type { SlackDeps } from './slack-deps.ts';

/** The greeting at the top of a new assistant thread (the same as the Messages tab's). */
export const ASSISTANT_GREETING = GREETING;

/**
 * The assistant-thread experience (Slack's AI assistant panel): a greeting and suggested
 * prompts when a thread starts, "is thinking…" while the agent works, the same agent turn as
 * mentions and DMs. Thread context is neither read nor saved (it would cost a
 * `conversations.replies` call per message for nothing we use).
 */
export function createVeAssistant(deps: SlackDeps): Assistant {
  return new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => undefined },
    threadStarted: async ({ event, client, context, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      await client.chat.postMessage({ channel, thread_ts: threadTs, text: ASSISTANT_GREETING });
      // Built from the workspace's own cases, as in the Messages tab.
      const prompts = suggestedPrompts(deps, workspaceForTeam(deps.workspaces, context.teamId));
      await setSuggestedPrompts({ title: 'Try one of these', prompts: prompts.slice(0, 4) });
    },
    threadContextChanged: async () => undefined,
    userMessage: async ({ message, client, context, setStatus }) => {
      if (message.subtype !== undefined || !('user' in message) || !message.user || !('text' in message) || !message.text) return;
      if ('bot_id' in message && message.bot_id) return;
      const threadTs = 'thread_ts' in message && message.thread_ts ? message.thread_ts : message.ts;
      await converse(deps, {
        client,
        teamId: context.teamId,
        channel: message.channel,
        threadTs,
        userId: message.user,
        text: stripMention(message.text, context.botUserId),
        setStatus: (status) => setStatus(status),
      });
    },
  });
}
