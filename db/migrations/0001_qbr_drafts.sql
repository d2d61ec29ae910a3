CREATE TABLE `qbr_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`quarter` text NOT NULL,
	`audience` text NOT NULL,
	`version` integer NOT NULL,
	`case_version` integer NOT NULL,
	`as_of` text NOT NULL,
	`markdown` text NOT NULL,
	`facts` text NOT NULL,
	`grounded` integer NOT NULL,
	`unverified` text NOT NULL,
	`writer` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `business_cases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "qbr_drafts_audience_known" CHECK("qbr_drafts"."audience" in ('executive-sponsor', 'finance', 'champion')),
	CONSTRAINT "qbr_drafts_version_positive" CHECK("qbr_drafts"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qbr_drafts_key_version_idx` ON `qbr_drafts` (`case_id`,`quarter`,`audience`,`version`);