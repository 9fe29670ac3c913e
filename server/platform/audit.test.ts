import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/harness.js";
import { appendAudit, auditLog, systemActor, verifyAuditChain } from "./audit.js";

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
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
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
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 13 });
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
