CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_idx` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`proposal_id` text NOT NULL,
	`op_index` integer NOT NULL,
	`op` text NOT NULL,
	`operation` text NOT NULL,
	`scenario` text NOT NULL,
	`proposed_by` text NOT NULL,
	`approved_by` text NOT NULL,
	`at` text NOT NULL,
	`as_of` text NOT NULL,
	`version_before` integer NOT NULL,
	`version_after` integer NOT NULL,
	`changes` text NOT NULL,
	`before_figures` text,
	`after_figures` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `business_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_case_idx` ON `audit_log` (`case_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_proposal_op_idx` ON `audit_log` (`proposal_id`,`op_index`);--> statement-breakpoint
CREATE TABLE `business_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`customer` text NOT NULL,
	`document` text NOT NULL,
	`version` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "business_cases_version_positive" CHECK("business_cases"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `business_cases_workspace_idx` ON `business_cases` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `measurement_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`scenario` text NOT NULL,
	`use_case` text NOT NULL,
	`input` text NOT NULL,
	`month` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`evidence` text,
	`source` text,
	`recorded_by` text NOT NULL,
	`approved_by` text,
	`proposal_id` text,
	`recorded_at` text NOT NULL,
	`version` integer NOT NULL,
	`replaced_value` real,
	`superseded_by` integer,
	FOREIGN KEY (`case_id`) REFERENCES `business_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `measurement_history_lookup_idx` ON `measurement_history` (`case_id`,`scenario`,`use_case`,`input`,`month`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` text NOT NULL,
	`role` text NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "messages_role_known" CHECK("messages"."role" in ('system', 'user', 'assistant', 'tool'))
);
--> statement-breakpoint
CREATE INDEX `messages_thread_idx` ON `messages` (`thread_id`,`id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`operations` text NOT NULL,
	`base_version` integer NOT NULL,
	`as_of` text NOT NULL,
	`preview` text NOT NULL,
	`result` text,
	`status` text NOT NULL,
	`proposed_by` text NOT NULL,
	`channel` text,
	`thread` text,
	`created_at` text NOT NULL,
	`decided_at` text,
	`decided_by` text,
	`reason` text,
	`applied_version` integer,
	FOREIGN KEY (`case_id`) REFERENCES `business_cases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proposals_status_known" CHECK("proposals"."status" in ('pending', 'applied', 'rejected', 'expired', 'refused'))
);
--> statement-breakpoint
CREATE INDEX `proposals_case_status_idx` ON `proposals` (`case_id`,`status`);--> statement-breakpoint
CREATE INDEX `proposals_status_created_idx` ON `proposals` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `threads` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `threads_workspace_key_idx` ON `threads` (`workspace_id`,`key`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
