ALTER TABLE "brands" ADD COLUMN "retention_months" bigint;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "erased_at" bigint;