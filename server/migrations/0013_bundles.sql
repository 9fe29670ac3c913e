CREATE TABLE "bundle_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"bundle_id" uuid NOT NULL,
	"definition" jsonb NOT NULL,
	"applicant_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bundle_cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "bundle_counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundle_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bundle_case_id" uuid NOT NULL,
	"material_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundle_parts" (
	"bundle_case_id" uuid NOT NULL,
	"key" text NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "bundle_parts_bundle_case_id_key_pk" PRIMARY KEY("bundle_case_id","key"),
	CONSTRAINT "bundle_parts_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "bundles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bundles_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "bundle_cases" ADD CONSTRAINT "bundle_cases_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_cases" ADD CONSTRAINT "bundle_cases_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_files" ADD CONSTRAINT "bundle_files_bundle_case_id_bundle_cases_id_fk" FOREIGN KEY ("bundle_case_id") REFERENCES "public"."bundle_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_files" ADD CONSTRAINT "bundle_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_parts" ADD CONSTRAINT "bundle_parts_bundle_case_id_bundle_cases_id_fk" FOREIGN KEY ("bundle_case_id") REFERENCES "public"."bundle_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_parts" ADD CONSTRAINT "bundle_parts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundles" ADD CONSTRAINT "bundles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bundle_cases_idempotency_idx" ON "bundle_cases" USING btree ("applicant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "bundle_cases_applicant_idx" ON "bundle_cases" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "bundle_cases_running_idx" ON "bundle_cases" USING btree ("status") WHERE status = 'processing';--> statement-breakpoint
CREATE INDEX "bundle_files_case_idx" ON "bundle_files" USING btree ("bundle_case_id","material_key");--> statement-breakpoint
CREATE INDEX "bundles_org_idx" ON "bundles" USING btree ("org_path" text_pattern_ops);