import { createReadStream } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { uuidv7 } from "uuidv7";
import { FILE_KIND_LABELS, FILE_KINDS, type FileKind } from "../../common/vocabulary.js";
import { randomToken, sm3 } from "./crypto.js";
import type { Db } from "./db.js";
import { AppError, errors } from "./errors.js";
import { type FileRow, files } from "./files.tables.js";

export { type FileRow, files };

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The content types of each kind of file people may upload: documents and scans they actually have. */
const MIME_TYPES: Record<FileKind, readonly string[]> = {
  pdf: ["application/pdf"],
  image: ["image/jpeg", "image/png"],
  word: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword"],
  excel: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"],
};

/**
 * The file's type as its bytes say, not its name: a renamed .exe is not a PDF. Old Office files (.doc, .xls) share one
 * container format, so for them the declared type decides between Word and Excel.
 */
export async function detectMimeType(data: Buffer, declared: string): Promise<string | null> {
  const detected = (await fileTypeFromBuffer(data))?.mime;
  if (detected === "application/x-cfb" && ["application/msword", "application/vnd.ms-excel"].includes(declared)) {
    return declared;
  }
  return detected ?? null;
}

/** Where the bytes of stored files live, addressed by their SM3 digest. */
export interface BlobStore {
  put(digest: string, data: Buffer): Promise<void>;
  get(digest: string): Promise<Readable>;
}

/** A folder, DATA_DIR/files by default. */
export function diskBlobStore(root: string): BlobStore {
  const pathOf = (digest: string) => path.join(root, digest.slice(0, 2), digest);
  return {
    async put(digest, data) {
      const target = pathOf(digest);
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a reader never sees half a file, and two equal uploads race harmlessly.
      const temporary = `${target}.${randomToken(6)}.tmp`;
      await writeFile(temporary, data);
      await rename(temporary, target);
    },
    async get(digest) {
      return createReadStream(pathOf(digest));
    },
  };
}

export type S3Settings = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** Objects by key in an S3-compatible bucket, with requests signed by AWS Signature V4. */
export function s3Objects(settings: S3Settings) {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
  });
  const urlOf = (key: string) => `${settings.endpoint.replace(/\/$/, "")}/${settings.bucket}/${key}`;
  return {
    async put(key: string, data: Buffer | string): Promise<void> {
      const response = await client.fetch(urlOf(key), { method: "PUT", body: data });
      if (!response.ok) throw new Error(`S3 PUT ${response.status}: ${await response.text()}`);
    },
    /** The object's response, or null when the bucket has no such key. */
    async get(key: string): Promise<Response | null> {
      const response = await client.fetch(urlOf(key));
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw new Error(`S3 GET ${response.status}`);
      return response;
    },
  };
}

/** An S3-compatible bucket (the province's object storage). */
export function s3BlobStore(settings: S3Settings): BlobStore {
  const objects = s3Objects(settings);
  const keyOf = (digest: string) => `${digest.slice(0, 2)}/${digest}`;
  return {
    put: (digest, data) => objects.put(keyOf(digest), data),
    async get(digest) {
      const response = await objects.get(keyOf(digest));
      if (!response) throw errors.notFound("文件");
      return Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
    },
  };
}

/** Stored files: their bytes in a BlobStore, their rows (name, type, size, digest, visibility) in `files`. */
export function createFileStore(db: Db, blobs: BlobStore) {
  /**
   * Stores a file whose content is of one of `kinds` and at most `maxBytes` long; the stored type is the detected one.
   * `within`: the caller's transaction, when the file belongs to a record written in it.
   */
  async function save(
    input: {
      name: string;
      mimeType: string;
      data: Buffer;
      visibility: FileRow["visibility"];
      uploadedBy: string | null;
      kinds?: readonly FileKind[];
      maxBytes?: number;
    },
    within: Db = db,
  ): Promise<FileRow> {
    const kinds = input.kinds ?? FILE_KINDS;
    const maxBytes = Math.min(input.maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
    if (input.data.length === 0) throw errors.validation("文件为空");
    if (input.data.length > maxBytes) {
      throw new AppError("FILE_TOO_LARGE", `文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB`);
    }
    const mimeType = await detectMimeType(input.data, input.mimeType);
    if (!mimeType || !kinds.some((k) => MIME_TYPES[k].includes(mimeType))) {
      throw new AppError(
        "FILE_TYPE_NOT_ALLOWED",
        `文件内容不是允许的类型，只能上传：${kinds.map((k) => FILE_KIND_LABELS[k]).join("、")}`,
      );
    }
    const digest = sm3(input.data);
    await blobs.put(digest, input.data);
    const [row] = await within
      .insert(files)
      .values({
        id: uuidv7(),
        sm3: digest,
        name: input.name.slice(0, 200),
        mimeType,
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

  function open(row: FileRow): Promise<Readable> {
    return blobs.get(row.sm3);
  }

  return { save, find, open };
}

export type FileStore = ReturnType<typeof createFileStore>;
