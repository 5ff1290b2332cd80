-- Full-text search over message texts: words folded to lower case without accents (as SQLite's
-- unicode61 remove_diacritics), indexed by a GIN index over the expression, so the index is
-- always current and needs no cursor.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION replyhour_search (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION replyhour_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
CREATE INDEX "messages_search" ON "messages" USING gin (to_tsvector('replyhour_search', "text"));
--> statement-breakpoint
INSERT INTO "worker_state" ("key", "value", "updated_at")
  VALUES ('fts-cursor', (SELECT coalesce(max("id"), 0) FROM "messages")::text, (floor(extract(epoch from clock_timestamp()) * 1000))::bigint)
  ON CONFLICT ("key") DO NOTHING;
