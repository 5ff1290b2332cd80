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
-- Counted: inbound messages, and replies written by a person (outbound, not automated, with a user).
-- The key of a message's row; the triggers below keep the counts in the transaction that writes it.
CREATE VIEW `message_rollup_keys` AS SELECT `id`,
  `brand_id`,
  CASE WHEN `direction` = 'inbound' THEN 'inbound' ELSE 'reply' END AS `kind`,
  `created_at` / 900000 AS `bucket`,
  `channel_id`,
  CASE WHEN `direction` = 'inbound' THEN 0 ELSE `user_id` END AS `user_id`,
  CASE WHEN `direction` = 'inbound' THEN coalesce(`category`, '') ELSE '' END AS `category`,
  CASE WHEN `direction` = 'inbound' THEN `corrected` ELSE 0 END AS `corrected`,
  CASE WHEN `direction` = 'inbound' THEN coalesce(`corrected_from`, '') ELSE '' END AS `corrected_from`
  FROM `messages`
  WHERE `direction` = 'inbound' OR (`direction` = 'outbound' AND `automated` = 0 AND `user_id` IS NOT NULL);
--> statement-breakpoint
INSERT INTO `message_rollups` (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, `n`)
  SELECT `brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, count(*)
  FROM `message_rollup_keys` GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_insert` AFTER INSERT ON `messages` BEGIN
  INSERT INTO `message_rollups` (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, `n`)
    SELECT `brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, 1 FROM `message_rollup_keys` WHERE `id` = new.id
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_delete` BEFORE DELETE ON `messages` BEGIN
  UPDATE `message_rollups` SET `n` = `n` - 1 WHERE (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`) IN
    (SELECT `brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from` FROM `message_rollup_keys` WHERE `id` = old.id);
END;
--> statement-breakpoint
-- Before the update the view still shows the old row, after it the new one: take one out, put one in.
CREATE TRIGGER `message_rollups_update_old` BEFORE UPDATE OF `brand_id`, `channel_id`, `created_at`, `direction`, `automated`, `user_id`, `category`, `corrected`, `corrected_from` ON `messages` BEGIN
  UPDATE `message_rollups` SET `n` = `n` - 1 WHERE (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`) IN
    (SELECT `brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from` FROM `message_rollup_keys` WHERE `id` = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `message_rollups_update_new` AFTER UPDATE OF `brand_id`, `channel_id`, `created_at`, `direction`, `automated`, `user_id`, `category`, `corrected`, `corrected_from` ON `messages` BEGIN
  INSERT INTO `message_rollups` (`brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, `n`)
    SELECT `brand_id`, `kind`, `bucket`, `channel_id`, `user_id`, `category`, `corrected`, `corrected_from`, 1 FROM `message_rollup_keys` WHERE `id` = new.id
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
