PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`chat_id` text,
	`uploader_id` text,
	`visitor_id` text,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploader_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_attachments`("id", "chat_id", "uploader_id", "visitor_id", "file_name", "mime", "size", "sha256", "storage_key", "created_at") SELECT "id", "chat_id", "uploader_id", "visitor_id", "file_name", "mime", "size", "sha256", "storage_key", "created_at" FROM `attachments`;--> statement-breakpoint
DROP TABLE `attachments`;--> statement-breakpoint
ALTER TABLE `__new_attachments` RENAME TO `attachments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `attachments_chat_idx` ON `attachments` (`chat_id`);--> statement-breakpoint
CREATE TABLE `__new_chats` (
	`id` text PRIMARY KEY NOT NULL,
	`class` text DEFAULT 'dealer' NOT NULL,
	`dealer_id` text,
	`point_of_sale_id` text,
	`dealer_user_id` text,
	`visitor_id` text,
	`visitor_read_seq` integer DEFAULT 0 NOT NULL,
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
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offered_to`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_chats`("id", "class", "dealer_id", "point_of_sale_id", "dealer_user_id", "visitor_id", "visitor_read_seq", "operator_id", "topic", "status", "created_at", "accepted_at", "closed_at", "closed_by", "offered_to", "offer_expires_at", "last_seq", "rating", "rating_comment", "rated_at") SELECT "id", "class", "dealer_id", "point_of_sale_id", "dealer_user_id", "visitor_id", "visitor_read_seq", "operator_id", "topic", "status", "created_at", "accepted_at", "closed_at", "closed_by", "offered_to", "offer_expires_at", "last_seq", "rating", "rating_comment", "rated_at" FROM `chats`;--> statement-breakpoint
DROP TABLE `chats`;--> statement-breakpoint
ALTER TABLE `__new_chats` RENAME TO `chats`;--> statement-breakpoint
CREATE INDEX `chats_status_created_idx` ON `chats` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `chats_operator_status_idx` ON `chats` (`operator_id`,`status`);--> statement-breakpoint
CREATE INDEX `chats_dealer_created_idx` ON `chats` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `chats_offered_to_idx` ON `chats` (`offered_to`);--> statement-breakpoint
CREATE INDEX `chats_created_idx` ON `chats` (`created_at`);--> statement-breakpoint
CREATE INDEX `chats_status_closed_idx` ON `chats` (`status`,`closed_at`);--> statement-breakpoint
CREATE INDEX `chats_visitor_created_idx` ON `chats` (`visitor_id`,`created_at`);