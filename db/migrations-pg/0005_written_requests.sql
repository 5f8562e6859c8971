CREATE TABLE "request_categories" (
	"key" text PRIMARY KEY NOT NULL,
	"name_uk" text NOT NULL,
	"name_en" text NOT NULL,
	"first_response_hours" integer NOT NULL,
	"resolution_hours" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"attachment_id" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"msisdn" text,
	"email" text,
	"locale" text DEFAULT 'uk' NOT NULL,
	"visitor_id" text,
	"subject" text NOT NULL,
	"consent_at" timestamp (3) with time zone NOT NULL,
	"assignee_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"first_response_at" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"first_response_due_at" timestamp (3) with time zone NOT NULL,
	"resolution_due_at" timestamp (3) with time zone NOT NULL,
	"sla_paused_at" timestamp (3) with time zone,
	"sla_paused_ms" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp (3) with time zone,
	"risk_at" timestamp (3) with time zone,
	"merged_into_id" text,
	"application_id" text,
	"chat_id" text,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp (3) with time zone,
	"link_token_hash" text NOT NULL,
	"link_expires_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "requests_number_unique" UNIQUE("number"),
	CONSTRAINT "requests_linkTokenHash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_category_request_categories_key_fk" FOREIGN KEY ("category") REFERENCES "public"."request_categories"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_messages_seq_idx" ON "request_messages" USING btree ("request_id","seq");--> statement-breakpoint
CREATE INDEX "requests_status_due_idx" ON "requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "requests_assignee_status_due_idx" ON "requests" USING btree ("assignee_id","status","due_at");--> statement-breakpoint
CREATE INDEX "requests_category_status_due_idx" ON "requests" USING btree ("category","status","due_at");--> statement-breakpoint
CREATE INDEX "requests_created_idx" ON "requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "requests_msisdn_idx" ON "requests" USING btree ("msisdn");--> statement-breakpoint
CREATE INDEX "requests_merged_into_idx" ON "requests" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "attachments_request_idx" ON "attachments" USING btree ("request_id");