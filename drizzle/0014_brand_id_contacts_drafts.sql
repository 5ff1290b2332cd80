-- Contacts and drafts carry their brand, as every table of a brand's data does. SQLite adds a
-- NOT NULL column with a foreign key only by rebuilding the table; the migrator runs with
-- foreign keys off and checks them after (db/client.ts).
CREATE TABLE `__new_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`handle` text,
	`name` text,
	`followers` integer,
	`language` text,
	`blocked` integer DEFAULT false NOT NULL,
	`blocked_by` integer,
	`blocked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_contacts` (`id`, `brand_id`, `channel_id`, `external_id`, `handle`, `name`, `followers`, `language`, `blocked`, `blocked_by`, `blocked_at`, `created_at`)
  SELECT c.`id`, ch.`brand_id`, c.`channel_id`, c.`external_id`, c.`handle`, c.`name`, c.`followers`, c.`language`, c.`blocked`, c.`blocked_by`, c.`blocked_at`, c.`created_at`
    FROM `contacts` c JOIN `channels` ch ON ch.`id` = c.`channel_id`;
--> statement-breakpoint
DROP TABLE `contacts`;
--> statement-breakpoint
ALTER TABLE `__new_contacts` RENAME TO `contacts`;
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_channel_external` ON `contacts` (`channel_id`,`external_id`);
--> statement-breakpoint
CREATE TABLE `__new_drafts` (
	`user_id` integer NOT NULL,
	`conversation_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`body` text NOT NULL,
	`mode` text DEFAULT 'public' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `conversation_id`)
);
--> statement-breakpoint
INSERT INTO `__new_drafts` (`user_id`, `conversation_id`, `brand_id`, `body`, `mode`, `updated_at`)
  SELECT d.`user_id`, d.`conversation_id`, c.`brand_id`, d.`body`, d.`mode`, d.`updated_at`
    FROM `drafts` d JOIN `conversations` c ON c.`id` = d.`conversation_id`;
--> statement-breakpoint
DROP TABLE `drafts`;
--> statement-breakpoint
ALTER TABLE `__new_drafts` RENAME TO `drafts`;
