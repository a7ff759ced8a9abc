-- Full-text index of meetings' and initiatives' texts, folded by app/utils/fold.ts before they
-- are written (FTS5's own folding leaves Kazakh letters and scripts apart). Kept in step by the
-- models in the same transaction as the record; db/search-text.ts backfills what is missing.
CREATE VIRTUAL TABLE `search_text` USING fts5(`kind` UNINDEXED, `record_id` UNINDEXED, `body`, tokenize = 'unicode61');
