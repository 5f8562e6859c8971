CREATE TABLE `confirmation_links` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`link_base` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`opens` integer DEFAULT 0 NOT NULL,
	`last_opened_at` integer,
	`confirmed_at` integer,
	`disputed_at` integer,
	`dispute_comment` text,
	`answer_ip` text,
	`answer_user_agent` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmation_links_token_idx` ON `confirmation_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `confirmation_links_application_idx` ON `confirmation_links` (`application_id`);--> statement-breakpoint
CREATE TABLE `link_lookup_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ip` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `link_lookup_failures_ip_idx` ON `link_lookup_failures` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`dedupe_key` text NOT NULL,
	`application_id` text,
	`link_id` text,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `confirmation_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupeKey_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_due_idx` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_application_idx` ON `notifications` (`application_id`);--> statement-breakpoint
ALTER TABLE `applications` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `submitted_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `submit_request_id` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `sensitive` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `subscriber_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `disputed_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `claimed_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `claim_active_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_by` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `decision_reason` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `decision_comment` text;--> statement-breakpoint
CREATE INDEX `applications_queue_idx` ON `applications` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_dealer_queue_idx` ON `applications` (`dealer_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_pos_queue_idx` ON `applications` (`point_of_sale_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_template_queue_idx` ON `applications` (`template_id`,`status`,`submitted_at`);--> statement-breakpoint
UPDATE `applications` SET `sensitive` = 1 WHERE `template_id` IN ('sim-replacement', 'number-transfer');
