import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillEditions } from '../../editions/record'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`editions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`report_id\` integer,
  	\`report_key\` text NOT NULL,
  	\`number\` numeric NOT NULL,
  	\`published_at\` text NOT NULL,
  	\`published_by\` text,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`subject\` text,
  	\`compiled_at\` text,
  	\`audience\` text DEFAULT 'internal' NOT NULL,
  	\`content\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`sha256\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`editions_report_idx\` ON \`editions\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`editions_report_key_idx\` ON \`editions\` (\`report_key\`);`)
  await db.run(sql`CREATE INDEX \`editions_number_idx\` ON \`editions\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`editions_published_at_idx\` ON \`editions\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`editions_slug_idx\` ON \`editions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`editions_subject_idx\` ON \`editions\` (\`subject\`);`)
  await db.run(sql`CREATE INDEX \`editions_compiled_at_idx\` ON \`editions\` (\`compiled_at\`);`)
  await db.run(sql`CREATE INDEX \`editions_audience_idx\` ON \`editions\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`editions_updated_at_idx\` ON \`editions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`editions_created_at_idx\` ON \`editions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`reportKey_number_idx\` ON \`editions\` (\`report_key\`,\`number\`);`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`record_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`reports_record_key_idx\` ON \`reports\` (\`record_key\`);`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_record_key\` text;`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_record_key_idx\` ON \`_reports_v\` (\`version_record_key\`);`)
  // Hand-written data step: existing reports get a record key, published ones edition 1 of their current content.
  await backfillEditions(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`editions\`;`)
  await db.run(sql`DROP INDEX \`reports_record_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`record_key\`;`)
  await db.run(sql`DROP INDEX \`_reports_v_version_version_record_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_record_key\`;`)
}
