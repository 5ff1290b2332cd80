CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" bigint NOT NULL,
	"reset_at" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "changes_brand_id";--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "seq" bigint;--> statement-breakpoint
CREATE INDEX "rate_limits_reset_at" ON "rate_limits" USING btree ("reset_at");--> statement-breakpoint
CREATE INDEX "changes_brand_seq" ON "changes" USING btree ("brand_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "changes_seq" ON "changes" USING btree ("seq");--> statement-breakpoint
-- The log so far keeps its order: ids were commit order while one process wrote.
UPDATE "changes" SET "seq" = "id";
