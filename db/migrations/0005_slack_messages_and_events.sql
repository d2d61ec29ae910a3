-- Slack as it really behaves (issue 14): deliveries already handled are kept in the store
-- (with a TTL) so a retry after a restart is not processed twice; each proposal keeps the
-- Slack message that shows it (channel, ts) so any door that decides it can update it.
CREATE TABLE `slack_events` (
	`id` text PRIMARY KEY NOT NULL,
	`seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `slack_events_seen_idx` ON `slack_events` (`seen_at`);--> statement-breakpoint
ALTER TABLE `proposals` ADD `slack_channel` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `slack_ts` text;