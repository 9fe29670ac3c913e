import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { sql } from "drizzle-orm";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_SECRET_KEY } from "../test/harness.js";
import { appendAudit, auditKeyOf, systemActor, verifyAuditChain } from "./audit.js";
import { latestCheckpoint, s3CheckpointSink, writeCheckpoint } from "./audit-checkpoints.js";
import { type BlobStore, createFileStore, diskBlobStore, s3BlobStore } from "./files.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const folder = mkdtempSync(path.join(tmpdir(), "banshi-files-"));
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let s3: S3rver;
let s3Url = "";

beforeAll(async () => {
  database = await openTestDatabase();
  // A real S3-compatible server on this machine, as the province's object storage would answer.
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(folder, "s3"),
    configureBuckets: [{ name: "banshi", configs: [] }],
  });
  const { port } = await s3.run();
  s3Url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3.close();
  await database.dispose();
  rmSync(folder, { recursive: true, force: true });
});

const bucket = () => ({
  endpoint: s3Url,
  bucket: "banshi",
  region: "us-east-1",
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
});

const stores: Array<[string, () => BlobStore]> = [
  ["a folder", () => diskBlobStore(path.join(folder, "disk"))],
  ["an S3 bucket", () => s3BlobStore(bucket())],
];

describe.each(stores)("files kept in %s", (_, blobs) => {
  it("stores a file under its SM3 digest, gives it back, and checks the type by content", async () => {
    const store = createFileStore(database.db, blobs());
    const row = await store.save({
      name: "申请书.pdf",
      mimeType: "application/octet-stream",
      data: PDF,
      visibility: "private",
      uploadedBy: null,
      kinds: ["pdf"],
    });
    expect(row).toMatchObject({ mimeType: "application/pdf", size: PDF.length, name: "申请书.pdf" });
    expect(await text(await store.open(row))).toBe(PDF.toString());
    await expect(
      store.save({
        name: "假.pdf",
        mimeType: "application/pdf",
        data: Buffer.from("MZ 可执行文件"),
        visibility: "private",
        uploadedBy: null,
      }),
    ).rejects.toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED" });
    await expect(
      store.save({
        name: "图.png",
        mimeType: "image/png",
        data: PDF,
        visibility: "private",
        uploadedBy: null,
        kinds: ["image"],
      }),
    ).rejects.toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", message: expect.stringContaining("JPEG 或 PNG 图片") });
  });
});

it("answers a missing object in the bucket as not found", async () => {
  const blobs = s3BlobStore(bucket());
  await expect(blobs.get("0".repeat(64))).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("keeps the audit chain's checkpoint in the bucket, where verification finds a cut tail", async () => {
  const sink = s3CheckpointSink(bucket());
  const key = auditKeyOf(TEST_SECRET_KEY);
  expect(await latestCheckpoint([sink], key)).toBeNull();
  for (let i = 0; i < 3; i++) {
    await appendAudit(database.db, systemActor, {
      action: "test.s3",
      targetType: "test",
      targetId: `${i}`,
      summary: "检查点",
    });
  }
  await writeCheckpoint(database.db, [sink]);
  const checkpoint = await latestCheckpoint([sink], key);
  expect(checkpoint?.count).toBe(3);
  await database.db.execute(sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
  const result = await verifyAuditChain(database.db, { key, checkpoint });
  expect(result.ok === false && result.brokenAt.reason).toContain("最新记录被删除");
});
