CREATE TABLE "message_rollups" (
	"brand_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"bucket" bigint NOT NULL,
	"channel_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"category" text NOT NULL,
	"corrected" boolean NOT NULL,
	"corrected_from" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "message_rollups_pk" PRIMARY KEY("brand_id","kind","bucket","channel_id","user_id","category","corrected","corrected_from")
);
--> statement-breakpoint
-- Counted: inbound messages, and replies written by a person (outbound, not automated, with a user).
-- Adds delta to the row of message m; the trigger below keeps the counts in the transaction that writes it.
CREATE FUNCTION "message_rollups_add"(m "messages", delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "message_rollups" ("brand_id", "kind", "bucket", "channel_id", "user_id", "category", "corrected", "corrected_from", "n")
  SELECT m."brand_id",
    CASE WHEN m."direction" = 'inbound' THEN 'inbound' ELSE 'reply' END,
    m."created_at" / 900000,
    m."channel_id",
    CASE WHEN m."direction" = 'inbound' THEN 0 ELSE m."user_id" END,
    CASE WHEN m."direction" = 'inbound' THEN coalesce(m."category", '') ELSE '' END,
    CASE WHEN m."direction" = 'inbound' THEN m."corrected" ELSE false END,
    CASE WHEN m."direction" = 'inbound' THEN coalesce(m."corrected_from", '') ELSE '' END,
    delta
  WHERE m."direction" = 'inbound' OR (m."direction" = 'outbound' AND NOT m."automated" AND m."user_id" IS NOT NULL)
  ON CONFLICT ("brand_id", "kind", "bucket", "channel_id", "user_id", "category", "corrected", "corrected_from")
  DO UPDATE SET "n" = "message_rollups"."n" + excluded."n"
$$;
--> statement-breakpoint
CREATE FUNCTION "message_rollups_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "message_rollups_add"(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM "message_rollups_add"(NEW, 1); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "message_rollups_count" AFTER INSERT OR DELETE OR UPDATE OF "brand_id", "channel_id", "created_at", "direction", "automated", "user_id", "category", "corrected", "corrected_from" ON "messages"
  FOR EACH ROW EXECUTE FUNCTION "message_rollups_count"();
--> statement-breakpoint
INSERT INTO "message_rollups" ("brand_id", "kind", "bucket", "channel_id", "user_id", "category", "corrected", "corrected_from", "n")
  SELECT "brand_id",
    CASE WHEN "direction" = 'inbound' THEN 'inbound' ELSE 'reply' END,
    "created_at" / 900000,
    "channel_id",
    CASE WHEN "direction" = 'inbound' THEN 0 ELSE "user_id" END,
    CASE WHEN "direction" = 'inbound' THEN coalesce("category", '') ELSE '' END,
    CASE WHEN "direction" = 'inbound' THEN "corrected" ELSE false END,
    CASE WHEN "direction" = 'inbound' THEN coalesce("corrected_from", '') ELSE '' END,
    count(*)
  FROM "messages"
  WHERE "direction" = 'inbound' OR ("direction" = 'outbound' AND NOT "automated" AND "user_id" IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
