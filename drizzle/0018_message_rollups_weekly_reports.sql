CREATE TABLE `message_rollups` (
	`brand_id` integer NOT NULL,
	`kind` text NOT NULL,
	`bucket` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`category` text NOT NULL,
	`corrected` integer NOT NULL,
	`corrected_from` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`)
);
--> statement-breakpoint
CREATE TABLE `weekly_report_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`week` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_report_sends_user_brand_week` ON `weekly_report_sends` (`user_id`,`brand_id`,`week`);--> statement-breakpoint
CREATE TABLE `weekly_report_subscriptions` (
	`user_id` integer NOT NULL,
	`brand_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `brand_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Counted: inbound messages, and replies written by a person (outbound, not automated, with a user).
-- The triggers keep each count in the transaction that writes the message; values come from the
-- trigger's own row (new/old), so a write costs one upsert and no extra read of messages.
INSERT INTO `message_rollups` (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, `n`)
  SELECT m.brand_id,
    CASE WHEN m.direction = 'inbound' THEN 'inbound' ELSE 'reply' END,
    m.created_at / 900000,
    m.channel_id,
    CASE WHEN m.direction = 'inbound' THEN 0 ELSE m.user_id END,
    CASE WHEN m.direction = 'inbound' THEN coalesce(m.category, '') ELSE '' END,
    CASE WHEN m.direction = 'inbound' THEN m.corrected ELSE 0 END,
    CASE WHEN m.direction = 'inbound' THEN coalesce(m.corrected_from, '') ELSE '' END, count(*)
  FROM `messages` m WHERE m.direction = 'inbound' OR (m.direction = 'outbound' AND m.automated = 0 AND m.user_id IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_insert` AFTER INSERT ON `messages`
  WHEN new.direction = 'inbound' OR (new.direction = 'outbound' AND new.automated = 0 AND new.user_id IS NOT NULL) BEGIN
  INSERT INTO `message_rollups` (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, `n`)
    VALUES (new.brand_id,
    CASE WHEN new.direction = 'inbound' THEN 'inbound' ELSE 'reply' END,
    new.created_at / 900000,
    new.channel_id,
    CASE WHEN new.direction = 'inbound' THEN 0 ELSE new.user_id END,
    CASE WHEN new.direction = 'inbound' THEN coalesce(new.category, '') ELSE '' END,
    CASE WHEN new.direction = 'inbound' THEN new.corrected ELSE 0 END,
    CASE WHEN new.direction = 'inbound' THEN coalesce(new.corrected_from, '') ELSE '' END, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_delete` AFTER DELETE ON `messages`
  WHEN old.direction = 'inbound' OR (old.direction = 'outbound' AND old.automated = 0 AND old.user_id IS NOT NULL) BEGIN
  UPDATE `message_rollups` SET `n` = `n` - 1 WHERE (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`) = (old.brand_id,
    CASE WHEN old.direction = 'inbound' THEN 'inbound' ELSE 'reply' END,
    old.created_at / 900000,
    old.channel_id,
    CASE WHEN old.direction = 'inbound' THEN 0 ELSE old.user_id END,
    CASE WHEN old.direction = 'inbound' THEN coalesce(old.category, '') ELSE '' END,
    CASE WHEN old.direction = 'inbound' THEN old.corrected ELSE 0 END,
    CASE WHEN old.direction = 'inbound' THEN coalesce(old.corrected_from, '') ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_update_old` AFTER UPDATE OF `brand_id`, `channel_id`, `created_at`, `direction`, `automated`, `user_id`, `category`, `corrected`, `corrected_from` ON `messages`
  WHEN old.direction = 'inbound' OR (old.direction = 'outbound' AND old.automated = 0 AND old.user_id IS NOT NULL) BEGIN
  UPDATE `message_rollups` SET `n` = `n` - 1 WHERE (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`) = (old.brand_id,
    CASE WHEN old.direction = 'inbound' THEN 'inbound' ELSE 'reply' END,
    old.created_at / 900000,
    old.channel_id,
    CASE WHEN old.direction = 'inbound' THEN 0 ELSE old.user_id END,
    CASE WHEN old.direction = 'inbound' THEN coalesce(old.category, '') ELSE '' END,
    CASE WHEN old.direction = 'inbound' THEN old.corrected ELSE 0 END,
    CASE WHEN old.direction = 'inbound' THEN coalesce(old.corrected_from, '') ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_update_new` AFTER UPDATE OF `brand_id`, `channel_id`, `created_at`, `direction`, `automated`, `user_id`, `category`, `corrected`, `corrected_from` ON `messages`
  WHEN new.direction = 'inbound' OR (new.direction = 'outbound' AND new.automated = 0 AND new.user_id IS NOT NULL) BEGIN
  INSERT INTO `message_rollups` (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, `n`)
    VALUES (new.brand_id,
    CASE WHEN new.direction = 'inbound' THEN 'inbound' ELSE 'reply' END,
    new.created_at / 900000,
    new.channel_id,
    CASE WHEN new.direction = 'inbound' THEN 0 ELSE new.user_id END,
    CASE WHEN new.direction = 'inbound' THEN coalesce(new.category, '') ELSE '' END,
    CASE WHEN new.direction = 'inbound' THEN new.corrected ELSE 0 END,
    CASE WHEN new.direction = 'inbound' THEN coalesce(new.corrected_from, '') ELSE '' END, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
