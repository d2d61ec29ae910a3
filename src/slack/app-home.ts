import type { App } from '@slack/bolt';
import { describeError } from '../errors/index.ts';
import type { SlackDeps } from './slack-deps.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';
import { firstSight } from '../app/door-memory.ts';
import { listCases } from '../app/list-cases.ts';

/** The greeting at the top of the Messages tab (agent view) and of an assistant thread. */
export const GREETING =
  "Hi, I'm your value engineer. Ask me about a business case's realized value, dictate measurements, or ask for a QBR draft. I propose changes; an approver applies them with a click.";

/** How often one person is greeted when they open the Messages tab (at most once a day). */
export const GREETING_EVERY_MS = 24 * 60 * 60 * 1000;

/** The longest case name put into a prompt (a prompt's title and message stay short). */
const NAME_IN_PROMPT = 60;

/** A suggested prompt: a short title and the message it sends. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

/**
 * Prompts built from the workspace's own business cases (never a hard-coded customer): how the
 * first case is doing, recording its measurements, its QBR, and, with several cases, which
 * proposals wait. With no case yet, what the assistant can do.
 */
export function suggestedPrompts(deps: Pick<SlackDeps, 'store' | 'now'>, workspaceId: string): SuggestedPrompt[] {
  const cases = listCases(deps, workspaceId);
  const first = cases[0];
  if (!first) {
    return [
      { title: 'What can you do?', message: 'What can you help me with?' },
      { title: 'Pending proposals', message: 'Which proposals are waiting for a decision?' },
    ];
  }
  const name = first.name.length > NAME_IN_PROMPT ? `${first.name.slice(0, NAME_IN_PROMPT - 1)}…` : first.name;
  return [
    { title: `How is ${name} doing?`, message: `How is ${name} doing: realized value against the estimate?` },
    { title: "Record this month's measurements", message: `Record this month's measurements for ${name}: ` },
    { title: 'Draft the QBR', message: `Draft the QBR for ${name} for last quarter.` },
    ...(cases.length > 1 ? [{ title: 'Pending proposals', message: 'Which proposals are waiting for a decision?' }] : []),
  ];
}

/**
 * The Messages tab of the agent view (issue 14): new Slack apps use `agent_view`, where
 * `app_home_opened` with `tab: "messages"` replaces `assistant_thread_started`. The person
 * gets the greeting and prompts built from their workspace's cases, at most once a day (the
 * store remembers when, so a restart does not greet again); the Home tab is not used.
 */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'messages') return;
    const workspaceId = workspaceForTeam(deps.workspaces, context.teamId);
    try {
      if (!firstSight(deps, `home:${context.teamId ?? 'unknown'}:${event.user}`, GREETING_EVERY_MS)) return;
      const prompts = suggestedPrompts(deps, workspaceId);
      const list = prompts.map((p) => `• *${escapeMrkdwn(p.title)}*: ${escapeMrkdwn(p.message)}`).join('\n');
      await client.chat.postMessage({
        channel: event.channel,
        text: GREETING,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(GREETING) } },
          { type: 'section', text: { type: 'mrkdwn', text: `Try one of these:\n${list}` } },
        ],
      });
    } catch (e) {
      deps.logger.error(`slack: the Messages tab greeting failed: ${describeError(e)}`);
    }
  });
}
