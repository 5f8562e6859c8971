CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`chat_id` text NOT NULL,
	`dealer_id` text NOT NULL,
	`point_of_sale_id` text,
	`created_by` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`application_date` text NOT NULL,
	`form_data` text NOT NULL,
	`verified_by` text,
	`verified_at` integer,
	`remarks` text,
	`returned_at` integer,
	`returned_by` text,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_of_sale_id`) REFERENCES `points_of_sale`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_number_unique` ON `applications` (`number`);--> statement-breakpoint
CREATE INDEX `applications_dealer_created_idx` ON `applications` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `applications_chat_idx` ON `applications` (`chat_id`);--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `applications` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `identifications` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`party` text NOT NULL,
	`values` text NOT NULL,
	`attested_by` text NOT NULL,
	`attested_at` integer NOT NULL,
	`attested_point_of_sale_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attested_point_of_sale_id`) REFERENCES `points_of_sale`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identifications_party_idx` ON `identifications` (`application_id`,`party`);