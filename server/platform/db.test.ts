import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_SECRET_KEY } from "../test/harness.js";
import { appendAudit, auditLog, setAuditKey, systemActor } from "./audit.js";
import { migrationLevel, openDatabase } from "./db.js";

describe("embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-db-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  setAuditKey(TEST_SECRET_KEY);

  it("keeps every record across a restart and applies no migration twice", async () => {
    const first = openDatabase({ dataDir });
    await first.migrate();
    const level = await migrationLevel(first.db);
    expect(level.applied).toBe(level.known);
    await appendAudit(first.db, systemActor, {
      action: "test.persist",
      targetType: "test",
      targetId: "1",
      summary: "重启前",
    });
    await first.close();

    const second = openDatabase({ dataDir });
    await second.migrate();
    expect(await migrationLevel(second.db)).toEqual(level);
    const rows = await second.db.select().from(auditLog);
    expect(rows.map((r) => r.summary)).toEqual(["重启前"]);
    await second.close();
  });
});
