ALTER TABLE `security_log` ADD `last_seen_at` text;--> statement-breakpoint
ALTER TABLE `security_log` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `security_log_source` ON `security_log` (`address`,`event`,`at`);