CREATE INDEX `audit_events_action_at_idx` ON `audit_events` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `chats_created_idx` ON `chats` (`created_at`);--> statement-breakpoint
CREATE INDEX `chats_status_closed_idx` ON `chats` (`status`,`closed_at`);