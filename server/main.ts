import { type App, buildApp, seedOnStart, warnIfDemoIsReachable } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./platform/db.js";
import { createLogger } from "./platform/logger.js";
import { scheduleEvery } from "./platform/schedule.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const built: App = await buildApp({ config, database, logger });
  await seedOnStart(built, config);
  warnIfDemoIsReachable(config, logger);
  const address = await built.app.listen({ port: config.port, host: config.host });
  const stopWarnings = scheduleEvery(database.db, logger, "case-warnings", config.warningSweepMinutes * 60_000, () =>
    built.services.cases.sweepWarnings(),
  );
  // The chain is signed into checkpoints outside the database once a minute, so a cut tail is caught.
  const stopCheckpoints = scheduleEvery(database.db, logger, "audit-checkpoint", 60_000, () =>
    built.services.audit.checkpoint(),
  );
  logger.info(
    { database: database.kind, demo: config.demo },
    `办事 Banshi 已启动：${address.replace("0.0.0.0", "localhost")}`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "正在停止：不再接受新请求，等待进行中的请求完成");
    stopWarnings();
    stopCheckpoints();
    // close() stops accepting, waits for in-flight requests, then runs onClose; the database closes last.
    await built.app.close();
    await built.services.audit.checkpoint().catch((err: unknown) => logger.error({ err }, "审计检查点写入失败"));
    await database.close();
    logger.info("已停止");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `启动失败 / start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
