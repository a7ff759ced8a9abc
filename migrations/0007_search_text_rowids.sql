-- The index's rows are now keyed by rowid = id * 2 (+1 for initiatives), so a record's row is
-- replaced by a lookup rather than a scan of the whole index (db/search-text.ts). Emptied here;
-- the server refills it from the records at start-up (backfillSearchText), as after 0004.
DELETE FROM search_text;
