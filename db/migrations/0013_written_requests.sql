CREATE TABLE `request_categories` (
	`key` text PRIMARY KEY NOT NULL,
	`name_uk` text NOT NULL,
	`name_en` text NOT NULL,
	`first_response_hours` integer NOT NULL,
	`resolution_hours` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`attachment_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_messages_seq_idx` ON `request_messages` (`request_id`,`seq`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`category` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`msisdn` text,
	`email` text,
	`locale` text DEFAULT 'uk' NOT NULL,
	`visitor_id` text,
	`subject` text NOT NULL,
	`consent_at` integer NOT NULL,
	`assignee_id` text,
	`created_at` integer NOT NULL,
	`first_response_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`first_response_due_at` integer NOT NULL,
	`resolution_due_at` integer NOT NULL,
	`sla_paused_at` integer,
	`sla_paused_ms` integer DEFAULT 0 NOT NULL,
	`due_at` integer,
	`risk_at` integer,
	`merged_into_id` text,
	`application_id` text,
	`chat_id` text,
	`rating` integer,
	`rating_comment` text,
	`rated_at` integer,
	`link_token_hash` text NOT NULL,
	`link_expires_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category`) REFERENCES `request_categories`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_number_unique` ON `requests` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_linkTokenHash_unique` ON `requests` (`link_token_hash`);--> statement-breakpoint
CREATE INDEX `requests_status_due_idx` ON `requests` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `requests_assignee_status_due_idx` ON `requests` (`assignee_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `requests_category_status_due_idx` ON `requests` (`category`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `requests_created_idx` ON `requests` (`created_at`);--> statement-breakpoint
CREATE INDEX `requests_msisdn_idx` ON `requests` (`msisdn`);--> statement-breakpoint
CREATE INDEX `requests_merged_into_idx` ON `requests` (`merged_into_id`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `request_id` text;--> statement-breakpoint
CREATE INDEX `attachments_request_idx` ON `attachments` (`request_id`);