ALTER TABLE "audit_events" ALTER COLUMN "data" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "realtime_events" ALTER COLUMN "payload" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "form_data" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "remarks" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "prefilled_paths" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "identifications" ALTER COLUMN "values" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "details" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "package_items" ALTER COLUMN "form_data" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "packages" ALTER COLUMN "details" SET DATA TYPE json;