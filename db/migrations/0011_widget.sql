CREATE TABLE `canned_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`scope` text DEFAULT 'subscriber' NOT NULL,
	`title_uk` text NOT NULL,
	`title_en` text NOT NULL,
	`body_uk` text NOT NULL,
	`body_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `one_time_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`destination` text NOT NULL,
	`session_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`ip` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `visitor_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `one_time_codes_destination_idx` ON `one_time_codes` (`destination`,`created_at`);--> statement-breakpoint
CREATE INDEX `one_time_codes_ip_idx` ON `one_time_codes` (`ip`,`created_at`);--> statement-breakpoint
CREATE INDEX `one_time_codes_session_idx` ON `one_time_codes` (`session_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `visitor_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`visitor_id` text NOT NULL,
	`origin` text,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visitor_sessions_tokenHash_unique` ON `visitor_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `visitor_sessions_visitor_idx` ON `visitor_sessions` (`visitor_id`);--> statement-breakpoint
CREATE TABLE `visitors` (
	`id` text PRIMARY KEY NOT NULL,
	`msisdn` text,
	`email` text,
	`verified_by` text,
	`verified_at` integer,
	`locale` text DEFAULT 'uk' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_msisdn_idx` ON `visitors` (`msisdn`);--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_email_idx` ON `visitors` (`email`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `visitor_id` text REFERENCES visitors(id);--> statement-breakpoint
ALTER TABLE `chat_messages` ADD `visitor_id` text REFERENCES visitors(id);--> statement-breakpoint
ALTER TABLE `chats` ADD `class` text DEFAULT 'dealer' NOT NULL;--> statement-breakpoint
ALTER TABLE `chats` ADD `visitor_id` text REFERENCES visitors(id);--> statement-breakpoint
ALTER TABLE `chats` ADD `visitor_read_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `chats_visitor_created_idx` ON `chats` (`visitor_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `operator_presence` ADD `serves` text DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE `realtime_events` ADD `visitor_id` text;--> statement-breakpoint
CREATE INDEX `realtime_events_visitor_idx` ON `realtime_events` (`visitor_id`,`id`);