-- Rowids now hold a range per kind (db/search-text.ts): emptied, refilled at start-up.
DELETE FROM search_text;
--> statement-breakpoint
DELETE FROM search_rows;
