-- Rowids now put each kind's newest rows at an end of the index (db/search-text.ts): emptied,
-- refilled at start-up (server.ts backfills the search index; `npm run search:rebuild` too).
DELETE FROM search_text;
--> statement-breakpoint
DELETE FROM search_rows;
