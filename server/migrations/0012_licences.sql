CREATE TABLE "licence_uses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"licence_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_number" text,
	"item_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_name" text NOT NULL,
	"material_key" text NOT NULL,
	"material_name" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"item_id" uuid,
	"case_id" uuid,
	"holder_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"holder_id_encrypted" text,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"file_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licences_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "student_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"id_number_index" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"student_no" text NOT NULL,
	"college" text NOT NULL,
	"major" text NOT NULL,
	"level" text NOT NULL,
	"enrolled_on" date NOT NULL,
	"length_years" integer NOT NULL,
	"status" text NOT NULL,
	"courses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "bundle_case_id" uuid;--> statement-breakpoint
ALTER TABLE "licence_uses" ADD CONSTRAINT "licence_uses_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_records" ADD CONSTRAINT "student_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "licence_uses_material_idx" ON "licence_uses" USING btree ("case_id","material_key");--> statement-breakpoint
CREATE INDEX "licence_uses_holder_idx" ON "licence_uses" USING btree ("holder_id","consented_at");--> statement-breakpoint
CREATE INDEX "licence_uses_licence_idx" ON "licence_uses" USING btree ("licence_id");--> statement-breakpoint
CREATE INDEX "licences_holder_idx" ON "licences" USING btree ("holder_id","type");--> statement-breakpoint
CREATE INDEX "licences_case_idx" ON "licences" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "licences_org_idx" ON "licences" USING btree ("org_path" text_pattern_ops,"issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "student_records_person_idx" ON "student_records" USING btree ("id_number_index","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "student_records_number_idx" ON "student_records" USING btree ("org_id","student_no");--> statement-breakpoint
CREATE INDEX "cases_bundle_idx" ON "cases" USING btree ("bundle_case_id") WHERE bundle_case_id is not null;