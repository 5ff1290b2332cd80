CREATE TABLE `agent_availability` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `agent_availability_brand_at` ON `agent_availability` (`brand_id`,`at`);