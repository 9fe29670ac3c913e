import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { SERVER_READY, spawnReady, stop } from "./processes.js";
import { benchSearch } from "./search.js";

/**
 * Start-up and HTTP baselines, printed side by side with a reference measured in the same run:
 *   start-up of the built server on a fresh data directory (migrations, seeding) and on a warm one;
 *   GET /api/health under load against a bare node:http server answering the same JSON, and a route that reads no
 *   database, to tell the framework's cost from the embedded database's.
 * Run `npm run build` first. Figures depend on the machine; compare within one run, not across machines.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

type Started = { child: ChildProcess; url: string; ms: number };

async function startBanshi(dataDir: string): Promise<Started> {
  const began = performance.now();
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const { child, url } = await spawnReady(
    "node",
    ["dist/server/main.js"],
    { ...inherited, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info", DEMO: "true" },
    SERVER_READY,
  );
  const health = await fetch(`${url}/api/health`);
  if (health.status !== 200) throw new Error(`health ${health.status}`);
  return { child, url, ms: performance.now() - began };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function benchStartup(): Promise<void> {
  const fresh: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-bench-"));
    const first = await startBanshi(dataDir);
    fresh.push(first.ms);
    await stop(first.child);
    const second = await startBanshi(dataDir);
    warm.push(second.ms);
    await stop(second.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    const child = spawn("node", [
      "-e",
      "require('node:http').createServer((q,s)=>s.end('ok')).listen(0,()=>console.log('up'))",
    ]);
    await new Promise((resolve) => child.stdout.once("data", resolve));
    bare.push(performance.now() - began);
    await stop(child);
  }
  console.log(`\nstart-up to a healthy /api/health (median of ${RUNS})`);
  console.log(`  node process with a bare http server (reference)  ${median(bare).toFixed(0).padStart(6)} ms`);
  console.log(`  Banshi, fresh data directory (migrate + seed)      ${median(fresh).toFixed(0).padStart(6)} ms`);
  console.log(`  Banshi, warm data directory                        ${median(warm).toFixed(0).padStart(6)} ms`);
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function benchHttp(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "banshi-bench-"));
  const banshi = await startBanshi(dataDir);
  const body = await (await fetch(`${banshi.url}/api/health`)).text();
  const bare = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  await load(bareUrl); // warm-up of both, so neither pays for JIT in its figures
  await load(`${banshi.url}/api/health`);
  const reference = await load(bareUrl);
  const ours = await load(`${banshi.url}/api/health`);
  // Same stack without a database read: separates the framework's cost from the embedded database's.
  const noDb = await load(`${banshi.url}/api/calendar/status`);
  bare.close();
  await stop(banshi.child);
  rmSync(dataDir, { recursive: true, force: true });

  const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
    `  ${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`;
  console.log(`\nGET /api/health, ${CONNECTIONS} connections, ${DURATION} s each`);
  console.log(row("bare node:http, same JSON (reference)", reference));
  console.log(row("Banshi /api/health (reads migration level)", ours));
  console.log(row("Banshi /api/calendar/status (no database read)", noDb));
  console.log(`  ratio /api/health / bare: ${(ours.rps / reference.rps).toFixed(2)}`);
  console.log(`  ratio /api/calendar/status / bare: ${(noDb.rps / reference.rps).toFixed(2)}`);
}

if (!existsSync("dist/server/main.js")) {
  console.error("Run `npm run build` first: the benchmarks measure the built server.");
  process.exit(1);
}
await benchStartup();
await benchHttp();
await benchSearch();
