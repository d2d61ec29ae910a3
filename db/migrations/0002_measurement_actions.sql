-- Contract 2: a history row says what it records (recorded, set, annotated, removed).
-- Hand-written in place of drizzle-kit's table rebuild, whose copy step selected the new
-- column from the old table: adding the column keeps every existing row (as `recorded`).
ALTER TABLE `measurement_history` ADD `action` text DEFAULT 'recorded' NOT NULL CONSTRAINT "measurement_history_action_known" CHECK("action" in ('recorded', 'set', 'annotated', 'removed'));
