import type { webApi } from '@slack/bolt';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

const SLACK_ACTOR = /slack:([UW][A-Z0-9]+)\)?$/;

/**
 * How a Slack user is recorded as proposer or approver: "Dana Scully (slack:U012AB3CD)", or
 * "slack:U012AB3CD" when the name is unknown. The id keeps it unambiguous in the audit log.
 */
export function actorFor(userId: string, name: string | null): string {
  const clean = name?.replace(/[()\n\r]/g, ' ').trim();
  return clean ? `${clean} (slack:${userId})` : `slack:${userId}`;
}

/** A recorded actor for a Slack message: a mention for Slack users, the plain name for others (CLI, API). */
export function mentionFor(actor: string): string {
  const m = SLACK_ACTOR.exec(actor);
  return m ? `<@${m[1]}>` : escapeMrkdwn(actor);
}

/**
 * Looks up people's names once (`users.info`, scope `users:read`) and remembers them; when
 * the lookup fails the id alone is used, so a missing scope never blocks a conversation.
 */
export class SlackNames {
  private readonly names = new Map<string, string | null>();

  constructor(private readonly maxEntries = 1000) {}

  /** The actor string for a user. */
  async actor(client: webApi.WebClient, userId: string): Promise<string> {
    if (!this.names.has(userId)) {
      let name: string | null = null;
      try {
        const r = await client.users.info({ user: userId });
        name = r.user?.real_name || r.user?.profile?.real_name || r.user?.name || null;
      } catch {
        name = null;
      }
      if (this.names.size >= this.maxEntries) this.names.delete(this.names.keys().next().value!);
      this.names.set(userId, name);
    }
    return actorFor(userId, this.names.get(userId) ?? null);
  }
}
