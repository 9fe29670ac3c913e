import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { openDatabase } from "../server/platform/db.js";
import { createLogger } from "../server/platform/logger.js";

/** The server's OpenAPI document, as /api/docs/json serves it, from an app built on an empty embedded database. */
export async function openApiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-api-"));
  const database = openDatabase({ dataDir: null });
  try {
    await database.migrate();
    const config = { ...loadConfig({ DATA_DIR: dataDir }), webDir: dataDir };
    const { app } = await buildApp({ config, database, logger: createLogger("silent") });
    await app.ready();
    const spec = JSON.parse(JSON.stringify(app.swagger()));
    await app.close();
    return spec;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
