import { randomBytes } from "node:crypto";
import { loadConfig } from "../server/config.js";
import { createUsersService } from "../server/modules/accounts/index.js";
import { createOrgService } from "../server/modules/orgs/index.js";
import { systemActor, verifyAuditChain } from "../server/platform/audit.js";
import { createPersonalDataCipher, loadOrCreateSecret } from "../server/platform/crypto.js";
import { type Database, openDatabase } from "../server/platform/db.js";

const USAGE = `用法 / usage: banshi <命令>

  verify-audit                       重新计算审计哈希链，指出第一条被篡改的记录
  create-admin <用户名> <姓名>        在省教育厅下新建系统管理员（密码取 ADMIN_PASSWORD，未设则随机生成并打印）

数据库与数据目录取自与服务器相同的环境变量（DATABASE_URL、DATA_DIR）。`;

type Output = { out: (line: string) => void; err: (line: string) => void };

/** Runs one command and returns the process exit code. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  const [command, ...rest] = args;
  if (command !== "verify-audit" && command !== "create-admin") {
    io.err(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    if (command === "verify-audit") return await verifyAudit(database, io);
    return await createAdmin(database, config, rest, env.ADMIN_PASSWORD, io);
  } finally {
    await database.close();
  }
}

async function verifyAudit(database: Database, io: Output): Promise<number> {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    io.out(`审计链完整：共校验 ${result.checked} 条记录。`);
    return 0;
  }
  const { seq, id, reason } = result.brokenAt;
  io.err(`审计链已损坏：第 ${seq} 条记录（${id}）${reason}。此前 ${result.checked} 条记录完好。`);
  return 1;
}

async function createAdmin(
  database: Database,
  config: ReturnType<typeof loadConfig>,
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
  const cipher = createPersonalDataCipher(loadOrCreateSecret(config.dataDir, config.secretKey));
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
