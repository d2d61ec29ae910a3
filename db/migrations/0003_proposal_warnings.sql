-- Plausibility warnings stored with each proposal (issue 11): a percentage given as a whole
-- number, a negative count, a value 10x away from the last measurement. Existing proposals
-- get none ('[]').
ALTER TABLE `proposals` ADD `warnings` text DEFAULT '[]' NOT NULL;
