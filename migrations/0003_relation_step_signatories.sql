CREATE TABLE `relation_step_signatories` (
	`step_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`step_id`, `person_id`),
	FOREIGN KEY (`step_id`) REFERENCES `relation_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `relation_step_signatories_person` ON `relation_step_signatories` (`person_id`);