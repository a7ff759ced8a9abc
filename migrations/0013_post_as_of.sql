ALTER TABLE `posts` ADD `as_of` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `as_of_precision` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `as_of_approximate` integer DEFAULT false NOT NULL;