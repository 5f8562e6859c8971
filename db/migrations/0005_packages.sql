CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`edrpou` text NOT NULL,
	`details` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_edrpou_unique` ON `companies` (`edrpou`);--> statement-breakpoint
CREATE TABLE `package_items` (
	`id` text PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`position` integer NOT NULL,
	`template_id` text NOT NULL,
	`form_data` text NOT NULL,
	`application_id` text,
	FOREIGN KEY (`package_id`) REFERENCES `packages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `package_items_position_idx` ON `package_items` (`package_id`,`position`);--> statement-breakpoint
CREATE TABLE `packages` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`kind` text NOT NULL,
	`company_id` text,
	`details` text,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`chat_id` text,
	`dealer_id` text,
	`sent_at` integer,
	`opened_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dealer_id`) REFERENCES `dealers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packages_number_unique` ON `packages` (`number`);--> statement-breakpoint
CREATE INDEX `packages_company_idx` ON `packages` (`company_id`);--> statement-breakpoint
CREATE INDEX `packages_chat_idx` ON `packages` (`chat_id`);--> statement-breakpoint
CREATE INDEX `packages_updated_idx` ON `packages` (`updated_at`);--> statement-breakpoint
ALTER TABLE `applications` ADD `package_id` text REFERENCES packages(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `prefilled_paths` text;--> statement-breakpoint
CREATE INDEX `applications_package_idx` ON `applications` (`package_id`);