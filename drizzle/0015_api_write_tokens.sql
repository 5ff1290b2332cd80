CREATE TABLE `api_idempotency` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_idempotency_token_key` ON `api_idempotency` (`token_id`,`key`);--> statement-breakpoint
CREATE INDEX `api_idempotency_created` ON `api_idempotency` (`created_at`);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `acts_as_user_id` integer REFERENCES users(id);