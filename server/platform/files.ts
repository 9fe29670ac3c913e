import { createReadStream } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { randomToken, sm3 } from "./crypto.js";
import type { Db } from "./db.js";
import { AppError, errors } from "./errors.js";
import { type FileRow, files } from "./files.tables.js";

export { type FileRow, files };

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What may be uploaded: documents and scans people actually have. */
export const ALLOWED_MIME_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG 图片",
  "image/png": "PNG 图片",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word 文档",
  "application/msword": "Word 文档",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel 表格",
  "application/vnd.ms-excel": "Excel 表格",
};

/** Files on local disk under DATA_DIR/files, addressed by SM3 digest; rows in the `files` table. */
export function createFileStore(db: Db, root: string) {
  const pathOf = (digest: string) => path.join(root, digest.slice(0, 2), digest);

  async function save(input: {
    name: string;
    mimeType: string;
    data: Buffer;
    visibility: FileRow["visibility"];
    uploadedBy: string | null;
  }): Promise<FileRow> {
    if (!ALLOWED_MIME_TYPES[input.mimeType]) {
      throw new AppError("FILE_TYPE_NOT_ALLOWED", 415, "只能上传 PDF、JPEG、PNG、Word 或 Excel 文件");
    }
    if (input.data.length === 0) throw errors.validation("文件为空");
    if (input.data.length > MAX_FILE_BYTES) throw new AppError("FILE_TOO_LARGE", 413, "文件不能超过 20 MB");
    const digest = sm3(input.data);
    const target = pathOf(digest);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a reader never sees half a file, and two equal uploads race harmlessly.
    const temporary = `${target}.${randomToken(6)}.tmp`;
    await writeFile(temporary, input.data);
    await rename(temporary, target);
    const [row] = await db
      .insert(files)
      .values({
        id: uuidv7(),
        sm3: digest,
        name: input.name.slice(0, 200),
        mimeType: input.mimeType,
        size: input.data.length,
        visibility: input.visibility,
        uploadedBy: input.uploadedBy,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  }

  async function find(id: string): Promise<FileRow | undefined> {
    const [row] = await db.select().from(files).where(eq(files.id, id));
    return row;
  }

  function open(row: FileRow): Readable {
    return createReadStream(pathOf(row.sm3));
  }

  return { save, find, open };
}

export type FileStore = ReturnType<typeof createFileStore>;
