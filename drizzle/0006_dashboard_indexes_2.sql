DROP INDEX `messages_brand_created`;--> statement-breakpoint
CREATE INDEX `messages_brand_direction_created` ON `messages` (`brand_id`,`direction`,`created_at`,`channel_id`,`category`,`corrected`,`automated`,`user_id`);--> statement-breakpoint
CREATE INDEX `audit_brand_action` ON `audit_log` (`brand_id`,`action`,`created_at`,`user_id`,`object_id`);--> statement-breakpoint
CREATE INDEX `cycles_brand_due` ON `response_cycles` (`brand_id`,`category`,`due_at`,`first_response_at`);