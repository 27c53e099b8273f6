CREATE TYPE "public"."api_key_kind" AS ENUM('public', 'secret');--> statement-breakpoint
CREATE TYPE "public"."attempt_outcome" AS ENUM('in_progress', 'succeeded', 'failed', 'unavailable');--> statement-breakpoint
CREATE TYPE "public"."credentials_status" AS ENUM('pending', 'submitted', 'verified', 'failed', 'locked');--> statement-breakpoint
CREATE TYPE "public"."gateway_mode" AS ENUM('test', 'live');--> statement-breakpoint
CREATE TYPE "public"."gateway_name" AS ENUM('razorpay', 'cashfree');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('pending', 'done', 'verified', 'not_required');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"kind" "api_key_kind" NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"token_hash" char(64) NOT NULL,
	"display_prefix" varchar(80) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "api_keys_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"merchant_id" uuid,
	"action" varchar(64) NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"credentials_status" "credentials_status" DEFAULT 'pending' NOT NULL,
	"webhook_status" "step_status" DEFAULT 'pending' NOT NULL,
	"npm_status" "step_status" DEFAULT 'pending' NOT NULL,
	"current_credentials_id" uuid,
	"verified_credentials_id" uuid,
	"attempts_allowed" integer DEFAULT 1 NOT NULL,
	"attempts_used" integer DEFAULT 0 NOT NULL,
	"last_failure" text,
	"verifying_since" timestamp with time zone,
	"webhook_endpoint_id" varchar(40) NOT NULL,
	"webhook_secret" text NOT NULL,
	"previous_webhook_secret" text,
	"previous_webhook_secret_expires_at" timestamp with time zone,
	"webhook_last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_connections_app_id_unique" UNIQUE("app_id"),
	CONSTRAINT "gateway_connections_webhook_endpoint_id_unique" UNIQUE("webhook_endpoint_id")
);
--> statement-breakpoint
CREATE TABLE "gateway_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"gateway" "gateway_name" NOT NULL,
	"mode" "gateway_mode" NOT NULL,
	"key_id" varchar(128) NOT NULL,
	"secret" text NOT NULL,
	"secret_hint" varchar(8) NOT NULL,
	"environment" varchar(16),
	"payment_modes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "verification_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"credentials_id" uuid NOT NULL,
	"attempt_number" integer NOT NULL,
	"outcome" "attempt_outcome" DEFAULT 'in_progress' NOT NULL,
	"receipt" varchar(40) NOT NULL,
	"gateway_order_id" varchar(64),
	"error_kind" varchar(32),
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_connections" ADD CONSTRAINT "gateway_connections_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_credentials" ADD CONSTRAINT "gateway_credentials_connection_id_gateway_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."gateway_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_attempts" ADD CONSTRAINT "verification_attempts_connection_id_gateway_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."gateway_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_attempts" ADD CONSTRAINT "verification_attempts_credentials_id_gateway_credentials_id_fk" FOREIGN KEY ("credentials_id") REFERENCES "public"."gateway_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_app_idx" ON "api_keys" USING btree ("app_id","kind");--> statement-breakpoint
CREATE INDEX "audit_log_app_idx" ON "audit_log" USING btree ("app_id","created_at");--> statement-breakpoint
CREATE INDEX "verification_attempts_connection_idx" ON "verification_attempts" USING btree ("connection_id","created_at");