ALTER TABLE `history` ADD `outside` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `pending_changes` ADD `at` text;