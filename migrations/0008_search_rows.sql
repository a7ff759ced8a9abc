CREATE TABLE `search_rows` (
	`kind` text NOT NULL,
	`record_id` integer NOT NULL,
	`fts_rowid` integer NOT NULL,
	PRIMARY KEY(`kind`, `record_id`)
);
--> statement-breakpoint
-- Rows are now placed by date (db/search-text.ts): emptied here, refilled at start-up.
DELETE FROM search_text;
