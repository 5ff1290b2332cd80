DROP INDEX "conversations_contact";--> statement-breakpoint
CREATE INDEX "conversations_contact" ON "conversations" USING btree ("contact_id","kind","category","channel_id");