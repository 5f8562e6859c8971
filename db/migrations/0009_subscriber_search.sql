ALTER TABLE `applications` ADD `subscriber_name` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `search_text` text;