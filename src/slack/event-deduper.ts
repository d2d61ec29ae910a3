/**
 * How long a Slack delivery is remembered (Slack retries within minutes: now, +1 min, +5 min).
 * The door remembers event ids in the store (`firstSightOfSlackEvent`, table `slack_events`,
 * migration 0005), so a retry that arrives after a restart is still recognised; rows older
 * than this are deleted as new ones arrive.
 */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;
