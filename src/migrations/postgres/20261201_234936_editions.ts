import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { backfillEditions } from '../../editions/record'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_editions_audience" AS ENUM('internal', 'public');
  CREATE TABLE "editions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"report_id" integer,
  	"report_key" varchar NOT NULL,
  	"number" numeric NOT NULL,
  	"published_at" timestamp(3) with time zone NOT NULL,
  	"published_by" varchar,
  	"title" varchar NOT NULL,
  	"slug" varchar,
  	"subject" varchar,
  	"compiled_at" timestamp(3) with time zone,
  	"audience" "enum_editions_audience" DEFAULT 'internal' NOT NULL,
  	"content" jsonb NOT NULL,
  	"text" varchar NOT NULL,
  	"sha256" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "reports" ADD COLUMN "record_key" varchar;
  ALTER TABLE "_reports_v" ADD COLUMN "version_record_key" varchar;
  ALTER TABLE "editions" ADD CONSTRAINT "editions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "editions_report_idx" ON "editions" USING btree ("report_id");
  CREATE INDEX "editions_report_key_idx" ON "editions" USING btree ("report_key");
  CREATE INDEX "editions_number_idx" ON "editions" USING btree ("number");
  CREATE INDEX "editions_published_at_idx" ON "editions" USING btree ("published_at");
  CREATE INDEX "editions_slug_idx" ON "editions" USING btree ("slug");
  CREATE INDEX "editions_subject_idx" ON "editions" USING btree ("subject");
  CREATE INDEX "editions_compiled_at_idx" ON "editions" USING btree ("compiled_at");
  CREATE INDEX "editions_audience_idx" ON "editions" USING btree ("audience");
  CREATE INDEX "editions_updated_at_idx" ON "editions" USING btree ("updated_at");
  CREATE INDEX "editions_created_at_idx" ON "editions" USING btree ("created_at");
  CREATE UNIQUE INDEX "reportKey_number_idx" ON "editions" USING btree ("report_key","number");
  CREATE UNIQUE INDEX "reports_record_key_idx" ON "reports" USING btree ("record_key");
  CREATE INDEX "_reports_v_version_version_record_key_idx" ON "_reports_v" USING btree ("version_record_key");`)
  // Hand-written data step: existing reports get a record key, published ones edition 1 of their current content.
  await backfillEditions(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "editions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "editions" CASCADE;
  DROP INDEX "reports_record_key_idx";
  DROP INDEX "_reports_v_version_version_record_key_idx";
  ALTER TABLE "reports" DROP COLUMN "record_key";
  ALTER TABLE "_reports_v" DROP COLUMN "version_record_key";
  DROP TYPE "public"."enum_editions_audience";`)
}
