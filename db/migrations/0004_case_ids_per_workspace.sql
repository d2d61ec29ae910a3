-- Business case ids are unique per workspace, not across workspaces (issue 14): a second
-- workspace may use an id the first one already has, and learns nothing about it. `id` stays
-- the storage key every other table refers to (existing rows keep theirs, so no foreign key
-- changes); `case_id` is the id people use, filled from the storage key for existing cases.
ALTER TABLE `business_cases` ADD `case_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `business_cases` SET `case_id` = `id`;--> statement-breakpoint
CREATE UNIQUE INDEX `business_cases_workspace_case_idx` ON `business_cases` (`workspace_id`,`case_id`);
