import { eq, lt } from 'drizzle-orm';
import { slackEvents } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p } = placeholders;

/** Slack deliveries already handled, kept for a TTL so a retry after a restart is recognised. */
export interface SlackEventRepository {
  /**
   * Records a delivery's key as seen at `now` and returns true, or returns false when it was
   * already seen less than `ttlMs` ago (a retry: do not process it again). Keys older than the
   * TTL are deleted first. Atomic: two processes handling the same retry get one true.
   */
  firstSightOfSlackEvent(key: string, now: Date, ttlMs: number): boolean;
}

/** The Slack-event repository over SQLite. */
export function slackEventRepository({ db, transaction }: RepositoryContext): SlackEventRepository {
  const q = {
    expire: db
      .delete(slackEvents)
      .where(lt(slackEvents.seenAt, p('cutoff')))
      .prepare(),
    get: db
      .select({ id: slackEvents.id })
      .from(slackEvents)
      .where(eq(slackEvents.id, p('id')))
      .prepare(),
    insert: db
      .insert(slackEvents)
      .values({ id: p('id'), seenAt: p('seenAt') })
      .prepare(),
  };
  return {
    firstSightOfSlackEvent(key, now, ttlMs) {
      return transaction(() => {
        q.expire.run({ cutoff: new Date(now.getTime() - ttlMs).toISOString() });
        if (q.get.get({ id: key })) return false;
        q.insert.run({ id: key, seenAt: now.toISOString() });
        return true;
      });
    },
  };
}
