CREATE TABLE `delegation_members` (
	`delegation_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`delegation_id`, `person_id`),
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `delegation_members_person` ON `delegation_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `delegations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`organisation_id` integer,
	`leader_id` integer,
	`direction` text NOT NULL,
	`arrival` text,
	`arrival_precision` text DEFAULT 'unknown' NOT NULL,
	`arrival_approximate` integer DEFAULT false NOT NULL,
	`departure` text,
	`departure_precision` text DEFAULT 'unknown' NOT NULL,
	`departure_approximate` integer DEFAULT false NOT NULL,
	`purpose` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `delegations_partner` ON `delegations` (`partner_id`,`arrival`);--> statement-breakpoint
CREATE INDEX `delegations_organisation` ON `delegations` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `delegations_leader` ON `delegations` (`leader_id`);--> statement-breakpoint
CREATE TABLE `initiative_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`date` text,
	`date_precision` text DEFAULT 'unknown' NOT NULL,
	`date_approximate` integer DEFAULT false NOT NULL,
	`status` text,
	`note` text,
	`meeting_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "initiative_steps_has_content" CHECK("initiative_steps"."status" is not null or "initiative_steps"."note" is not null)
);
--> statement-breakpoint
CREATE INDEX `initiative_steps_initiative` ON `initiative_steps` (`initiative_id`,`date`);--> statement-breakpoint
CREATE INDEX `initiative_steps_meeting` ON `initiative_steps` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `initiatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_kk` text,
	`title_ru` text,
	`title_en` text,
	`description` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`owner_person_id` integer,
	`owner_organisation_id` integer,
	`due` text,
	`due_precision` text DEFAULT 'unknown' NOT NULL,
	`due_approximate` integer DEFAULT false NOT NULL,
	`partner_id` integer,
	`meeting_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "initiatives_has_title" CHECK(coalesce("initiatives"."title_kk", "initiatives"."title_ru", "initiatives"."title_en") is not null)
);
--> statement-breakpoint
CREATE INDEX `initiatives_status` ON `initiatives` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `initiatives_partner` ON `initiatives` (`partner_id`,`status`);--> statement-breakpoint
CREATE INDEX `initiatives_meeting` ON `initiatives` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `initiatives_owner` ON `initiatives` (`owner_person_id`);--> statement-breakpoint
CREATE INDEX `initiatives_owner_organisation` ON `initiatives` (`owner_organisation_id`);--> statement-breakpoint
CREATE TABLE `meeting_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`side` text NOT NULL,
	`role` text NOT NULL,
	`title_at_meeting` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_participants_meeting` ON `meeting_participants` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `meeting_participants_person` ON `meeting_participants` (`person_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_sources` (
	`meeting_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`meeting_id`, `source_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_sources_source` ON `meeting_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `meeting_topics` (
	`meeting_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`meeting_id`, `topic_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_topics_topic` ON `meeting_topics` (`topic_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text,
	`date_precision` text DEFAULT 'unknown' NOT NULL,
	`date_approximate` integer DEFAULT false NOT NULL,
	`start_time` text,
	`location` text,
	`host_organisation_id` integer,
	`partner_id` integer,
	`delegation_id` integer,
	`purpose` text,
	`summary` text,
	`language` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`host_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "meetings_time_format" CHECK("meetings"."start_time" is null or "meetings"."start_time" glob '[0-2][0-9]:[0-5][0-9]')
);
--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_partner_date` ON `meetings` (`partner_id`,`date`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_host` ON `meetings` (`host_organisation_id`);--> statement-breakpoint
CREATE INDEX `meetings_delegation` ON `meetings` (`delegation_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`parent_id` integer,
	`name_kk` text,
	`name_ru` text,
	`name_en` text,
	`sort_kk` text DEFAULT '' NOT NULL,
	`sort_ru` text DEFAULT '' NOT NULL,
	`sort_en` text DEFAULT '' NOT NULL,
	`name_native` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parent_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "organisations_has_name" CHECK(coalesce("organisations"."name_kk", "organisations"."name_ru", "organisations"."name_en", "organisations"."name_native") is not null)
);
--> statement-breakpoint
CREATE INDEX `organisations_partner` ON `organisations` (`partner_id`);--> statement-breakpoint
CREATE INDEX `organisations_parent` ON `organisations` (`parent_id`);--> statement-breakpoint
CREATE INDEX `organisations_sort_kk` ON `organisations` (`sort_kk`);--> statement-breakpoint
CREATE INDEX `organisations_sort_ru` ON `organisations` (`sort_ru`);--> statement-breakpoint
CREATE INDEX `organisations_sort_en` ON `organisations` (`sort_en`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`country_code` text NOT NULL,
	`name_kk` text,
	`name_ru` text,
	`name_en` text,
	`sort_kk` text DEFAULT '' NOT NULL,
	`sort_ru` text DEFAULT '' NOT NULL,
	`sort_en` text DEFAULT '' NOT NULL,
	`name_native` text,
	`wikidata_id` text,
	`is_home` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "partners_has_name" CHECK(coalesce("partners"."name_kk", "partners"."name_ru", "partners"."name_en", "partners"."name_native") is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_one_home` ON `partners` (`is_home`) WHERE "partners"."is_home" = 1;--> statement-breakpoint
CREATE INDEX `partners_sort_kk` ON `partners` (`sort_kk`);--> statement-breakpoint
CREATE INDEX `partners_sort_ru` ON `partners` (`sort_ru`);--> statement-breakpoint
CREATE INDEX `partners_sort_en` ON `partners` (`sort_en`);--> statement-breakpoint
CREATE INDEX `partners_country` ON `partners` (`country_code`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_kk` text,
	`name_ru` text,
	`name_en` text,
	`sort_kk` text DEFAULT '' NOT NULL,
	`sort_ru` text DEFAULT '' NOT NULL,
	`sort_en` text DEFAULT '' NOT NULL,
	`name_native` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "people_has_name" CHECK(coalesce("people"."name_kk", "people"."name_ru", "people"."name_en", "people"."name_native") is not null)
);
--> statement-breakpoint
CREATE INDEX `people_sort_kk` ON `people` (`sort_kk`);--> statement-breakpoint
CREATE INDEX `people_sort_ru` ON `people` (`sort_ru`);--> statement-breakpoint
CREATE INDEX `people_sort_en` ON `people` (`sort_en`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`title_kk` text,
	`title_ru` text,
	`title_en` text,
	`start` text,
	`start_precision` text DEFAULT 'unknown' NOT NULL,
	`start_approximate` integer DEFAULT false NOT NULL,
	`end` text,
	`end_precision` text DEFAULT 'unknown' NOT NULL,
	`end_approximate` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "posts_has_title" CHECK(coalesce("posts"."title_kk", "posts"."title_ru", "posts"."title_en") is not null)
);
--> statement-breakpoint
CREATE INDEX `posts_person` ON `posts` (`person_id`,`start`);--> statement-breakpoint
CREATE INDEX `posts_organisation` ON `posts` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `relation_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`relation_id` integer NOT NULL,
	`status` text NOT NULL,
	`date` text,
	`date_precision` text DEFAULT 'unknown' NOT NULL,
	`date_approximate` integer DEFAULT false NOT NULL,
	`note` text,
	`meeting_id` integer,
	`source_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `relation_steps_relation` ON `relation_steps` (`relation_id`,`date`);--> statement-breakpoint
CREATE INDEX `relation_steps_meeting` ON `relation_steps` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `relation_steps_source` ON `relation_steps` (`source_id`);--> statement-breakpoint
CREATE TABLE `relations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`type` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `relations_partner` ON `relations` (`partner_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text,
	`outlet` text,
	`title` text,
	`published` text,
	`published_precision` text DEFAULT 'unknown' NOT NULL,
	`published_approximate` integer DEFAULT false NOT NULL,
	`language` text,
	`text` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "sources_has_content" CHECK(coalesce("sources"."url", "sources"."outlet", "sources"."title", "sources"."text") is not null)
);
--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_kk` text,
	`name_ru` text,
	`name_en` text,
	`sort_kk` text DEFAULT '' NOT NULL,
	`sort_ru` text DEFAULT '' NOT NULL,
	`sort_en` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "topics_has_name" CHECK(coalesce("topics"."name_kk", "topics"."name_ru", "topics"."name_en") is not null)
);
--> statement-breakpoint
CREATE INDEX `topics_sort_kk` ON `topics` (`sort_kk`);--> statement-breakpoint
CREATE INDEX `topics_sort_ru` ON `topics` (`sort_ru`);--> statement-breakpoint
CREATE INDEX `topics_sort_en` ON `topics` (`sort_en`);