CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`chat_id` text,
	`uploader_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploader_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_chat_idx` ON `attachments` (`chat_id`);--> statement-breakpoint
CREATE TABLE `chat_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`author_id` text,
	`client_id` text,
	`body` text NOT NULL,
	`attachment_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_messages_seq_idx` ON `chat_messages` (`chat_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `chat_messages_client_idx` ON `chat_messages` (`chat_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `chat_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat_id` text NOT NULL,
	`operator_id` text NOT NULL,
	`offered_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chat_offers_chat_idx` ON `chat_offers` (`chat_id`,`operator_id`);--> statement-breakpoint
CREATE TABLE `chat_reads` (
	`chat_id` text NOT NULL,
	`user_id` text NOT NULL,
	`last_read_seq` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_reads_pk` ON `chat_reads` (`chat_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `chats` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`point_of_sale_id` text,
	`dealer_user_id` text NOT NULL,
	`operator_id` text,
	`topic` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`created_at` integer NOT NULL,
	`accepted_at` integer,
	`closed_at` integer,
	`closed_by` text,
	`offered_to` text,
	`offer_expires_at` integer,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`rating` integer,
	`rating_comment` text,
	`rated_at` integer,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_of_sale_id`) REFERENCES `points_of_sale`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dealer_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offered_to`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chats_status_created_idx` ON `chats` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `chats_operator_status_idx` ON `chats` (`operator_id`,`status`);--> statement-breakpoint
CREATE INDEX `chats_dealer_created_idx` ON `chats` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `chats_offered_to_idx` ON `chats` (`offered_to`);--> statement-breakpoint
CREATE TABLE `operator_presence` (
	`user_id` text PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'offline' NOT NULL,
	`capacity` integer DEFAULT 3 NOT NULL,
	`last_heartbeat_at` integer,
	`idle_since` integer,
	`missed_offers` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `realtime_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`chat_id` text,
	`dealer_id` text,
	`dealer_user_id` text,
	`operator_id` text,
	`all_operators` integer DEFAULT false NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `realtime_events_dealer_idx` ON `realtime_events` (`dealer_id`,`id`);--> statement-breakpoint
CREATE INDEX `realtime_events_dealer_user_idx` ON `realtime_events` (`dealer_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `realtime_events_operator_idx` ON `realtime_events` (`operator_id`,`id`);