import { Assistant } from '@slack/bolt';
import { converse, stripMention } from './converse.ts';
import type { SlackDeps } from './slack-deps.ts';

/** The prompts offered when someone opens a new assistant thread. */
export const SUGGESTED_PROMPTS = [
  { title: "Record this month's measurements", message: "Record this month's measurements for Delta Corp: tickets per day 165, deflection rate 24%." },
  { title: 'Split a calculation', message: 'Split the efficiency calculation of Delta Corp into its support and self-service parts.' },
  { title: 'Draft the QBR', message: 'Draft the QBR for Delta Corp for last quarter: realized vs estimated value, with the evidence.' },
] as const;

/** The greeting at the top of a new assistant thread. */
export const ASSISTANT_GREETING =
  "Hi, I'm your value engineer. Ask me about a business case's realized value, dictate measurements, or ask for a QBR draft. I propose changes; an approver applies them with a click.";

/**
 * The assistant-thread experience (Slack's AI assistant panel): a greeting and suggested
 * prompts when a thread starts, "is thinking…" while the agent works, the same agent turn as
 * mentions and DMs. Thread context is neither read nor saved (it would cost a
 * `conversations.replies` call per message for nothing we use).
 */
export function createVeAssistant(deps: SlackDeps): Assistant {
  return new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => undefined },
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      await client.chat.postMessage({ channel, thread_ts: threadTs, text: ASSISTANT_GREETING });
      await setSuggestedPrompts({ title: 'Try one of these', prompts: SUGGESTED_PROMPTS.map((p) => ({ ...p })) });
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
