ALTER TABLE `applications` ADD `confirmation_mode` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `waiting_period_ends_at` integer;--> statement-breakpoint
ALTER TABLE `confirmation_links` ADD `purpose` text DEFAULT 'confirm' NOT NULL;--> statement-breakpoint
ALTER TABLE `confirmation_links` ADD `channel` text;--> statement-breakpoint
ALTER TABLE `confirmation_links` ADD `recipient` text;