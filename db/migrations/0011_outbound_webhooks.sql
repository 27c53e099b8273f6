CREATE TYPE "public"."endpoint_disabled_reason" AS ENUM('manual', 'gone', 'failing');--> statement-breakpoint
CREATE TYPE "public"."merchant_event_type" AS ENUM('order.paid', 'order.failed', 'order.refunded', 'order.partially_refunded', 'payment.captured', 'payment.failed', 'refund.processed', 'webhook.test');--> statement-breakpoint
CREATE TYPE "public"."outbound_attempt_status" AS ENUM('in_flight', 'succeeded', 'failed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."outbound_delivery_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "merchant_events" (
	"id" varchar(28) PRIMARY KEY NOT NULL,
	"app_id" uuid NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"type" "merchant_event_type" NOT NULL,
	"order_id" varchar(24),
	"payload" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_webhook_endpoints" (
	"id" varchar(27) PRIMARY KEY NOT NULL,
	"app_id" uuid NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"url" varchar(2048) NOT NULL,
	"description" varchar(200),
	"events" "merchant_event_type"[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" "endpoint_disabled_reason",
	"disabled_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"secret_sealed" text NOT NULL,
	"previous_secret_sealed" text,
	"previous_secret_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_attempts" (
	"event_id" varchar(28) NOT NULL,
	"endpoint_id" varchar(27) NOT NULL,
	"number" integer NOT NULL,
	"url" varchar(2048) NOT NULL,
	"status" "outbound_attempt_status" DEFAULT 'in_flight' NOT NULL,
	"request_headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"response_status" integer,
	"response_body" text,
	"duration_ms" integer,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "outbound_attempts_event_id_endpoint_id_number_pk" PRIMARY KEY("event_id","endpoint_id","number")
);
--> statement-breakpoint
CREATE TABLE "outbound_deliveries" (
	"event_id" varchar(28) NOT NULL,
	"endpoint_id" varchar(27) NOT NULL,
	"app_id" uuid NOT NULL,
	"event_type" "merchant_event_type" NOT NULL,
	"status" "outbound_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"retry_step" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"in_flight" boolean DEFAULT false NOT NULL,
	"last_response_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbound_deliveries_event_id_endpoint_id_pk" PRIMARY KEY("event_id","endpoint_id")
);
--> statement-breakpoint
ALTER TABLE "merchant_events" ADD CONSTRAINT "merchant_events_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_webhook_endpoints" ADD CONSTRAINT "merchant_webhook_endpoints_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_attempts" ADD CONSTRAINT "outbound_attempts_event_id_endpoint_id_outbound_deliveries_event_id_endpoint_id_fk" FOREIGN KEY ("event_id","endpoint_id") REFERENCES "public"."outbound_deliveries"("event_id","endpoint_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_deliveries" ADD CONSTRAINT "outbound_deliveries_event_id_merchant_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."merchant_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_deliveries" ADD CONSTRAINT "outbound_deliveries_endpoint_id_merchant_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."merchant_webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchant_events_app_mode_created_idx" ON "merchant_events" USING btree ("app_id","mode","created_at","id");--> statement-breakpoint
CREATE INDEX "merchant_webhook_endpoints_app_mode_idx" ON "merchant_webhook_endpoints" USING btree ("app_id","mode","created_at");--> statement-breakpoint
CREATE INDEX "outbound_deliveries_endpoint_due_idx" ON "outbound_deliveries" USING btree ("endpoint_id","next_attempt_at") WHERE "outbound_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbound_deliveries_endpoint_created_idx" ON "outbound_deliveries" USING btree ("endpoint_id","created_at","event_id");