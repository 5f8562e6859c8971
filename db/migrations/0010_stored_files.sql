CREATE TABLE `stored_files` (
	`key` text PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL
);
