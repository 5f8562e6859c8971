CREATE TABLE `signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`party` text NOT NULL,
	`signer_name` text NOT NULL,
	`image_key` text,
	`typed_name` text,
	`signed_at` integer NOT NULL,
	`ip` text NOT NULL,
	`user_agent` text NOT NULL,
	`point_of_sale_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_of_sale_id`) REFERENCES `points_of_sale`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatures_party_idx` ON `signatures` (`application_id`,`party`);--> statement-breakpoint
ALTER TABLE `applications` ADD `pdf_key` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `pdf_sha256` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `sealed_at` integer;--> statement-breakpoint
CREATE INDEX `applications_pdf_sha_idx` ON `applications` (`pdf_sha256`);