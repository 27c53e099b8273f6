ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_app_id_apps_id_fk";
--> statement-breakpoint
DROP INDEX "audit_log_app_idx";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "app_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "app_public_id" varchar(32);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "app_name" varchar(60);--> statement-breakpoint
UPDATE "audit_log" SET "owner_id" = "apps"."merchant_id", "app_public_id" = "apps"."public_id", "app_name" = "apps"."name" FROM "apps" WHERE "apps"."id" = "audit_log"."app_id";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "app_public_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "app_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_owner_id_merchants_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_owner_app_idx" ON "audit_log" USING btree ("owner_id","app_public_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_owner_idx" ON "audit_log" USING btree ("owner_id","created_at");