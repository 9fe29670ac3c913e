import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import pg from "pg";
import { type App, buildApp, seedOnStart } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import { setAuditKey } from "../platform/audit.js";
import { CSRF_COOKIE, CSRF_HEADER } from "../platform/csrf.js";
import { type Database, openDatabase } from "../platform/db.js";
import { createLogger } from "../platform/logger.js";

/** One key for every app and database of a test process, as a server process has one. */
export const TEST_SECRET_KEY = "5eed".repeat(16);

/**
 * A fresh database per test file: in-memory PGlite by default (in `dataDir` when given, as a server keeps it), or a
 * new database on the PostgreSQL server named by DATABASE_URL (dropped afterwards), so the same suite runs on both
 * engines.
 */
export async function openTestDatabase(
  dataDir: string | null = null,
): Promise<Database & { url: string | null; dispose(): Promise<void> }> {
  setAuditKey(TEST_SECRET_KEY);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = openDatabase({ dataDir });
    await database.migrate();
    return { ...database, url: null, dispose: () => database.close() };
  }
  const name = `banshi_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), dataDir: null });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export type TestApp = App & { database: Database; config: Config; logLines: string[]; close(): Promise<void> };

/**
 * The whole application on a fresh database, seeded as a first start in demo mode. With `onDisk`, PGlite keeps its
 * files in the data folder, as a server does.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  { onDisk = false }: { onDisk?: boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-test-"));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: "info", SIGN_IN_RATE_LIMIT: "10000", SECRET_KEY: TEST_SECRET_KEY };
  const config = { ...loadConfig(env), demo: true, ...overrides };
  const database = await openTestDatabase(onDisk ? dataDir : null);
  const logLines: string[] = [];
  const logger = createLogger(config.logLevel, (line) => logLines.push(line));
  const built = await buildApp({ config, database, logger });
  await seedOnStart(built, config);
  await built.app.ready();
  return {
    ...built,
    database,
    config,
    logLines,
    async close() {
      await built.app.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A browser-like caller: keeps cookies, echoes the CSRF cookie in its header, as the web app does. It connects from
 * 127.0.0.1 unless given another address (the socket's, as a client elsewhere on the network would have).
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: TestApp,
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  async request(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.send("GET", "/api/health");
    return this.send(method, url, body);
  }

  private async send(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.app.app.inject({
      method,
      url,
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE) ?? "",
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    // What the request set going after its commit (a bundle moving on, an invitation) is done before the test reads.
    if (method !== "GET") await this.app.services.jobs.settled();
    for (const cookie of response.cookies) {
      if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Uploads one file as multipart/form-data under the field name `file`, as a browser form does. */
  async upload(url: string, filename: string, mimeType: string, data: Buffer): Promise<LightMyRequestResponse> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.send("GET", "/api/health");
    const boundary = "----banshi-test-boundary";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename.replaceAll('"', "%22")}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
    const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const response = await this.app.app.inject({
      method: "POST",
      url,
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
      payload,
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE) ?? "",
      },
    });
    await this.app.services.jobs.settled();
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async signInStaff(username: string, password = "Banshi@2026"): Promise<LightMyRequestResponse> {
    return this.request("POST", "/api/auth/staff/sign-in", { username, password });
  }

  async signInApplicant(phone: string, signUp?: object): Promise<LightMyRequestResponse> {
    const sent = await this.request("POST", "/api/auth/sms-code", { phone });
    if (sent.statusCode !== 200) return sent;
    const message = this.app.devSms?.latestTo(phone);
    const code = message?.text.match(/(\d{6})/)?.[1] ?? "";
    return this.request("POST", "/api/auth/applicant/sign-in", { phone, code, ...(signUp ? { signUp } : {}) });
  }
}

/** Staff client already signed in; fails the test if sign-in does not succeed. */
export async function staffClient(app: TestApp, username: string, password?: string): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.signInStaff(username, password);
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  return client;
}
