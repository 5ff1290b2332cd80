-- The brand is indexed with the text, so a search never walks other brands' matches.
DROP TRIGGER IF EXISTS `messages_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `messages_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `messages_fts` USING fts5(`text`, `brand_id`, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `messages_fts`(`messages_fts`) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO `worker_state` (`key`, `value`, `updated_at`)
  VALUES ('fts-cursor', (SELECT coalesce(max(`id`), 0) FROM `messages`), unixepoch('subsec') * 1000)
  ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`, `updated_at` = excluded.`updated_at`;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages`
  WHEN old.id <= (SELECT CAST(`value` AS INTEGER) FROM `worker_state` WHERE `key` = 'fts-cursor') BEGIN
  INSERT INTO `messages_fts`(`messages_fts`, rowid, `text`, `brand_id`) VALUES ('delete', old.id, old.text, old.brand_id);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF `text`, `brand_id` ON `messages`
  WHEN old.id <= (SELECT CAST(`value` AS INTEGER) FROM `worker_state` WHERE `key` = 'fts-cursor') BEGIN
  INSERT INTO `messages_fts`(`messages_fts`, rowid, `text`, `brand_id`) VALUES ('delete', old.id, old.text, old.brand_id);
  INSERT INTO `messages_fts`(rowid, `text`, `brand_id`) VALUES (new.id, new.text, new.brand_id);
END;
