import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq, gte } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { csvLine, GAOKAO_HEADER, sampleCandidates } from "../server/modules/demo/index.js";
import { auditLog } from "../server/platform/audit.js";
import { openDatabase } from "../server/platform/db.js";

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real command in its own process, as an operator would. */
async function banshi(...args: string[]) {
  // Embedded mode whatever the suite runs on: the command and this test share the data directory.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, ADMIN_PASSWORD: "Admin#Pass2026" };
  try {
    const { stdout, stderr } = await run("node", ["--import", "tsx", "cli/banshi.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("banshi CLI", () => {
  it("creates the first administrator and verifies the audit chain", async () => {
    const created = await banshi("create-admin", "root.admin", "初始管理员");
    expect(created.stdout).toContain("已创建系统管理员 root.admin");
    const verified = await banshi("verify-audit");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/审计链完整：共校验 \d+ 条记录/);
  }, 60_000);

  it("names the first broken entry after a row is altered", async () => {
    const database = openDatabase({ dataDir });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    await database.db
      .update(auditLog)
      .set({ actorName: "冒名者" })
      .where(eq(auditLog.seq, entry?.seq ?? -1));
    await database.close();
    const verified = await banshi("verify-audit");
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`第 ${entry?.seq} 条记录`);
    expect(verified.stderr).toContain("被篡改");
  }, 60_000);

  it("reports a cut tail: the newest entries deleted after they were checkpointed", async () => {
    const database = openDatabase({ dataDir });
    // Mend the row the previous test altered: delete everything from it, as an intruder covering tracks would.
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    await database.db.delete(auditLog).where(gte(auditLog.seq, entry?.seq ?? 0));
    await database.close();
    const verified = await banshi("verify-audit");
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain("最新记录被删除");
  }, 60_000);

  it("imports a results file all or nothing, naming each bad row", async () => {
    const lines = [...sampleCandidates(20, 11)].map((c) => c.cells);
    const file = path.join(dataDir, "2026高考成绩.csv");
    const broken = lines.map((cells, i) => (i === 4 ? [...cells.slice(0, 3), "200", ...cells.slice(4)] : cells));
    writeFileSync(file, [GAOKAO_HEADER, ...broken, ["123"]].map(csvLine).join("\n"));
    const refused = await banshi("import-results", file, "--exam", "gaokao");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("共 2 行有误，未导入任何数据");
    expect(refused.stderr).toContain("第 6 行：语文成绩“200”应为 0–150 之间的数（至多一位小数）");
    expect(refused.stderr).toContain("第 22 行：准考证号应为 6–20 位数字或字母");

    writeFileSync(file, [GAOKAO_HEADER, ...lines].map(csvLine).join("\n"));
    const at = "2026-06-25T12:00:00+08:00";
    const imported = await banshi(
      "import-results",
      file,
      "--exam",
      "gaokao",
      "--title",
      "2026年高考成绩",
      "--publish-at",
      at,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("已导入“2026年高考成绩”20 名考生");
    expect(imported.stdout).toContain("将于 2026-06-25T04:00:00.000Z 开放查询");
  }, 60_000);

  it("prints its usage for an unknown command", async () => {
    const result = await banshi("explode");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("verify-audit");
  });
});
