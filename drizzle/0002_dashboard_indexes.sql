DROP INDEX `messages_brand_created`;--> statement-breakpoint
CREATE INDEX `messages_channel_created` ON `messages` (`channel_id`,`direction`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_brand_created` ON `messages` (`brand_id`,`created_at`,`direction`,`channel_id`,`category`,`corrected`);--> statement-breakpoint
DROP INDEX `cycles_brand_started`;--> statement-breakpoint
CREATE INDEX `cycles_brand_started` ON `response_cycles` (`brand_id`,`started_at`,`category`,`first_response_at`,`first_response_business_seconds`,`first_response_seconds`,`target_seconds`,`first_responder_id`);