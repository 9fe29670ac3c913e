import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-main-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Server = { process: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> };

/** Starts the real server process on a free port, in embedded mode, as `npm start` does (from source). */
function startServer(env: Record<string, string> = {}): Server {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child = spawn("node", ["--import", "tsx", "server/main.ts"], {
    env: { ...inherited, DATA_DIR: dataDir, PORT: "0", WEB_DIR: dataDir, ...env },
  });
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => reject(new Error(`server exited early:\n${output}`)));
  });
  url.catch(() => undefined); // a server expected to fail never announces a URL
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, output: () => output, url, exit };
}

describe("the server process", () => {
  it("refuses to start on a bad setting, naming it", async () => {
    const server = startServer({ PORT: "seventy" });
    expect(await server.exit).toBe(2);
    expect(server.output()).toContain("PORT: 必须是数字");
  });

  it("finishes requests in flight on SIGTERM, then exits cleanly; a restart keeps the data", async () => {
    const first = startServer();
    const url = await first.url;
    const inFlight = Array.from({ length: 20 }, () => fetch(`${url}/api/orgs`).then((r) => r.status));
    // Signal once the server has taken all twenty in (each waits its turn on the embedded database).
    await expect
      .poll(() => first.output().match(/"url":"\/api\/orgs"/g)?.length ?? 0, { interval: 5, timeout: 15_000 })
      .toBe(20);
    first.process.kill("SIGTERM");
    expect(await Promise.all(inFlight)).toEqual(Array(20).fill(200));
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain("已停止");

    const second = startServer();
    const health = (await (await fetch(`${await second.url}/api/health`)).json()) as {
      database: { migrations: { applied: number; known: number } };
    };
    expect(health).toMatchObject({ status: "ok", database: { kind: "pglite" } });
    expect(health.database.migrations.applied).toBe(health.database.migrations.known);
    expect(second.output()).not.toContain("已生成演示账号");
    second.process.kill("SIGTERM");
    expect(await second.exit).toBe(0);
  }, 60_000);
});
