-- Deleting from the full-text index removes the words from its segments at once (FTS5
-- secure-delete), so an erased text (lib/privacy) leaves no trace in the index.
INSERT INTO `messages_fts`(`messages_fts`, `rank`) VALUES ('secure-delete', 1);
