import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXAMS, type Exam, RESULT_KINDS, type ResultKind } from "../common/vocabulary.js";
import { loadConfig } from "../server/config.js";
import { createUsersService } from "../server/modules/accounts/index.js";
import { createOrgService } from "../server/modules/orgs/index.js";
import { createResultsService } from "../server/modules/results/index.js";
import { auditKeyOf, setAuditKey, systemActor, verifyAuditChain } from "../server/platform/audit.js";
import {
  type CheckpointSink,
  checkpointSinks,
  latestCheckpoint,
  writeCheckpoint,
} from "../server/platform/audit-checkpoints.js";
import { asSystem } from "../server/platform/auth.js";
import { createPersonalDataCipher, loadOrCreateSecret, type PersonalDataCipher } from "../server/platform/crypto.js";
import { type Database, openDatabase } from "../server/platform/db.js";

const USAGE = `用法 / usage: banshi <命令>

  verify-audit                       重新计算审计哈希链，指出第一条被篡改的记录
  create-admin <用户名> <姓名>        在省教育厅下新建系统管理员（密码取 ADMIN_PASSWORD，未设则随机生成并打印）
  import-results <文件> --exam <考试>  导入考试院交来的成绩或录取文件（CSV 或 xlsx）：全部无误才导入，否则列出每一处错误
      --exam gaokao|zhongkao|xueye     考试（普通高考、中考、学业水平考试）
      --kind scores|admissions         成绩（默认）或录取结果
      --year <年份> --title <名称>     新建批次时的年份（默认今年）与名称
      --batch <批次编号>               导入到已有批次（更正后重新导入）
      --publish-at <时间>              导入成功后设定发布时间，如 2026-06-25T12:00:00+08:00

数据库与数据目录取自与服务器相同的环境变量（DATABASE_URL、DATA_DIR）。`;

type Output = { out: (line: string) => void; err: (line: string) => void };

/** Runs one command and returns the process exit code. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  const [command, ...rest] = args;
  if (command !== "verify-audit" && command !== "create-admin" && command !== "import-results") {
    io.err(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  const secret = loadOrCreateSecret(config.dataDir, config.secretKey);
  setAuditKey(secret);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const sinks = checkpointSinks(config);
  try {
    await database.migrate();
    if (command === "verify-audit") return await verifyAudit(database, auditKeyOf(secret), sinks, io);
    const code =
      command === "import-results"
        ? await importResults(database, createPersonalDataCipher(secret), rest, io)
        : await createAdmin(database, createPersonalDataCipher(secret), rest, env.ADMIN_PASSWORD, io);
    // What this command added to the audit chain is signed before it exits, as the server does periodically.
    await writeCheckpoint(database.db, sinks);
    return code;
  } finally {
    await database.close();
  }
}

async function verifyAudit(database: Database, key: Buffer, sinks: CheckpointSink[], io: Output): Promise<number> {
  const checkpoint = await latestCheckpoint(sinks, key);
  const result = await verifyAuditChain(database.db, { key, checkpoint });
  if (result.ok) {
    const against = result.checkpoint
      ? `，与 ${result.checkpoint.at} 的检查点（当时 ${result.checkpoint.count} 条）相符`
      : "（未找到检查点，无法发现被删除的最新记录）";
    io.out(`审计链完整：共校验 ${result.checked} 条记录${against}。`);
    return 0;
  }
  const { seq, id, reason } = result.brokenAt;
  io.err(`审计链已损坏：第 ${seq} 条记录（${id}）${reason}。此前 ${result.checked} 条记录完好。`);
  return 1;
}

async function createAdmin(
  database: Database,
  cipher: PersonalDataCipher,
  [username, name]: string[],
  givenPassword: string | undefined,
  io: Output,
): Promise<number> {
  if (!username || !name) {
    io.err(USAGE);
    return 2;
  }
  const orgs = createOrgService(database.db);
  await orgs.seedProvinceTree();
  const root = await orgs.findByNamePath(["黑龙江省教育厅"]);
  if (!root) throw new Error("province root missing after seeding");
  const users = createUsersService({ db: database.db, cipher, orgs });
  const password = givenPassword ?? `Bs#${randomBytes(9).toString("base64url")}`;
  await users.insertStaff(
    systemActor,
    { username, name, orgId: root.id, roles: ["system_admin"], password },
    { mustChangePassword: true },
  );
  io.out(
    `已创建系统管理员 ${username}（${name}）。${givenPassword ? "" : `初始密码：${password}，`}首次登录须修改密码。`,
  );
  return 0;
}

const cliActor = { id: null, name: "命令行导入", orgId: null };

async function importResults(
  database: Database,
  cipher: PersonalDataCipher,
  args: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      exam: { type: "string" },
      kind: { type: "string", default: "scores" },
      year: { type: "string", default: String(new Date().getFullYear()) },
      title: { type: "string" },
      batch: { type: "string" },
      "publish-at": { type: "string" },
    },
  });
  const [file] = positionals;
  const exam = values.exam as Exam;
  const kind = values.kind as ResultKind;
  const publishAt = values["publish-at"] ? new Date(values["publish-at"]) : null;
  if (!file || !EXAMS.includes(exam) || !RESULT_KINDS.includes(kind) || Number.isNaN(publishAt?.getTime())) {
    io.err(USAGE);
    return 2;
  }
  const results = createResultsService({ db: database.db, cipher, log: { info() {}, error() {} } });
  const batchId =
    values.batch ??
    (
      await results.create(asSystem(cliActor), {
        exam,
        kind,
        year: Number(values.year),
        title: values.title ?? path.basename(file),
      })
    ).id;
  const { run } = await results.beginImport(asSystem(cliActor), batchId, path.resolve(file), path.basename(file));
  const started = Date.now();
  const progress = setInterval(async () => {
    const { importProgress } = await results.get(asSystem(cliActor), batchId);
    if (importProgress !== null) io.out(`…已完成 ${importProgress}%`);
  }, 2000);
  const batch = await run().finally(() => clearInterval(progress));
  if (batch.importState !== "succeeded") {
    io.err(batch.importMessage ?? "导入失败");
    for (const problem of batch.importProblems) io.err(`  第 ${problem.row} 行：${problem.messages.join("；")}`);
    if (batch.importProblemCount > batch.importProblems.length) {
      io.err(`  ……另有 ${batch.importProblemCount - batch.importProblems.length} 行有误，未逐一列出`);
    }
    return 1;
  }
  if (publishAt) await results.setPublishAt(asSystem(cliActor), batchId, publishAt);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.out(`已导入“${batch.title}”${batch.rowCount} 名考生，用时 ${seconds} 秒。批次编号：${batchId}`);
  io.out(
    publishAt
      ? `将于 ${publishAt.toISOString()} 开放查询。`
      : "尚未设定发布时间：在管理页面或以 --publish-at 设定后才开放查询。",
  );
  return 0;
}
