CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer,
	`relation_step_id` integer,
	`initiative_id` integer,
	`delegation_id` integer,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`uploaded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relation_step_id`) REFERENCES `relation_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "documents_one_parent" CHECK(("documents"."meeting_id" IS NOT NULL) + ("documents"."relation_step_id" IS NOT NULL) + ("documents"."initiative_id" IS NOT NULL) + ("documents"."delegation_id" IS NOT NULL) = 1),
	CONSTRAINT "documents_sha256" CHECK(length("documents"."sha256") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_meeting_file` ON `documents` (`meeting_id`,`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_relation_step_file` ON `documents` (`relation_step_id`,`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_initiative_file` ON `documents` (`initiative_id`,`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_delegation_file` ON `documents` (`delegation_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `documents_sha256` ON `documents` (`sha256`);--> statement-breakpoint
-- hand-written below
-- A document is an audited record of its own (db/history.ts): the same triggers as every
-- record's (migrations/0006, 0016), so its attaching, deletion (also when its parent goes, by
-- cascade) and restoring are in the history and the bin.
CREATE TRIGGER documents_history_insert AFTER INSERT ON documents BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('document', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
CREATE TRIGGER documents_history_update AFTER UPDATE ON documents BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('document', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
--> statement-breakpoint
CREATE TRIGGER documents_history_delete AFTER DELETE ON documents BEGIN INSERT INTO pending_changes (record_type, record_id, at) VALUES ('document', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO UPDATE SET at = excluded.at; END;
