import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reports_distribution" AS ENUM('politicalLeadership', 'managers', 'intranet', 'publicWebsite');
  CREATE TYPE "public"."enum_reports_compiledat_tz" AS ENUM('Europe/Stockholm');
  CREATE TYPE "public"."enum_reports_audience" AS ENUM('internal', 'public');
  CREATE TYPE "public"."enum_reports_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__reports_v_version_distribution" AS ENUM('politicalLeadership', 'managers', 'intranet', 'publicWebsite');
  CREATE TYPE "public"."enum__reports_v_version_compiledat_tz" AS ENUM('Europe/Stockholm');
  CREATE TYPE "public"."enum__reports_v_version_audience" AS ENUM('internal', 'public');
  CREATE TYPE "public"."enum__reports_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_sections_kind" AS ENUM('situationSummary', 'communicationSituation', 'organisationComment', 'about', 'other');
  CREATE TYPE "public"."enum_sections_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__sections_v_version_kind" AS ENUM('situationSummary', 'communicationSituation', 'organisationComment', 'about', 'other');
  CREATE TYPE "public"."enum__sections_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_communication_actions_channel" AS ENUM('intranetArticle', 'newsArticle', 'pressRelease', 'externalSite', 'socialMedia', 'other');
  CREATE TYPE "public"."enum_communication_actions_audience" AS ENUM('internal', 'public');
  CREATE TYPE "public"."enum_communication_actions_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__communication_actions_v_version_channel" AS ENUM('intranetArticle', 'newsArticle', 'pressRelease', 'externalSite', 'socialMedia', 'other');
  CREATE TYPE "public"."enum__communication_actions_v_version_audience" AS ENUM('internal', 'public');
  CREATE TYPE "public"."enum__communication_actions_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_spokespersons_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__spokespersons_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'publisher', 'editor', 'reader');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'draft', 'publish', 'unpublish', 'delete', 'restore');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('sending', 'delivered', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverWebhook', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverWebhook', 'schedulePublish');
  CREATE TABLE "reports_distribution" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_reports_distribution",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "reports_collected_information" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"subject" varchar,
  	"compiled_at" timestamp(3) with time zone,
  	"compiledat_tz" "enum_reports_compiledat_tz" DEFAULT 'Europe/Stockholm',
  	"slug" varchar,
  	"audience" "enum_reports_audience" DEFAULT 'internal',
  	"compiled_by" varchar,
  	"commissioned_by" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_reports_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "reports_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sections_id" integer,
  	"communication_actions_id" integer,
  	"spokespersons_id" integer
  );
  
  CREATE TABLE "_reports_v_version_distribution" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__reports_v_version_distribution",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_reports_v_version_collected_information" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_reports_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_subject" varchar,
  	"version_compiled_at" timestamp(3) with time zone,
  	"version_compiledat_tz" "enum__reports_v_version_compiledat_tz" DEFAULT 'Europe/Stockholm',
  	"version_slug" varchar,
  	"version_audience" "enum__reports_v_version_audience" DEFAULT 'internal',
  	"version_compiled_by" varchar,
  	"version_commissioned_by" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__reports_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_reports_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sections_id" integer,
  	"communication_actions_id" integer,
  	"spokespersons_id" integer
  );
  
  CREATE TABLE "sections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"kind" "enum_sections_kind" DEFAULT 'other',
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_sections_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_sections_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_kind" "enum__sections_v_version_kind" DEFAULT 'other',
  	"version_body" jsonb,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__sections_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "communication_actions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"title" varchar,
  	"url" varchar,
  	"channel" "enum_communication_actions_channel",
  	"audience" "enum_communication_actions_audience" DEFAULT 'internal',
  	"summary" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_communication_actions_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_communication_actions_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_date" timestamp(3) with time zone,
  	"version_title" varchar,
  	"version_url" varchar,
  	"version_channel" "enum__communication_actions_v_version_channel",
  	"version_audience" "enum__communication_actions_v_version_audience" DEFAULT 'internal',
  	"version_summary" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__communication_actions_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "spokespersons" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"title" varchar,
  	"organisation" varchar,
  	"email" varchar,
  	"phone" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_spokespersons_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_spokespersons_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar,
  	"version_title" varchar,
  	"version_organisation" varchar,
  	"version_email" varchar,
  	"version_phone" varchar,
  	"version_active" boolean DEFAULT true,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__spokespersons_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"summary" varchar,
  	"user_id" integer,
  	"user_email" varchar,
  	"changed_fields" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event" varchar NOT NULL,
  	"report_id" varchar NOT NULL,
  	"delivery_id" varchar NOT NULL,
  	"attempt" numeric NOT NULL,
  	"attempt_key" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"status" "enum_webhook_deliveries_status" NOT NULL,
  	"http_status" numeric,
  	"error" varchar,
  	"duration_ms" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"reports_id" integer,
  	"sections_id" integer,
  	"communication_actions_id" integer,
  	"spokespersons_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "reports_distribution" ADD CONSTRAINT "reports_distribution_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_collected_information" ADD CONSTRAINT "reports_collected_information_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_communication_actions_fk" FOREIGN KEY ("communication_actions_id") REFERENCES "public"."communication_actions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_spokespersons_fk" FOREIGN KEY ("spokespersons_id") REFERENCES "public"."spokespersons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_reports_v_version_distribution" ADD CONSTRAINT "_reports_v_version_distribution_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_reports_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_reports_v_version_collected_information" ADD CONSTRAINT "_reports_v_version_collected_information_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_reports_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_reports_v" ADD CONSTRAINT "_reports_v_parent_id_reports_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_reports_v_rels" ADD CONSTRAINT "_reports_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_reports_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_reports_v_rels" ADD CONSTRAINT "_reports_v_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_reports_v_rels" ADD CONSTRAINT "_reports_v_rels_communication_actions_fk" FOREIGN KEY ("communication_actions_id") REFERENCES "public"."communication_actions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_reports_v_rels" ADD CONSTRAINT "_reports_v_rels_spokespersons_fk" FOREIGN KEY ("spokespersons_id") REFERENCES "public"."spokespersons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_sections_v" ADD CONSTRAINT "_sections_v_parent_id_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_communication_actions_v" ADD CONSTRAINT "_communication_actions_v_parent_id_communication_actions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."communication_actions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_spokespersons_v" ADD CONSTRAINT "_spokespersons_v_parent_id_spokespersons_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."spokespersons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reports_fk" FOREIGN KEY ("reports_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_communication_actions_fk" FOREIGN KEY ("communication_actions_id") REFERENCES "public"."communication_actions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_spokespersons_fk" FOREIGN KEY ("spokespersons_id") REFERENCES "public"."spokespersons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "reports_distribution_order_idx" ON "reports_distribution" USING btree ("order");
  CREATE INDEX "reports_distribution_parent_idx" ON "reports_distribution" USING btree ("parent_id");
  CREATE INDEX "reports_collected_information_order_idx" ON "reports_collected_information" USING btree ("_order");
  CREATE INDEX "reports_collected_information_parent_id_idx" ON "reports_collected_information" USING btree ("_parent_id");
  CREATE INDEX "reports_compiled_at_idx" ON "reports" USING btree ("compiled_at");
  CREATE UNIQUE INDEX "reports_slug_idx" ON "reports" USING btree ("slug");
  CREATE INDEX "reports_audience_idx" ON "reports" USING btree ("audience");
  CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");
  CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");
  CREATE INDEX "reports__status_idx" ON "reports" USING btree ("_status");
  CREATE INDEX "_status_compiledAt_createdAt_idx" ON "reports" USING btree ("_status","compiled_at","created_at");
  CREATE INDEX "reports_rels_order_idx" ON "reports_rels" USING btree ("order");
  CREATE INDEX "reports_rels_parent_idx" ON "reports_rels" USING btree ("parent_id");
  CREATE INDEX "reports_rels_path_idx" ON "reports_rels" USING btree ("path");
  CREATE INDEX "reports_rels_sections_id_idx" ON "reports_rels" USING btree ("sections_id");
  CREATE INDEX "reports_rels_communication_actions_id_idx" ON "reports_rels" USING btree ("communication_actions_id");
  CREATE INDEX "reports_rels_spokespersons_id_idx" ON "reports_rels" USING btree ("spokespersons_id");
  CREATE INDEX "_reports_v_version_distribution_order_idx" ON "_reports_v_version_distribution" USING btree ("order");
  CREATE INDEX "_reports_v_version_distribution_parent_idx" ON "_reports_v_version_distribution" USING btree ("parent_id");
  CREATE INDEX "_reports_v_version_collected_information_order_idx" ON "_reports_v_version_collected_information" USING btree ("_order");
  CREATE INDEX "_reports_v_version_collected_information_parent_id_idx" ON "_reports_v_version_collected_information" USING btree ("_parent_id");
  CREATE INDEX "_reports_v_parent_idx" ON "_reports_v" USING btree ("parent_id");
  CREATE INDEX "_reports_v_version_version_compiled_at_idx" ON "_reports_v" USING btree ("version_compiled_at");
  CREATE INDEX "_reports_v_version_version_slug_idx" ON "_reports_v" USING btree ("version_slug");
  CREATE INDEX "_reports_v_version_version_audience_idx" ON "_reports_v" USING btree ("version_audience");
  CREATE INDEX "_reports_v_version_version_updated_at_idx" ON "_reports_v" USING btree ("version_updated_at");
  CREATE INDEX "_reports_v_version_version_created_at_idx" ON "_reports_v" USING btree ("version_created_at");
  CREATE INDEX "_reports_v_version_version__status_idx" ON "_reports_v" USING btree ("version__status");
  CREATE INDEX "_reports_v_created_at_idx" ON "_reports_v" USING btree ("created_at");
  CREATE INDEX "_reports_v_updated_at_idx" ON "_reports_v" USING btree ("updated_at");
  CREATE INDEX "_reports_v_latest_idx" ON "_reports_v" USING btree ("latest");
  CREATE INDEX "_reports_v_autosave_idx" ON "_reports_v" USING btree ("autosave");
  CREATE INDEX "version__status_version_compiledAt_version_createdAt_idx" ON "_reports_v" USING btree ("version__status","version_compiled_at","version_created_at");
  CREATE INDEX "_reports_v_rels_order_idx" ON "_reports_v_rels" USING btree ("order");
  CREATE INDEX "_reports_v_rels_parent_idx" ON "_reports_v_rels" USING btree ("parent_id");
  CREATE INDEX "_reports_v_rels_path_idx" ON "_reports_v_rels" USING btree ("path");
  CREATE INDEX "_reports_v_rels_sections_id_idx" ON "_reports_v_rels" USING btree ("sections_id");
  CREATE INDEX "_reports_v_rels_communication_actions_id_idx" ON "_reports_v_rels" USING btree ("communication_actions_id");
  CREATE INDEX "_reports_v_rels_spokespersons_id_idx" ON "_reports_v_rels" USING btree ("spokespersons_id");
  CREATE INDEX "sections_kind_idx" ON "sections" USING btree ("kind");
  CREATE INDEX "sections_updated_at_idx" ON "sections" USING btree ("updated_at");
  CREATE INDEX "sections_created_at_idx" ON "sections" USING btree ("created_at");
  CREATE INDEX "sections__status_idx" ON "sections" USING btree ("_status");
  CREATE INDEX "_sections_v_parent_idx" ON "_sections_v" USING btree ("parent_id");
  CREATE INDEX "_sections_v_version_version_kind_idx" ON "_sections_v" USING btree ("version_kind");
  CREATE INDEX "_sections_v_version_version_updated_at_idx" ON "_sections_v" USING btree ("version_updated_at");
  CREATE INDEX "_sections_v_version_version_created_at_idx" ON "_sections_v" USING btree ("version_created_at");
  CREATE INDEX "_sections_v_version_version__status_idx" ON "_sections_v" USING btree ("version__status");
  CREATE INDEX "_sections_v_created_at_idx" ON "_sections_v" USING btree ("created_at");
  CREATE INDEX "_sections_v_updated_at_idx" ON "_sections_v" USING btree ("updated_at");
  CREATE INDEX "_sections_v_latest_idx" ON "_sections_v" USING btree ("latest");
  CREATE INDEX "_sections_v_autosave_idx" ON "_sections_v" USING btree ("autosave");
  CREATE INDEX "communication_actions_date_idx" ON "communication_actions" USING btree ("date");
  CREATE INDEX "communication_actions_audience_idx" ON "communication_actions" USING btree ("audience");
  CREATE INDEX "communication_actions_updated_at_idx" ON "communication_actions" USING btree ("updated_at");
  CREATE INDEX "communication_actions_created_at_idx" ON "communication_actions" USING btree ("created_at");
  CREATE INDEX "communication_actions__status_idx" ON "communication_actions" USING btree ("_status");
  CREATE INDEX "_communication_actions_v_parent_idx" ON "_communication_actions_v" USING btree ("parent_id");
  CREATE INDEX "_communication_actions_v_version_version_date_idx" ON "_communication_actions_v" USING btree ("version_date");
  CREATE INDEX "_communication_actions_v_version_version_audience_idx" ON "_communication_actions_v" USING btree ("version_audience");
  CREATE INDEX "_communication_actions_v_version_version_updated_at_idx" ON "_communication_actions_v" USING btree ("version_updated_at");
  CREATE INDEX "_communication_actions_v_version_version_created_at_idx" ON "_communication_actions_v" USING btree ("version_created_at");
  CREATE INDEX "_communication_actions_v_version_version__status_idx" ON "_communication_actions_v" USING btree ("version__status");
  CREATE INDEX "_communication_actions_v_created_at_idx" ON "_communication_actions_v" USING btree ("created_at");
  CREATE INDEX "_communication_actions_v_updated_at_idx" ON "_communication_actions_v" USING btree ("updated_at");
  CREATE INDEX "_communication_actions_v_latest_idx" ON "_communication_actions_v" USING btree ("latest");
  CREATE INDEX "_communication_actions_v_autosave_idx" ON "_communication_actions_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "spokespersons_name_idx" ON "spokespersons" USING btree ("name");
  CREATE INDEX "spokespersons_updated_at_idx" ON "spokespersons" USING btree ("updated_at");
  CREATE INDEX "spokespersons_created_at_idx" ON "spokespersons" USING btree ("created_at");
  CREATE INDEX "spokespersons__status_idx" ON "spokespersons" USING btree ("_status");
  CREATE INDEX "_spokespersons_v_parent_idx" ON "_spokespersons_v" USING btree ("parent_id");
  CREATE INDEX "_spokespersons_v_version_version_name_idx" ON "_spokespersons_v" USING btree ("version_name");
  CREATE INDEX "_spokespersons_v_version_version_updated_at_idx" ON "_spokespersons_v" USING btree ("version_updated_at");
  CREATE INDEX "_spokespersons_v_version_version_created_at_idx" ON "_spokespersons_v" USING btree ("version_created_at");
  CREATE INDEX "_spokespersons_v_version_version__status_idx" ON "_spokespersons_v" USING btree ("version__status");
  CREATE INDEX "_spokespersons_v_created_at_idx" ON "_spokespersons_v" USING btree ("created_at");
  CREATE INDEX "_spokespersons_v_updated_at_idx" ON "_spokespersons_v" USING btree ("updated_at");
  CREATE INDEX "_spokespersons_v_latest_idx" ON "_spokespersons_v" USING btree ("latest");
  CREATE INDEX "_spokespersons_v_autosave_idx" ON "_spokespersons_v" USING btree ("autosave");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_collection_slug_idx" ON "audit_log" USING btree ("collection_slug");
  CREATE INDEX "audit_log_document_id_idx" ON "audit_log" USING btree ("document_id");
  CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("event");
  CREATE INDEX "webhook_deliveries_report_id_idx" ON "webhook_deliveries" USING btree ("report_id");
  CREATE INDEX "webhook_deliveries_delivery_id_idx" ON "webhook_deliveries" USING btree ("delivery_id");
  CREATE UNIQUE INDEX "webhook_deliveries_attempt_key_idx" ON "webhook_deliveries" USING btree ("attempt_key");
  CREATE INDEX "webhook_deliveries_status_idx" ON "webhook_deliveries" USING btree ("status");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("reports_id");
  CREATE INDEX "payload_locked_documents_rels_sections_id_idx" ON "payload_locked_documents_rels" USING btree ("sections_id");
  CREATE INDEX "payload_locked_documents_rels_communication_actions_id_idx" ON "payload_locked_documents_rels" USING btree ("communication_actions_id");
  CREATE INDEX "payload_locked_documents_rels_spokespersons_id_idx" ON "payload_locked_documents_rels" USING btree ("spokespersons_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "reports_distribution" CASCADE;
  DROP TABLE "reports_collected_information" CASCADE;
  DROP TABLE "reports" CASCADE;
  DROP TABLE "reports_rels" CASCADE;
  DROP TABLE "_reports_v_version_distribution" CASCADE;
  DROP TABLE "_reports_v_version_collected_information" CASCADE;
  DROP TABLE "_reports_v" CASCADE;
  DROP TABLE "_reports_v_rels" CASCADE;
  DROP TABLE "sections" CASCADE;
  DROP TABLE "_sections_v" CASCADE;
  DROP TABLE "communication_actions" CASCADE;
  DROP TABLE "_communication_actions_v" CASCADE;
  DROP TABLE "spokespersons" CASCADE;
  DROP TABLE "_spokespersons_v" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_reports_distribution";
  DROP TYPE "public"."enum_reports_compiledat_tz";
  DROP TYPE "public"."enum_reports_audience";
  DROP TYPE "public"."enum_reports_status";
  DROP TYPE "public"."enum__reports_v_version_distribution";
  DROP TYPE "public"."enum__reports_v_version_compiledat_tz";
  DROP TYPE "public"."enum__reports_v_version_audience";
  DROP TYPE "public"."enum__reports_v_version_status";
  DROP TYPE "public"."enum_sections_kind";
  DROP TYPE "public"."enum_sections_status";
  DROP TYPE "public"."enum__sections_v_version_kind";
  DROP TYPE "public"."enum__sections_v_version_status";
  DROP TYPE "public"."enum_communication_actions_channel";
  DROP TYPE "public"."enum_communication_actions_audience";
  DROP TYPE "public"."enum_communication_actions_status";
  DROP TYPE "public"."enum__communication_actions_v_version_channel";
  DROP TYPE "public"."enum__communication_actions_v_version_audience";
  DROP TYPE "public"."enum__communication_actions_v_version_status";
  DROP TYPE "public"."enum_spokespersons_status";
  DROP TYPE "public"."enum__spokespersons_v_version_status";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_webhook_deliveries_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
