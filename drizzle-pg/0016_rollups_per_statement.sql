-- A batch of stored messages adds to the rollups once per statement, one upsert per group of
-- messages that share a rollup row's values (by the same function as the row trigger and the
-- bulk load's recount), instead of once per row: an ingest batch of 500 messages ran 500 upserts.
-- Updates and deletes keep the row trigger: PostgreSQL gives no transition table to a trigger
-- that names its columns.
CREATE FUNCTION "message_rollups_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "message_rollups_add"(m, g.n) FROM (
    SELECT min("id") AS id, count(*)::int AS n FROM "inserted_messages"
     GROUP BY "brand_id", "direction", "created_at" / 900000, "channel_id", "user_id", "automated", "category", "corrected", "corrected_from") g
    JOIN "inserted_messages" m ON m."id" = g.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "message_rollups_count" ON "messages";
--> statement-breakpoint
CREATE TRIGGER "message_rollups_count" AFTER DELETE OR UPDATE OF "brand_id", "channel_id", "created_at", "direction", "automated", "user_id", "category", "corrected", "corrected_from" ON "messages"
  FOR EACH ROW EXECUTE FUNCTION "message_rollups_count"();
--> statement-breakpoint
CREATE TRIGGER "message_rollups_count_inserted" AFTER INSERT ON "messages"
  REFERENCING NEW TABLE AS "inserted_messages"
  FOR EACH STATEMENT EXECUTE FUNCTION "message_rollups_count_inserted"();
