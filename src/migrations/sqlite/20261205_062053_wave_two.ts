import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`distribution_lists_recipients\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`organisation\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`distribution_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`distribution_lists_recipients_order_idx\` ON \`distribution_lists_recipients\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`distribution_lists_recipients_parent_id_idx\` ON \`distribution_lists_recipients\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`distribution_lists\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`distribution\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`distribution_lists_name_idx\` ON \`distribution_lists\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`distribution_lists_distribution_idx\` ON \`distribution_lists\` (\`distribution\`);`)
  await db.run(sql`CREATE INDEX \`distribution_lists_active_idx\` ON \`distribution_lists\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`distribution_lists_updated_at_idx\` ON \`distribution_lists\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`distribution_lists_created_at_idx\` ON \`distribution_lists\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'edition' NOT NULL,
  	\`delivery_key\` text NOT NULL,
  	\`edition_id\` integer,
  	\`report_id\` integer,
  	\`report_title\` text,
  	\`edition_number\` numeric,
  	\`list_id\` integer,
  	\`list_name\` text,
  	\`recipient_name\` text,
  	\`email\` text NOT NULL,
  	\`organisation\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`smtp_response\` text,
  	\`error\` text,
  	\`message_id\` text,
  	\`last_attempt_at\` text,
  	\`sent_at\` text,
  	\`requested_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`list_id\`) REFERENCES \`distribution_lists\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`deliveries_delivery_key_idx\` ON \`deliveries\` (\`delivery_key\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_edition_idx\` ON \`deliveries\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_report_idx\` ON \`deliveries\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_list_idx\` ON \`deliveries\` (\`list_id\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_email_idx\` ON \`deliveries\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_status_idx\` ON \`deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_updated_at_idx\` ON \`deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deliveries_created_at_idx\` ON \`deliveries\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_state\` text DEFAULT 'none';`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_by\` text;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_at\` text;`)
  await db.run(sql`CREATE INDEX \`reports_review_review_state_idx\` ON \`reports\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_state\` text DEFAULT 'none';`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_at\` text;`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_review_version_review_state_idx\` ON \`_reports_v\` (\`version_review_state\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`distribution_lists_id\` integer REFERENCES distribution_lists(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_distribution_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`distribution_lists_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`distribution_lists_recipients\`;`)
  await db.run(sql`DROP TABLE \`distribution_lists\`;`)
  await db.run(sql`DROP TABLE \`deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`reports_id\` integer,
  	\`sections_id\` integer,
  	\`communication_actions_id\` integer,
  	\`spokespersons_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communication_actions_id\`) REFERENCES \`communication_actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`spokespersons_id\`) REFERENCES \`spokespersons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "reports_id", "sections_id", "communication_actions_id", "spokespersons_id", "users_id") SELECT "id", "order", "parent_id", "path", "reports_id", "sections_id", "communication_actions_id", "spokespersons_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_communication_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`communication_actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_spokespersons_id_idx\` ON \`payload_locked_documents_rels\` (\`spokespersons_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`reports_review_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_note\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_by\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_at\`;`)
  await db.run(sql`DROP INDEX \`_reports_v_version_review_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_state\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_note\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_by\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_at\`;`)
}
