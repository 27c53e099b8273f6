ALTER TABLE "webhook_events" ADD COLUMN "rejection_detail" jsonb;--> statement-breakpoint
CREATE INDEX "webhook_events_app_received_idx" ON "webhook_events" USING btree ("app_id","received_at","id");--> statement-breakpoint
CREATE INDEX "webhook_events_app_outcome_idx" ON "webhook_events" USING btree ("app_id","outcome","received_at","id");--> statement-breakpoint
CREATE INDEX "webhook_events_app_type_idx" ON "webhook_events" USING btree ("app_id","event_type","received_at","id");