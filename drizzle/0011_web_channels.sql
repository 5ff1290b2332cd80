CREATE TABLE `web_channels` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`brand_id` integer NOT NULL,
	`public_key` text NOT NULL,
	`origins` text DEFAULT '[]' NOT NULL,
	`mode` text DEFAULT 'chat' NOT NULL,
	`show_response_time` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `web_channels_public_key_unique` ON `web_channels` (`public_key`);