import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../app.js";
import { systemActor } from "../../platform/audit.js";
import { asSystem } from "../../platform/auth.js";
import { createLogger } from "../../platform/logger.js";
import { startTestApp, type TestApp } from "../../test/harness.js";
import { csvLine, GAOKAO_HEADER, sampleCandidates } from "../demo/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const system = asSystem(systemActor);

describe("an import from the web", () => {
  it("is a job: queued before a restart, it is done by the server that starts next, and its file removed", async () => {
    // This server stops working jobs, as if it stopped right after answering the upload.
    await t.services.jobs.stop();
    const batch = await t.services.results.create(system, {
      exam: "gaokao",
      kind: "scores",
      year: 2026,
      title: "重启测试",
    });
    const uploads = path.join(t.config.dataDir, "uploads");
    await mkdir(uploads, { recursive: true });
    const file = path.join(uploads, "restart.csv");
    const lines = [GAOKAO_HEADER, ...[...sampleCandidates(20, 3)].map((c) => c.cells)];
    await writeFile(file, lines.map(csvLine).join("\n"));
    const queued = await t.services.results.queueImport(system, batch.id, file, "成绩.csv");
    expect(queued.importState).toBe("running");
    // Nothing in this process does the work: it waits in the queue.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await t.services.results.get(system, batch.id)).importState).toBe("running");

    const next = await buildApp({ config: t.config, database: t.database, logger: createLogger("silent", () => {}) });
    try {
      await vi.waitFor(
        async () => expect((await next.services.results.get(system, batch.id)).importState).toBe("succeeded"),
        { timeout: 20_000, interval: 100 },
      );
      expect((await next.services.results.get(system, batch.id)).rowCount).toBe(20);
      expect(existsSync(file)).toBe(false);
    } finally {
      await next.app.close();
    }
  }, 30_000);
});
