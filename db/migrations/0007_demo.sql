CREATE TYPE "public"."demo_seed_status" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "demo_seeds" (
	"app_id" uuid PRIMARY KEY NOT NULL,
	"status" "demo_seed_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_name" varchar(100);--> statement-breakpoint
ALTER TABLE "demo_seeds" ADD CONSTRAINT "demo_seeds_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;