ALTER TABLE `brands` ADD `retention_months` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `erased_at` integer;