import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reports_review_state" AS ENUM('none', 'ready', 'sentBack');
  CREATE TYPE "public"."enum__reports_v_version_review_state" AS ENUM('none', 'ready', 'sentBack');
  CREATE TYPE "public"."enum_distribution_lists_distribution" AS ENUM('politicalLeadership', 'managers', 'intranet', 'publicWebsite');
  CREATE TYPE "public"."enum_deliveries_kind" AS ENUM('edition', 'test');
  CREATE TYPE "public"."enum_deliveries_status" AS ENUM('queued', 'sending', 'retrying', 'sent', 'failed');
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'readyForReview';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'sentBack';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendEdition' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverEdition' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendEdition' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverEdition' BEFORE 'schedulePublish';
  CREATE TABLE "distribution_lists_recipients" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"organisation" varchar
  );
  
  CREATE TABLE "distribution_lists" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"distribution" "enum_distribution_lists_distribution" NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_deliveries_kind" DEFAULT 'edition' NOT NULL,
  	"delivery_key" varchar NOT NULL,
  	"edition_id" integer,
  	"report_id" integer,
  	"report_title" varchar,
  	"edition_number" numeric,
  	"list_id" integer,
  	"list_name" varchar,
  	"recipient_name" varchar,
  	"email" varchar NOT NULL,
  	"organisation" varchar,
  	"status" "enum_deliveries_status" DEFAULT 'queued' NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"smtp_response" varchar,
  	"error" varchar,
  	"message_id" varchar,
  	"last_attempt_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"requested_by" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "reports" ADD COLUMN "review_state" "enum_reports_review_state" DEFAULT 'none';
  ALTER TABLE "reports" ADD COLUMN "review_note" varchar;
  ALTER TABLE "reports" ADD COLUMN "review_by" varchar;
  ALTER TABLE "reports" ADD COLUMN "review_at" timestamp(3) with time zone;
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_state" "enum__reports_v_version_review_state" DEFAULT 'none';
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_note" varchar;
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_by" varchar;
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "distribution_lists_id" integer;
  ALTER TABLE "distribution_lists_recipients" ADD CONSTRAINT "distribution_lists_recipients_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."distribution_lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_list_id_distribution_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."distribution_lists"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "distribution_lists_recipients_order_idx" ON "distribution_lists_recipients" USING btree ("_order");
  CREATE INDEX "distribution_lists_recipients_parent_id_idx" ON "distribution_lists_recipients" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "distribution_lists_name_idx" ON "distribution_lists" USING btree ("name");
  CREATE INDEX "distribution_lists_distribution_idx" ON "distribution_lists" USING btree ("distribution");
  CREATE INDEX "distribution_lists_active_idx" ON "distribution_lists" USING btree ("active");
  CREATE INDEX "distribution_lists_updated_at_idx" ON "distribution_lists" USING btree ("updated_at");
  CREATE INDEX "distribution_lists_created_at_idx" ON "distribution_lists" USING btree ("created_at");
  CREATE UNIQUE INDEX "deliveries_delivery_key_idx" ON "deliveries" USING btree ("delivery_key");
  CREATE INDEX "deliveries_edition_idx" ON "deliveries" USING btree ("edition_id");
  CREATE INDEX "deliveries_report_idx" ON "deliveries" USING btree ("report_id");
  CREATE INDEX "deliveries_list_idx" ON "deliveries" USING btree ("list_id");
  CREATE INDEX "deliveries_email_idx" ON "deliveries" USING btree ("email");
  CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status");
  CREATE INDEX "deliveries_updated_at_idx" ON "deliveries" USING btree ("updated_at");
  CREATE INDEX "deliveries_created_at_idx" ON "deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_distribution_lists_fk" FOREIGN KEY ("distribution_lists_id") REFERENCES "public"."distribution_lists"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "reports_review_review_state_idx" ON "reports" USING btree ("review_state");
  CREATE INDEX "_reports_v_version_review_version_review_state_idx" ON "_reports_v" USING btree ("version_review_state");
  CREATE INDEX "payload_locked_documents_rels_distribution_lists_id_idx" ON "payload_locked_documents_rels" USING btree ("distribution_lists_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "distribution_lists_recipients" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "distribution_lists" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "distribution_lists_recipients" CASCADE;
  DROP TABLE "distribution_lists" CASCADE;
  DROP TABLE "deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_distribution_lists_fk";
  
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'draft', 'publish', 'unpublish', 'delete', 'restore', 'schedule', 'cancelSchedule');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "reports_review_review_state_idx";
  DROP INDEX "_reports_v_version_review_version_review_state_idx";
  DROP INDEX "payload_locked_documents_rels_distribution_lists_id_idx";
  ALTER TABLE "reports" DROP COLUMN "review_state";
  ALTER TABLE "reports" DROP COLUMN "review_note";
  ALTER TABLE "reports" DROP COLUMN "review_by";
  ALTER TABLE "reports" DROP COLUMN "review_at";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_state";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_note";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "distribution_lists_id";
  DROP TYPE "public"."enum_reports_review_state";
  DROP TYPE "public"."enum__reports_v_version_review_state";
  DROP TYPE "public"."enum_distribution_lists_distribution";
  DROP TYPE "public"."enum_deliveries_kind";
  DROP TYPE "public"."enum_deliveries_status";`)
}
