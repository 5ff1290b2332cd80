-- Full-text indexing per transaction instead of per row: FTS5 writes a segment for every
-- statement, so a trigger per inserted message made ingest slow down as the index grew.
-- New messages are indexed by lib/search/fts-index.ts at the end of each writing transaction,
-- past a cursor kept in worker_state; rows already in the index are those up to the cursor.
DROP TRIGGER IF EXISTS `messages_fts_insert`;
--> statement-breakpoint
INSERT INTO `worker_state` (`key`, `value`, `updated_at`)
  VALUES ('fts-cursor', (SELECT coalesce(max(`id`), 0) FROM `messages`), unixepoch('subsec') * 1000)
  ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`, `updated_at` = excluded.`updated_at`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_delete`;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages`
  WHEN old.id <= (SELECT CAST(`value` AS INTEGER) FROM `worker_state` WHERE `key` = 'fts-cursor') BEGIN
  INSERT INTO `messages_fts`(`messages_fts`, rowid, `text`) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF `text` ON `messages`
  WHEN old.id <= (SELECT CAST(`value` AS INTEGER) FROM `worker_state` WHERE `key` = 'fts-cursor') BEGIN
  INSERT INTO `messages_fts`(`messages_fts`, rowid, `text`) VALUES ('delete', old.id, old.text);
  INSERT INTO `messages_fts`(rowid, `text`) VALUES (new.id, new.text);
END;
