CREATE TYPE "public"."delivery_outcome" AS ENUM('applied', 'duplicate', 'stale', 'ignored', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."event_source" AS ENUM('webhook', 'sync');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('created', 'processing', 'paid', 'failed', 'refunded', 'partially_refunded');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('created', 'pending', 'authorized', 'captured', 'failed', 'dropped', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'processed', 'failed');--> statement-breakpoint
CREATE TABLE "orders" (
	"id" varchar(24) PRIMARY KEY NOT NULL,
	"app_id" uuid NOT NULL,
	"connection_id" uuid,
	"credentials_id" uuid,
	"gateway" "gateway_name" NOT NULL,
	"gateway_order_id" varchar(64) NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"receipt" varchar(40),
	"notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_email" varchar(254),
	"customer_phone" varchar(32),
	"status" "order_status" DEFAULT 'created' NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"sync_claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"order_id" varchar(24) NOT NULL,
	"gateway" "gateway_name" NOT NULL,
	"gateway_payment_id" varchar(64) NOT NULL,
	"method" varchar(16),
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "payment_status" NOT NULL,
	"error_code" text,
	"error_description" text,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"gateway" "gateway_name" NOT NULL,
	"gateway_refund_id" varchar(64) NOT NULL,
	"amount" bigint NOT NULL,
	"status" "refund_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "webhook_events_app_event_idx";--> statement-breakpoint
DROP INDEX "webhook_events_connection_received_idx";--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "event_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "event_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "source" "event_source" DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "outcome" "delivery_outcome";--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "rejection_reason" varchar(32);--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "dedup_key" char(64);--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "body_sha256" char(64);--> statement-breakpoint
-- hand-written: events stored before this migration were verified but never applied; they keep no
-- dedup key, so a gateway retry of one is applied now.
UPDATE "webhook_events" SET "outcome" = 'ignored', "body_sha256" = encode(sha256(convert_to("payload", 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "outcome" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "body_sha256" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "order_id" varchar(24);--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "gateway_payment_id" varchar(64);--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_connection_id_gateway_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."gateway_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_credentials_id_gateway_credentials_id_fk" FOREIGN KEY ("credentials_id") REFERENCES "public"."gateway_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_app_gateway_order_idx" ON "orders" USING btree ("app_id","gateway","gateway_order_id");--> statement-breakpoint
CREATE INDEX "orders_app_mode_created_idx" ON "orders" USING btree ("app_id","mode","created_at");--> statement-breakpoint
CREATE INDEX "orders_unfinished_idx" ON "orders" USING btree ("updated_at") WHERE "orders"."status" in ('created', 'processing');--> statement-breakpoint
CREATE UNIQUE INDEX "payments_app_gateway_payment_idx" ON "payments" USING btree ("app_id","gateway","gateway_payment_id");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_app_gateway_refund_idx" ON "refunds" USING btree ("app_id","gateway","gateway_refund_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_app_dedup_idx" ON "webhook_events" USING btree ("app_id","gateway","dedup_key");--> statement-breakpoint
CREATE INDEX "webhook_events_connection_verified_idx" ON "webhook_events" USING btree ("connection_id","received_at") WHERE "webhook_events"."outcome" <> 'rejected' and "webhook_events"."source" = 'webhook';--> statement-breakpoint
CREATE INDEX "webhook_events_connection_rejected_idx" ON "webhook_events" USING btree ("connection_id","received_at") WHERE "webhook_events"."outcome" = 'rejected';--> statement-breakpoint
CREATE INDEX "webhook_events_order_idx" ON "webhook_events" USING btree ("order_id","received_at") WHERE "webhook_events"."order_id" is not null;--> statement-breakpoint
ALTER TABLE "webhook_events" DROP COLUMN "deliveries";--> statement-breakpoint
ALTER TABLE "webhook_events" DROP COLUMN "last_received_at";