import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, seedOnStart } from "./app.js";
import { loadConfig } from "./config.js";
import { SESSION_COOKIE } from "./modules/accounts/accounts.routes.js";
import { CSRF_COOKIE, CSRF_HEADER } from "./platform/csrf.js";
import { createLogger } from "./platform/logger.js";
import { harbinCatalog } from "./test/case-fixtures.js";
import { openTestDatabase, staffClient, type TestApp, TestClient } from "./test/harness.js";

/**
 * Durability on PostgreSQL (CI runs the suite once with DATABASE_URL set): the real server process takes concurrent
 * online submissions, each with its own idempotency key, and is killed with SIGKILL halfway. After a restart every
 * submission that was acknowledged (2xx) is there exactly once, whole; sending every request again with the same keys
 * returns the same cases and makes only those never committed, and a third time makes nothing at all.
 */

const SUBMISSIONS = 400;
const CONCURRENCY = 32;
const KILL_AFTER_ACKS = SUBMISSIONS / 2;

const serverUrl = process.env.DATABASE_URL;
let dataDir = "";
let databaseUrl = "";
let itemId = "";
let applicantId = "";
let cookie = "";
let csrf = "";

type Server = { process: ChildProcess; url: Promise<string>; exit: Promise<number | null>; output: () => string };

/** The real server from source, as `npm run dev` starts it, on this test's own database. */
function startServer(): Server {
  const child = spawn("node", ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      WEB_DIR: dataDir,
      PORT: "0",
      DEMO: "false",
      LOG_LEVEL: "info",
    },
  });
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // Only the start-up lines matter; the request log of hundreds of submissions is not kept.
      if (output.length < 20_000) output += chunk.toString();
      const match = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => reject(new Error(`server exited before listening:\n${output}`)));
  });
  url.catch(() => undefined);
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, url, exit, output: () => output };
}

type Outcome = { key: string; status: number | null; id: string | null };

/** Sends one submission; a connection cut by the kill is an unacknowledged outcome, not a failure of the test. */
async function submit(base: string, key: string): Promise<Outcome> {
  try {
    const response = await fetch(`${base}/api/cases`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, [CSRF_HEADER]: csrf },
      body: JSON.stringify({ itemId, idempotencyKey: key, form: { school: "哈尔滨师范大学" } }),
    });
    const body = (await response.json().catch(() => null)) as { id?: string } | null;
    return { key, status: response.status, id: body?.id ?? null };
  } catch {
    return { key, status: null, id: null };
  }
}

/** Every key once, CONCURRENCY at a time; `onAck` sees each acknowledged submission as it lands. */
async function submitAll(base: string, keys: string[], onAck?: (done: Outcome[]) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++] as string;
      const outcome = await submit(base, key);
      outcomes.push(outcome);
      if (outcome.status !== null && outcome.status < 300) onAck?.(outcomes);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

