-- hand-written below
-- One FTS5 index per kind of record (issue 17, round 3). In one index for every kind, a query
-- for words that begin as typed made FTS5 merge the rows of every such word across the whole
-- index, whatever the rowid range asked (~20 ms for a word in most records at the national
-- size); a kind's own index holds only its own rows. The rowids stay what they were
-- (app/models/search-index.server.ts): they still order each kind's rows newest first, and
-- search_rows still finds a record's row. The rows are carried over as they are, folded.
CREATE VIRTUAL TABLE `search_text_meeting` USING fts5(`record_id` UNINDEXED, `body`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_text_initiative` USING fts5(`record_id` UNINDEXED, `body`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_text_partner` USING fts5(`record_id` UNINDEXED, `body`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_text_relation` USING fts5(`record_id` UNINDEXED, `body`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_text_delegation` USING fts5(`record_id` UNINDEXED, `body`, tokenize = 'unicode61');
--> statement-breakpoint
INSERT INTO `search_text_meeting` (rowid, record_id, body) SELECT rowid, record_id, body FROM `search_text` WHERE kind = 'meeting' ORDER BY rowid;
--> statement-breakpoint
INSERT INTO `search_text_initiative` (rowid, record_id, body) SELECT rowid, record_id, body FROM `search_text` WHERE kind = 'initiative' ORDER BY rowid;
--> statement-breakpoint
INSERT INTO `search_text_partner` (rowid, record_id, body) SELECT rowid, record_id, body FROM `search_text` WHERE kind = 'partner' ORDER BY rowid;
--> statement-breakpoint
INSERT INTO `search_text_relation` (rowid, record_id, body) SELECT rowid, record_id, body FROM `search_text` WHERE kind = 'relation' ORDER BY rowid;
--> statement-breakpoint
INSERT INTO `search_text_delegation` (rowid, record_id, body) SELECT rowid, record_id, body FROM `search_text` WHERE kind = 'delegation' ORDER BY rowid;
--> statement-breakpoint
INSERT INTO `search_text_meeting` (search_text_meeting) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO `search_text_initiative` (search_text_initiative) VALUES ('optimize');
--> statement-breakpoint
DROP TABLE `search_text`;
