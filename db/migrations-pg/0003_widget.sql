CREATE TABLE "canned_replies" (
	"id" text PRIMARY KEY NOT NULL,
	"scope" text DEFAULT 'subscriber' NOT NULL,
	"title_uk" text NOT NULL,
	"title_en" text NOT NULL,
	"body_uk" text NOT NULL,
	"body_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_time_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"destination" text NOT NULL,
	"session_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ip" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"consumed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "visitor_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"visitor_id" text NOT NULL,
	"origin" text,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "visitor_sessions_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"id" text PRIMARY KEY NOT NULL,
	"msisdn" text,
	"email" text,
	"verified_by" text,
	"verified_at" timestamp (3) with time zone,
	"locale" text DEFAULT 'uk' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "visitor_id" text;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "visitor_id" text;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "class" text DEFAULT 'dealer' NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "visitor_id" text;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "visitor_read_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "operator_presence" ADD COLUMN "serves" text DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE "realtime_events" ADD COLUMN "visitor_id" text;--> statement-breakpoint
ALTER TABLE "one_time_codes" ADD CONSTRAINT "one_time_codes_session_id_visitor_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."visitor_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_sessions" ADD CONSTRAINT "visitor_sessions_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_time_codes_destination_idx" ON "one_time_codes" USING btree ("destination","created_at");--> statement-breakpoint
CREATE INDEX "one_time_codes_ip_idx" ON "one_time_codes" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "one_time_codes_session_idx" ON "one_time_codes" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "visitor_sessions_visitor_idx" ON "visitor_sessions" USING btree ("visitor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visitors_msisdn_idx" ON "visitors" USING btree ("msisdn");--> statement-breakpoint
CREATE UNIQUE INDEX "visitors_email_idx" ON "visitors" USING btree ("email");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chats_visitor_created_idx" ON "chats" USING btree ("visitor_id","created_at");--> statement-breakpoint
CREATE INDEX "realtime_events_visitor_idx" ON "realtime_events" USING btree ("visitor_id","id");