ALTER TABLE `messages` ADD `subject` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `quoted_text` text;