/** The cases of this run as the database holds them: key → ids (more than one would be a duplicate). */
async function stored(): Promise<Map<string, { id: string; status: string; number: string | null; events: number }[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select c.idempotency_key as key, c.id, c.status, c.number,
              (select count(*)::int from case_events e where e.case_id = c.id) as events
         from cases c where c.applicant_id = $1 and c.idempotency_key like 'durable-%'`,
      [applicantId],
    );
    const byKey = new Map<string, { id: string; status: string; number: string | null; events: number }[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    return byKey;
  } finally {
    await client.end();
  }
}

describe.skipIf(!serverUrl)("kill -9 during concurrent submissions, on PostgreSQL", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "banshi-durability-"));
    // A fresh database, prepared in-process as a first start in demo mode: an applicant signed in, an item published.
    const database = await openTestDatabase();
    databaseUrl = database.url ?? "";
    const config = {
      ...loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }),
      demo: true,
    };
    const built = await buildApp({ config, database, logger: createLogger("silent") });
    await seedOnStart(built, config);
    await built.app.ready();
    const t = { ...built, database, config, logLines: [], close: async () => undefined } as TestApp;
    const { publishItem } = await harbinCatalog(t, await staffClient(t, "harbin.admin"), "XK-999");
    itemId = await publishItem("0999", { name: "持久性测试许可" });
    const zhang = new TestClient(t);
    await zhang.signInApplicant("13800000001");
    applicantId = (await zhang.request("GET", "/api/auth/session")).json().user.id;
    cookie = `${SESSION_COOKIE}=${zhang.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${zhang.cookie(CSRF_COOKIE)}`;
    csrf = zhang.cookie(CSRF_COOKIE) ?? "";
    await built.app.close();
    await database.close();
  }, 120_000);

  afterAll(async () => {
    if (serverUrl && databaseUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged case exactly once, and a retry with the same key makes nothing new", async () => {
    const keys = Array.from({ length: SUBMISSIONS }, (_, i) => `durable-${String(i).padStart(4, "0")}-${Date.now()}`);
    const first = startServer();
    const firstUrl = await first.url;
    let killed = false;
    const outcomes = await submitAll(firstUrl, keys, (done) => {
      const acks = done.filter((o) => o.status !== null && o.status < 300).length;
      if (!killed && acks >= KILL_AFTER_ACKS) {
        killed = true;
        first.process.kill("SIGKILL");
      }
    });
    expect(killed).toBe(true);
    await first.exit;
    const acked = outcomes.filter((o) => o.status !== null && o.status < 300);
    // Nothing but acknowledgements and cut connections: no request was refused or failed on the server.
    expect(outcomes.filter((o) => o.status !== null && o.status >= 300)).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.length).toBeLessThan(SUBMISSIONS);

    const second = startServer();
    const secondUrl = await second.url;
    try {
      // Every acknowledged submission survived, once, whole: submitted, numbered, with its timeline.
      const afterKill = await stored();
      const lost = acked.filter((o) => afterKill.get(o.key)?.[0]?.id !== o.id);
      expect(lost.map((o) => o.key)).toEqual([]);
      expect([...afterKill.values()].filter((rows) => rows.length > 1)).toEqual([]);
      for (const [, [row]] of afterKill) {
        expect(row).toMatchObject({ status: "submitted", number: expect.stringMatching(/\S/) });
        expect(row?.events).toBeGreaterThan(0);
      }

      // Sending every request again: the same case for each key that was kept, a new one only for those never kept.
      const retried = await submitAll(secondUrl, keys);
      expect(retried.filter((o) => o.status === null || o.status >= 300)).toEqual([]);
      const changed = retried.filter((o) => afterKill.has(o.key) && afterKill.get(o.key)?.[0]?.id !== o.id);
      expect(changed).toEqual([]);
      const afterRetry = await stored();
      expect(afterRetry.size).toBe(SUBMISSIONS);
      expect([...afterRetry.values()].every((rows) => rows.length === 1)).toBe(true);

      // And once more: nothing new at all.
      const again = await submitAll(secondUrl, keys);
      const ids = new Map(retried.map((o) => [o.key, o.id]));
      expect(again.filter((o) => o.status === null || o.status >= 300 || ids.get(o.key) !== o.id)).toEqual([]);
      const afterAgain = await stored();
      expect(afterAgain.size).toBe(SUBMISSIONS);
      expect([...afterAgain.values()].every((rows) => rows.length === 1)).toBe(true);
      process.stdout.write(
        `durability: ${SUBMISSIONS} submissions, ${acked.length} acknowledged before kill -9, ` +
          `${afterKill.size} stored after restart (${afterKill.size - acked.length} committed but not acknowledged), ` +
          `${SUBMISSIONS - afterKill.size} made on retry, 0 duplicates\n`,
      );
    } finally {
      second.process.kill("SIGTERM");
      await second.exit;
    }
  }, 90_000);
});
