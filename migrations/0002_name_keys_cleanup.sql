-- A record's name keys go with it, whoever deletes it (name_keys has no foreign key: it
-- serves four tables).
CREATE TRIGGER partners_name_keys_delete AFTER DELETE ON partners BEGIN
  DELETE FROM name_keys WHERE record_type = 'partner' AND record_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER organisations_name_keys_delete AFTER DELETE ON organisations BEGIN
  DELETE FROM name_keys WHERE record_type = 'organisation' AND record_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER people_name_keys_delete AFTER DELETE ON people BEGIN
  DELETE FROM name_keys WHERE record_type = 'person' AND record_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER topics_name_keys_delete AFTER DELETE ON topics BEGIN
  DELETE FROM name_keys WHERE record_type = 'topic' AND record_id = OLD.id;
END;
