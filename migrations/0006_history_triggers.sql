-- History (db/history.ts): every write marks the records it touched in pending_changes, and
-- the transaction turns them into history entries before it commits. Triggers, so no write can
-- forget to say what it touched; a child row marks the record it belongs to.
CREATE TRIGGER partners_history_insert AFTER INSERT ON partners BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('partner', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER partners_history_update AFTER UPDATE ON partners BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('partner', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER partners_history_delete AFTER DELETE ON partners BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('partner', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER relations_history_insert AFTER INSERT ON relations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER relations_history_update AFTER UPDATE ON relations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER relations_history_delete AFTER DELETE ON relations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER organisations_history_insert AFTER INSERT ON organisations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('organisation', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER organisations_history_update AFTER UPDATE ON organisations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('organisation', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER organisations_history_delete AFTER DELETE ON organisations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('organisation', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER people_history_insert AFTER INSERT ON people BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER people_history_update AFTER UPDATE ON people BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER people_history_delete AFTER DELETE ON people BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER delegations_history_insert AFTER INSERT ON delegations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER delegations_history_update AFTER UPDATE ON delegations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER delegations_history_delete AFTER DELETE ON delegations BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER meetings_history_insert AFTER INSERT ON meetings BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER meetings_history_update AFTER UPDATE ON meetings BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER meetings_history_delete AFTER DELETE ON meetings BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER initiatives_history_insert AFTER INSERT ON initiatives BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER initiatives_history_update AFTER UPDATE ON initiatives BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER initiatives_history_delete AFTER DELETE ON initiatives BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER relation_steps_history_insert AFTER INSERT ON relation_steps BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', NEW.relation_id); END;
--> statement-breakpoint
CREATE TRIGGER relation_steps_history_update AFTER UPDATE ON relation_steps BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', OLD.relation_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', NEW.relation_id); END;
--> statement-breakpoint
CREATE TRIGGER relation_steps_history_delete AFTER DELETE ON relation_steps BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('relation', OLD.relation_id); END;
--> statement-breakpoint
CREATE TRIGGER posts_history_insert AFTER INSERT ON posts BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', NEW.person_id); END;
--> statement-breakpoint
CREATE TRIGGER posts_history_update AFTER UPDATE ON posts BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', OLD.person_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', NEW.person_id); END;
--> statement-breakpoint
CREATE TRIGGER posts_history_delete AFTER DELETE ON posts BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('person', OLD.person_id); END;
--> statement-breakpoint
CREATE TRIGGER delegation_members_history_insert AFTER INSERT ON delegation_members BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', NEW.delegation_id); END;
--> statement-breakpoint
CREATE TRIGGER delegation_members_history_update AFTER UPDATE ON delegation_members BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', OLD.delegation_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', NEW.delegation_id); END;
--> statement-breakpoint
CREATE TRIGGER delegation_members_history_delete AFTER DELETE ON delegation_members BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('delegation', OLD.delegation_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_participants_history_insert AFTER INSERT ON meeting_participants BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_participants_history_update AFTER UPDATE ON meeting_participants BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.meeting_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_participants_history_delete AFTER DELETE ON meeting_participants BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_topics_history_insert AFTER INSERT ON meeting_topics BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_topics_history_update AFTER UPDATE ON meeting_topics BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.meeting_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_topics_history_delete AFTER DELETE ON meeting_topics BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_sources_history_insert AFTER INSERT ON meeting_sources BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_sources_history_update AFTER UPDATE ON meeting_sources BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.meeting_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', NEW.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER meeting_sources_history_delete AFTER DELETE ON meeting_sources BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('meeting', OLD.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_history_insert AFTER INSERT ON initiative_steps BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', NEW.initiative_id); END;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_history_update AFTER UPDATE ON initiative_steps BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', OLD.initiative_id); INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', NEW.initiative_id); END;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_history_delete AFTER DELETE ON initiative_steps BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) VALUES ('initiative', OLD.initiative_id); END;
--> statement-breakpoint
CREATE TRIGGER relation_step_signatories_history_insert AFTER INSERT ON relation_step_signatories BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) SELECT 'relation', relation_id FROM relation_steps WHERE id = NEW.step_id; END;
--> statement-breakpoint
CREATE TRIGGER relation_step_signatories_history_update AFTER UPDATE ON relation_step_signatories BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) SELECT 'relation', relation_id FROM relation_steps WHERE id = OLD.step_id; INSERT OR IGNORE INTO pending_changes (record_type, record_id) SELECT 'relation', relation_id FROM relation_steps WHERE id = NEW.step_id; END;
--> statement-breakpoint
CREATE TRIGGER relation_step_signatories_history_delete AFTER DELETE ON relation_step_signatories BEGIN INSERT OR IGNORE INTO pending_changes (record_type, record_id) SELECT 'relation', relation_id FROM relation_steps WHERE id = OLD.step_id; END;
--> statement-breakpoint
-- The history and the security log are append-only, whatever code runs against the file.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER security_log_no_update BEFORE UPDATE ON security_log BEGIN SELECT RAISE(ABORT, 'the security log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER security_log_no_delete BEFORE DELETE ON security_log BEGIN SELECT RAISE(ABORT, 'the security log is append-only'); END;
