DROP INDEX "orders_app_mode_created_idx";--> statement-breakpoint
CREATE INDEX "orders_app_mode_status_created_idx" ON "orders" USING btree ("app_id","mode","status","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_app_mode_gateway_created_idx" ON "orders" USING btree ("app_id","mode","gateway","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_app_receipt_idx" ON "orders" USING btree ("app_id","receipt");--> statement-breakpoint
CREATE INDEX "orders_app_email_idx" ON "orders" USING btree ("app_id",lower("customer_email"));--> statement-breakpoint
CREATE INDEX "webhook_events_app_gateway_order_idx" ON "webhook_events" USING btree ("app_id","gateway","gateway_order_id","received_at") WHERE "webhook_events"."gateway_order_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_app_mode_created_idx" ON "orders" USING btree ("app_id","mode","created_at","id");