CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`hits` integer NOT NULL,
	`reset_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_reset_at` ON `rate_limits` (`reset_at`);--> statement-breakpoint
DROP INDEX `changes_brand_id`;--> statement-breakpoint
ALTER TABLE `changes` ADD `seq` integer;--> statement-breakpoint
CREATE INDEX `changes_brand_seq` ON `changes` (`brand_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `changes_seq` ON `changes` (`seq`);--> statement-breakpoint
-- The log so far keeps its order: ids were commit order while one process wrote.
UPDATE `changes` SET `seq` = `id`;
