CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_brand_name` ON `api_tokens` (`brand_id`,`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer,
	`user_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_brand_created` ON `audit_log` (`brand_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_object` ON `audit_log` (`object_type`,`object_id`);--> statement-breakpoint
CREATE TABLE `brands` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`public_status` integer DEFAULT false NOT NULL,
	`retrain_every_hours` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brands_slug_unique` ON `brands` (`slug`);--> statement-breakpoint
CREATE TABLE `calendars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`name` text NOT NULL,
	`timezone` text NOT NULL,
	`intervals` text,
	`holidays` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`kind` text NOT NULL,
	`object_id` integer,
	`conversation_id` integer,
	`user_id` integer,
	`data` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `changes_brand_id` ON `changes` (`brand_id`,`id`);--> statement-breakpoint
CREATE TABLE `channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`account_id` text,
	`credentials` text,
	`status` text DEFAULT 'active' NOT NULL,
	`last_event_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`poll_cursor` text,
	`poll_next_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `channels_brand` ON `channels` (`brand_id`);--> statement-breakpoint
CREATE INDEX `channels_kind_account` ON `channels` (`kind`,`account_id`);--> statement-breakpoint
CREATE TABLE `classifier_examples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`message_id` integer,
	`user_id` integer,
	`text` text NOT NULL,
	`language` text,
	`request` integer,
	`complaint` integer,
	`sentiment` text,
	`source` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `classifier_examples_brand` ON `classifier_examples` (`brand_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `classifier_examples_message_source` ON `classifier_examples` (`message_id`,`source`);--> statement-breakpoint
CREATE TABLE `classifier_models` (
	`brand_id` integer PRIMARY KEY NOT NULL,
	`model` text NOT NULL,
	`examples` integer NOT NULL,
	`trained_at` integer NOT NULL,
	`metrics` text,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`handle` text,
	`name` text,
	`followers` integer,
	`language` text,
	`blocked` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_channel_external` ON `contacts` (`channel_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`external_thread_id` text,
	`kind` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`category` text DEFAULT 'request' NOT NULL,
	`complaint` integer DEFAULT false NOT NULL,
	`sentiment` text DEFAULT 'neutral' NOT NULL,
	`sentiment_score` real DEFAULT 0 NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`assignee_id` integer,
	`language` text,
	`labels` text DEFAULT '[]' NOT NULL,
	`current_cycle_id` integer,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`sla_state` text,
	`first_response_due_at` integer,
	`awaiting_first_response` integer DEFAULT false NOT NULL,
	`first_inbound_at` integer,
	`last_message_at` integer NOT NULL,
	`last_inbound_at` integer,
	`last_inbound_received_at` integer,
	`snoozed_until` integer,
	`linked_conversation_id` integer,
	`preview` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conversations_thread` ON `conversations` (`channel_id`,`external_thread_id`);--> statement-breakpoint
CREATE INDEX `conversations_contact` ON `conversations` (`contact_id`,`kind`);--> statement-breakpoint
CREATE INDEX `conversations_queue` ON `conversations` (`brand_id`,`awaiting_first_response`,`category`,`first_response_due_at`);--> statement-breakpoint
CREATE INDEX `conversations_status` ON `conversations` (`brand_id`,`status`,`category`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_assignee` ON `conversations` (`assignee_id`,`status`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_recent` ON `conversations` (`brand_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_noise_idle` ON `conversations` (`category`,`status`,`last_inbound_received_at`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`user_id` integer NOT NULL,
	`conversation_id` integer NOT NULL,
	`body` text NOT NULL,
	`mode` text DEFAULT 'public' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `conversation_id`)
);
--> statement-breakpoint
CREATE TABLE `escalation_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`name` text NOT NULL,
	`match` text DEFAULT 'all' NOT NULL,
	`conditions` text NOT NULL,
	`actions` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `escalation_rules_brand` ON `escalation_rules` (`brand_id`,`position`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`conversation_id` integer NOT NULL,
	`message_id` integer,
	`rule_id` integer,
	`level` integer NOT NULL,
	`reason` text NOT NULL,
	`cues` text DEFAULT '[]' NOT NULL,
	`owner_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`acknowledged_by` integer,
	`acknowledged_at` integer,
	`resolved_by` integer,
	`resolved_at` integer,
	`note` text,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `escalations_brand_status` ON `escalations` (`brand_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `escalations_conversation` ON `escalations` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_user_brand` ON `memberships` (`user_id`,`brand_id`);--> statement-breakpoint
CREATE INDEX `memberships_brand` ON `memberships` (`brand_id`,`role`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`cycle_id` integer,
	`direction` text NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`external_id` text,
	`in_reply_to_external_id` text,
	`contact_id` integer,
	`user_id` integer,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`automated` integer DEFAULT false NOT NULL,
	`language` text,
	`category` text,
	`complaint` integer,
	`sentiment` text,
	`sentiment_score` real,
	`confidence` real,
	`reasons` text,
	`corrected` integer DEFAULT false NOT NULL,
	`url` text,
	`attachments` text,
	`edited_at` integer,
	`deleted_on_platform_at` integer,
	`hidden_at` integer,
	`hidden_reason` text,
	`nrt_seconds` integer,
	`delivery_state` text,
	`idempotency_key` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`sent_at` integer,
	`last_error` text,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_channel_external` ON `messages` (`channel_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `messages_conversation` ON `messages` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_reply_to` ON `messages` (`channel_id`,`in_reply_to_external_id`);--> statement-breakpoint
CREATE INDEX `messages_brand_created` ON `messages` (`brand_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_outbox` ON `messages` (`delivery_state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`kind` text NOT NULL,
	`conversation_id` integer,
	`escalation_id` integer,
	`text` text NOT NULL,
	`read_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `presence` (
	`user_id` integer NOT NULL,
	`conversation_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`state` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `conversation_id`)
);
--> statement-breakpoint
CREATE INDEX `presence_conversation` ON `presence` (`conversation_id`,`at`);--> statement-breakpoint
CREATE TABLE `response_cycles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`number` integer NOT NULL,
	`category` text NOT NULL,
	`started_at` integer NOT NULL,
	`first_response_at` integer,
	`first_response_seconds` integer,
	`first_response_business_seconds` integer,
	`first_responder_id` integer,
	`policy_id` integer,
	`target_seconds` integer NOT NULL,
	`next_response_target_seconds` integer,
	`at_risk_share` real NOT NULL,
	`calendar` text,
	`at_risk_at` integer,
	`due_at` integer NOT NULL,
	`sla_state` text NOT NULL,
	`awaiting_since` integer,
	`resolved_at` integer,
	`resolution_seconds` integer,
	`resolution_business_seconds` integer,
	`reopened` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycles_conversation_number` ON `response_cycles` (`conversation_id`,`number`);--> statement-breakpoint
CREATE INDEX `cycles_brand_started` ON `response_cycles` (`brand_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `cycles_brand_first_response` ON `response_cycles` (`brand_id`,`first_response_at`);--> statement-breakpoint
CREATE INDEX `cycles_open_due` ON `response_cycles` (`sla_state`,`due_at`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`ok` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_email` ON `sign_in_attempts` (`email`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_address` ON `sign_in_attempts` (`address`,`created_at`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`first_response_seconds` integer DEFAULT 3600 NOT NULL,
	`next_response_seconds` integer,
	`at_risk_share` real DEFAULT 0.75 NOT NULL,
	`calendar_id` integer,
	`channel_id` integer,
	`category` text,
	`priority` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sla_policies_brand` ON `sla_policies` (`brand_id`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`language` text,
	`shortcut` text,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `templates_brand` ON `templates` (`brand_id`,`language`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`timezone` text,
	`available` integer DEFAULT true NOT NULL,
	`capacity` integer DEFAULT 20 NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`url` text NOT NULL,
	`payload` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`delivered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_idempotency_key_unique` ON `webhook_deliveries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_queue` ON `webhook_deliveries` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `worker_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
