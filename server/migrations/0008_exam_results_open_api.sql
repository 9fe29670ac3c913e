CREATE TABLE "partner_apps" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_encrypted" text NOT NULL,
	"scopes" text[] NOT NULL,
	"rate_limit" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exam" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"subjects" text[] DEFAULT '{}' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"publish_at" timestamp with time zone,
	"import_state" text DEFAULT 'none' NOT NULL,
	"import_file_name" text,
	"import_problem_count" integer DEFAULT 0 NOT NULL,
	"import_problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_message" text,
	"import_updated_at" timestamp with time zone,
	"imported_at" timestamp with time zone,
	"lookup_count" bigint DEFAULT 0 NOT NULL,
	"match_count" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_entries" (
	"batch_id" uuid NOT NULL,
	"exam_number" text NOT NULL,
	"person_index" text NOT NULL,
	"verifier" text NOT NULL,
	"scores" smallint[] DEFAULT '{}' NOT NULL,
	"total" integer,
	"university" text,
	"major" text,
	"admission_batch" text,
	CONSTRAINT "result_entries_batch_id_exam_number_pk" PRIMARY KEY("batch_id","exam_number")
);
--> statement-breakpoint
ALTER TABLE "result_entries" ADD CONSTRAINT "result_entries_batch_id_result_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."result_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_entries_person_idx" ON "result_entries" USING btree ("person_index");