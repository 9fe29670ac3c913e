CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sm3" text NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"visibility" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"basic_code" text NOT NULL,
	"code" text NOT NULL,
	"standard_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "items_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "power_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"power_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"responsibility" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "powers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_versions" ADD CONSTRAINT "item_versions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_versions" ADD CONSTRAINT "power_versions_power_id_powers_id_fk" FOREIGN KEY ("power_id") REFERENCES "public"."powers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers" ADD CONSTRAINT "powers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_sm3_idx" ON "files" USING btree ("sm3");--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_no_idx" ON "item_versions" USING btree ("item_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_one_draft_idx" ON "item_versions" USING btree ("item_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_one_published_idx" ON "item_versions" USING btree ("item_id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "item_versions_status_idx" ON "item_versions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "items_org_basic_code_idx" ON "items" USING btree ("org_id","basic_code");--> statement-breakpoint
CREATE INDEX "items_standard_idx" ON "items" USING btree ("standard_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "power_versions_no_idx" ON "power_versions" USING btree ("power_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "power_versions_one_draft_idx" ON "power_versions" USING btree ("power_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "power_versions_one_published_idx" ON "power_versions" USING btree ("power_id") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "powers_org_code_idx" ON "powers" USING btree ("org_id","code");