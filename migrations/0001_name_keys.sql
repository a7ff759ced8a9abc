CREATE TABLE `name_keys` (
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`record_type`, `key`, `record_id`)
);
--> statement-breakpoint
CREATE INDEX `name_keys_record` ON `name_keys` (`record_type`,`record_id`);