-- Issue 12.6: each mark keeps the time the record was last touched, so a change written by
-- another program (the sqlite3 shell on the live file) goes into the history, as made outside
-- the app, with its own time, when the app's next transaction finds its mark (db/history.ts).
-- The same triggers on the same tables, with the time added; a mark already there takes the
-- newer time. (The SELECT form has its WHERE, so ON CONFLICT parses as the upsert.)
DROP TRIGGER delegation_members_history_delete;
--> statement-breakpoint
CREATE TRIGGER delegation_members_history_delete AFTER DELETE ON delegation_members BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', OLD.delegation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER delegation_members_history_insert;
--> statement-breakpoint
CREATE TRIGGER delegation_members_history_insert AFTER INSERT ON delegation_members BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', NEW.delegation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER delegation_members_history_update;
--> statement-breakpoint
CREATE TRIGGER delegation_members_history_update AFTER UPDATE ON delegation_members BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', OLD.delegation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', NEW.delegation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER delegations_history_delete;
--> statement-breakpoint
CREATE TRIGGER delegations_history_delete AFTER DELETE ON delegations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER delegations_history_insert;
--> statement-breakpoint
CREATE TRIGGER delegations_history_insert AFTER INSERT ON delegations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER delegations_history_update;
--> statement-breakpoint
CREATE TRIGGER delegations_history_update AFTER UPDATE ON delegations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('delegation', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER initiative_steps_history_delete;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_history_delete AFTER DELETE ON initiative_steps BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', OLD.initiative_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER initiative_steps_history_insert;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_history_insert AFTER INSERT ON initiative_steps BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', NEW.initiative_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER initiative_steps_history_update;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_history_update AFTER UPDATE ON initiative_steps BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', OLD.initiative_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', NEW.initiative_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER initiatives_history_delete;
--> statement-breakpoint
CREATE TRIGGER initiatives_history_delete AFTER DELETE ON initiatives BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER initiatives_history_insert;
--> statement-breakpoint
CREATE TRIGGER initiatives_history_insert AFTER INSERT ON initiatives BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER initiatives_history_update;
--> statement-breakpoint
CREATE TRIGGER initiatives_history_update AFTER UPDATE ON initiatives BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('initiative', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_participants_history_delete;
--> statement-breakpoint
CREATE TRIGGER meeting_participants_history_delete AFTER DELETE ON meeting_participants BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_participants_history_insert;
--> statement-breakpoint
CREATE TRIGGER meeting_participants_history_insert AFTER INSERT ON meeting_participants BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_participants_history_update;
--> statement-breakpoint
CREATE TRIGGER meeting_participants_history_update AFTER UPDATE ON meeting_participants BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_sources_history_delete;
--> statement-breakpoint
CREATE TRIGGER meeting_sources_history_delete AFTER DELETE ON meeting_sources BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_sources_history_insert;
--> statement-breakpoint
CREATE TRIGGER meeting_sources_history_insert AFTER INSERT ON meeting_sources BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_sources_history_update;
--> statement-breakpoint
CREATE TRIGGER meeting_sources_history_update AFTER UPDATE ON meeting_sources BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_topics_history_delete;
--> statement-breakpoint
CREATE TRIGGER meeting_topics_history_delete AFTER DELETE ON meeting_topics BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_topics_history_insert;
--> statement-breakpoint
CREATE TRIGGER meeting_topics_history_insert AFTER INSERT ON meeting_topics BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meeting_topics_history_update;
--> statement-breakpoint
CREATE TRIGGER meeting_topics_history_update AFTER UPDATE ON meeting_topics BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.meeting_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meetings_history_delete;
--> statement-breakpoint
CREATE TRIGGER meetings_history_delete AFTER DELETE ON meetings BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meetings_history_insert;
--> statement-breakpoint
CREATE TRIGGER meetings_history_insert AFTER INSERT ON meetings BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER meetings_history_update;
--> statement-breakpoint
CREATE TRIGGER meetings_history_update AFTER UPDATE ON meetings BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('meeting', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER organisations_history_delete;
--> statement-breakpoint
CREATE TRIGGER organisations_history_delete AFTER DELETE ON organisations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('organisation', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER organisations_history_insert;
--> statement-breakpoint
CREATE TRIGGER organisations_history_insert AFTER INSERT ON organisations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('organisation', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER organisations_history_update;
--> statement-breakpoint
CREATE TRIGGER organisations_history_update AFTER UPDATE ON organisations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('organisation', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER partners_history_delete;
--> statement-breakpoint
CREATE TRIGGER partners_history_delete AFTER DELETE ON partners BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('partner', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER partners_history_insert;
--> statement-breakpoint
CREATE TRIGGER partners_history_insert AFTER INSERT ON partners BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('partner', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER partners_history_update;
--> statement-breakpoint
CREATE TRIGGER partners_history_update AFTER UPDATE ON partners BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('partner', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER people_history_delete;
--> statement-breakpoint
CREATE TRIGGER people_history_delete AFTER DELETE ON people BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER people_history_insert;
--> statement-breakpoint
CREATE TRIGGER people_history_insert AFTER INSERT ON people BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER people_history_update;
--> statement-breakpoint
CREATE TRIGGER people_history_update AFTER UPDATE ON people BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER posts_history_delete;
--> statement-breakpoint
CREATE TRIGGER posts_history_delete AFTER DELETE ON posts BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', OLD.person_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER posts_history_insert;
--> statement-breakpoint
CREATE TRIGGER posts_history_insert AFTER INSERT ON posts BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', NEW.person_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER posts_history_update;
--> statement-breakpoint
CREATE TRIGGER posts_history_update AFTER UPDATE ON posts BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', OLD.person_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('person', NEW.person_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relation_step_signatories_history_delete;
--> statement-breakpoint
CREATE TRIGGER relation_step_signatories_history_delete AFTER DELETE ON relation_step_signatories BEGIN INSERT INTO pending_changes (record_type, record_id, at) SELECT 'relation', relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM relation_steps WHERE id = OLD.step_id ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relation_step_signatories_history_insert;
--> statement-breakpoint
CREATE TRIGGER relation_step_signatories_history_insert AFTER INSERT ON relation_step_signatories BEGIN INSERT INTO pending_changes (record_type, record_id, at) SELECT 'relation', relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM relation_steps WHERE id = NEW.step_id ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relation_step_signatories_history_update;
--> statement-breakpoint
CREATE TRIGGER relation_step_signatories_history_update AFTER UPDATE ON relation_step_signatories BEGIN INSERT INTO pending_changes (record_type, record_id, at) SELECT 'relation', relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM relation_steps WHERE id = OLD.step_id ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) SELECT 'relation', relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM relation_steps WHERE id = NEW.step_id ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relation_steps_history_delete;
--> statement-breakpoint
CREATE TRIGGER relation_steps_history_delete AFTER DELETE ON relation_steps BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', OLD.relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relation_steps_history_insert;
--> statement-breakpoint
CREATE TRIGGER relation_steps_history_insert AFTER INSERT ON relation_steps BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', NEW.relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relation_steps_history_update;
--> statement-breakpoint
CREATE TRIGGER relation_steps_history_update AFTER UPDATE ON relation_steps BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', OLD.relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', NEW.relation_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relations_history_delete;
--> statement-breakpoint
CREATE TRIGGER relations_history_delete AFTER DELETE ON relations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relations_history_insert;
--> statement-breakpoint
CREATE TRIGGER relations_history_insert AFTER INSERT ON relations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
DROP TRIGGER relations_history_update;
--> statement-breakpoint
CREATE TRIGGER relations_history_update AFTER UPDATE ON relations BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('relation', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
