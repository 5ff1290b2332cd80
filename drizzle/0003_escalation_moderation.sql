CREATE TABLE `webhook_endpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_brand` ON `webhook_endpoints` (`brand_id`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `blocked_by` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `blocked_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `hidden_by` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `endpoint_id` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `escalation_id` integer;