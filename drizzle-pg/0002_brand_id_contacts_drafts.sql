-- Contacts and drafts carry their brand, filled from their channel and conversation.
ALTER TABLE "contacts" ADD COLUMN "brand_id" bigint;--> statement-breakpoint
UPDATE "contacts" c SET "brand_id" = ch."brand_id" FROM "channels" ch WHERE ch."id" = c."channel_id";--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "brand_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "brand_id" bigint;--> statement-breakpoint
UPDATE "drafts" d SET "brand_id" = c."brand_id" FROM "conversations" c WHERE c."id" = d."conversation_id";--> statement-breakpoint
ALTER TABLE "drafts" ALTER COLUMN "brand_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;
