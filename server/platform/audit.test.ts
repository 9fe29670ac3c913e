import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_SECRET_KEY } from "../test/harness.js";
import {
  type AuditCheckpoint,
  appendAudit,
  auditKeyOf,
  auditLog,
  GENESIS_HASH,
  rechainLegacyEntries,
  systemActor,
  verifyAuditChain,
} from "./audit.js";
import { fileCheckpointSink, latestCheckpoint, writeCheckpoint } from "./audit-checkpoints.js";
import { canonicalJson } from "./canonical-json.js";
import { sm3 } from "./crypto.js";

const key = auditKeyOf(TEST_SECRET_KEY);
const step = (i: number | string) => ({
  action: "test.step",
  targetType: "test",
  targetId: String(i),
  summary: `第 ${i} 步`,
  after: { i },
});

describe("audit chain", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    for (let i = 1; i <= 5; i++) {
      await appendAudit(database.db, systemActor, {
        action: "test.step",
        targetType: "test",
        targetId: String(i),
        summary: `第 ${i} 步`,
        after: { i },
      });
    }
  });
  afterAll(() => database.dispose());

  it("verifies an intact chain", async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5, checkpoint: null });
  });

  it("links each entry to the one before", async () => {
    const rows = await database.db.select().from(auditLog).orderBy(auditLog.seq);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
  });

  it("keeps one head when appends race", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        database.db.transaction((tx) =>
          appendAudit(tx, systemActor, { action: "test.race", targetType: "test", targetId: `r${i}`, summary: "并发" }),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 13, checkpoint: null });
  });

  it("names the first altered entry", async () => {
    const [third] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, "3"));
    await database.db
      .update(auditLog)
      .set({ summary: "被篡改" })
      .where(eq(auditLog.seq, third?.seq ?? -1));
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.brokenAt.seq).toBe(third?.seq);
    expect(result.checked).toBe(2);
  });

  it("notices a deleted entry", async () => {
    const [third] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, "3"));
    await database.db.execute(sql`delete from audit_log where seq = ${third?.seq ?? -1}`);
    const result = await verifyAuditChain(database.db);
    expect(result.ok === false && result.brokenAt.reason).toContain("链接");
  });
});

describe("audit chain against its keyed links and checkpoints", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let dataDir: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), "banshi-audit-"));
  });
  afterAll(async () => {
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function freshChain(entries: number) {
    await database.db.execute(sql`truncate audit_log`);
    rmSync(path.join(dataDir, "audit-checkpoints.jsonl"), { force: true });
    for (let i = 1; i <= entries; i++) await appendAudit(database.db, systemActor, step(i));
    const sink = fileCheckpointSink(dataDir);
    await writeCheckpoint(database.db, [sink]);
    return {
      verify: async () => verifyAuditChain(database.db, { key, checkpoint: await latestCheckpoint([sink], key) }),
    };
  }

  const rows = () => database.db.select().from(auditLog).orderBy(auditLog.seq);

  it("holds an intact chain against its checkpoint", async () => {
    const chain = await freshChain(6);
    await appendAudit(database.db, systemActor, step("after the checkpoint"));
    const result = await chain.verify();
    expect(result).toMatchObject({ ok: true, checked: 7, checkpoint: { count: 6 } });
  });

  it("reports a cut tail: the newest entries deleted leave a well-linked but shorter chain", async () => {
    const chain = await freshChain(6);
    const all = await rows();
    await database.db.execute(sql`delete from audit_log where seq >= ${all[4]?.seq ?? 0}`);
    const result = await chain.verify();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.checked).toBe(4);
    expect(result.brokenAt.id).toBe(all[5]?.id);
    expect(result.brokenAt.reason).toContain("第 5 条起的最新记录被删除");
  });

  it("reports a rewritten row even when its link is recomputed without the key", async () => {
    const chain = await freshChain(6);
    const third = (await rows())[2];
    if (!third) throw new Error("no third row");
    const { seq, hash: _hash, ...fields } = { ...third, summary: "被篡改" };
    // What an attacker with write access could do before links were keyed: recompute the plain SM3 link.
    const forged = sm3(`${fields.prevHash}|${canonicalJson({ ...fields, prevHash: undefined })}`);
    await database.db.update(auditLog).set({ summary: "被篡改", hash: forged }).where(eq(auditLog.seq, seq));
    const result = await chain.verify();
    expect(result.ok === false && result.brokenAt).toMatchObject({ seq, id: third.id });
    expect(result.ok === false && result.brokenAt.reason).toContain("被篡改");
  });

  it("reports a removed row in the middle", async () => {
    const chain = await freshChain(6);
    const all = await rows();
    await database.db.execute(sql`delete from audit_log where seq = ${all[2]?.seq ?? 0}`);
    const result = await chain.verify();
    expect(result.ok === false && result.brokenAt).toMatchObject({ seq: all[3]?.seq, id: all[3]?.id });
    expect(result.ok === false && result.brokenAt.reason).toContain("被删除");
  });

  it("ignores a checkpoint whose signature does not hold", async () => {
    const sink = fileCheckpointSink(dataDir);
    await freshChain(3);
    const [signed] = (await sink.read()) as AuditCheckpoint[];
    if (!signed) throw new Error("no checkpoint written");
    await sink.write({ ...signed, count: 99 });
    expect((await latestCheckpoint([sink], key))?.count).toBe(3);
  });

  it("keys a chain written before links were keyed, once, and only when it is intact", async () => {
    await database.db.execute(sql`truncate audit_log`);
    let prevHash = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) {
      const fields = {
        id: `0190000${i}-0000-7000-8000-000000000000`,
        at: new Date(),
        actorId: null,
        actorName: "系统",
        orgId: null,
        action: "legacy",
        targetType: "test",
        targetId: String(i),
        summary: "旧链",
        beforeDigest: null,
        afterDigest: null,
        prevHash,
      };
      const { prevHash: p, ...rest } = fields;
      const hash = sm3(`${p}|${canonicalJson(rest)}`);
      await database.db.insert(auditLog).values({ ...fields, hash });
      prevHash = hash;
    }
    expect((await verifyAuditChain(database.db, { key })).ok).toBe(false);
    expect(await database.db.transaction((tx) => rechainLegacyEntries(tx, key))).toBe(3);
    expect(await verifyAuditChain(database.db, { key })).toMatchObject({ ok: true, checked: 3 });
    // Already keyed: nothing to do the second time.
    expect(await database.db.transaction((tx) => rechainLegacyEntries(tx, key))).toBe(0);
  });
});
