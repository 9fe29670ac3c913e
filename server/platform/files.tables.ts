import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Stored files. The bytes live on disk (DATA_DIR/files) under their SM3 digest, so the same file uploaded
 * twice is kept once and any change to a stored file is detectable.
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey(),
    sm3: text("sm3").notNull(),
    name: text("name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    /** public: blank forms and samples anyone may download; private: an applicant's materials. */
    visibility: text("visibility", { enum: ["public", "private"] }).notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_sm3_idx").on(t.sm3)],
);

export type FileRow = typeof files.$inferSelect;
