CREATE INDEX "webhook_events_connection_received_idx" ON "webhook_events" USING btree ("connection_id","received_at");--> statement-breakpoint
ALTER TABLE "gateway_connections" DROP COLUMN "attempts_allowed";--> statement-breakpoint
ALTER TABLE "gateway_connections" DROP COLUMN "last_failure";--> statement-breakpoint
ALTER TABLE "gateway_connections" DROP COLUMN "webhook_last_event_at";--> statement-breakpoint
ALTER TABLE "gateway_credentials" DROP COLUMN "verified_at";