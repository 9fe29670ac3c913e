import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { csvLine, GAOKAO_HEADER, sampleCandidates } from "../server/modules/demo/sample-candidates.js";
import { createResultsService } from "../server/modules/results/index.js";
import { systemActor } from "../server/platform/audit.js";
import { asSystem } from "../server/platform/auth.js";
import { createCaptchas } from "../server/platform/captcha.js";
import { createPersonalDataCipher } from "../server/platform/crypto.js";
import { type Database, openDatabase } from "../server/platform/db.js";
import { memoryOnceStore } from "../server/platform/once.js";
import { openTestDatabase } from "../server/test/harness.js";
import { SERVER_READY, spawnReady, stop } from "./processes.js";

/**
 * Exam results at results-day scale, each figure beside a reference measured in the same run:
 *   the import of a 1,000,000-line CSV (check every line, then write) on PostgreSQL and on in-memory PGlite;
 *   the memory the lookup index of those candidates takes, and the time to load it from the database (in a process
 *   of its own, bench/results-memory.ts);
 *   POST /api/results/batches/:id/lookup on the built server (captcha, rate limits, CSRF, security headers and
 *   request logs included, every request a real candidate with a fresh captcha) under 50 connections with autocannon,
 *   against a bare node:http server answering the same lookups from a Map, each in its own process.
 * `npm run build`, then `npm run bench:results`; environment: DATABASE_URL (default the local server),
 * BENCH_CANDIDATES (1,000,000), BENCH_SECONDS (10), BENCH_PGLITE=0 to skip the PGlite import, BENCH_PROFILE=<dir> to
 * write a CPU profile of the server there.
 */

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const COUNT = Number(process.env.BENCH_CANDIDATES ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WITH_PGLITE = process.env.BENCH_PGLITE !== "0";
const CONNECTIONS = 50;
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;
const GOAL_MEMORY_MB = 500;
const SECRET = randomBytes(32).toString("hex");
const cipher = createPersonalDataCipher(SECRET);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${csvLine(GAOKAO_HEADER)}\n`);
  for (const candidate of sampleCandidates(COUNT)) {
    if (!out.write(`${csvLine(candidate.cells)}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => {
    out.end(() => resolve());
  });
}

async function importInto(database: Database, file: string) {
  const results = createResultsService({ db: database.db, cipher, log: { info() {}, error() {} } });
  const batch = await results.create(asSystem(systemActor), {
    exam: "gaokao",
    kind: "scores",
    year: 2026,
    title: "基准测试",
  });
  const began = performance.now();
  const { run } = await results.beginImport(asSystem(systemActor), batch.id, file, "bench.csv");
  const imported = await run();
  const ms = performance.now() - began;
  if (imported.importState !== "succeeded") throw new Error(`import failed: ${imported.importMessage}`);
  await results.setPublishAt(asSystem(systemActor), batch.id, new Date(Date.now() - 1000));
  return { batchId: batch.id, ms };
}

/** What the lookup index takes, measured in a process of its own (bench/results-memory.ts). */
async function indexMemory(databaseUrl: string) {
  const child = spawn("node", ["--expose-gc", "--import", "tsx", "bench/results-memory.ts", databaseUrl, SECRET], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise((resolve) => child.on("exit", resolve));
  return JSON.parse(output) as { heap: number; arrays: number; loadMs: number };
}

const rssOf = (child: ChildProcess) =>
  Number(readFileSync(`/proc/${child.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024;

/** Lookups of real candidates, each request with its own captcha token (a token is accepted once). */
async function load(url: string, path: string, bodies: () => string) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: "POST",
        path,
        headers: { "content-type": "application/json", cookie: "banshi_csrf=bench", "x-csrf-token": "bench" },
        setupRequest: (request) => ({ ...request, body: bodies() }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "banshi-bench-results-"));
  const file = path.join(work, "results.csv");
  const began = performance.now();
  await writeCsv(file);
  console.log(
    `\nexam results, ${COUNT.toLocaleString("en")} candidates (CSV written in ${seconds(performance.now() - began)})`,
  );

  process.env.DATABASE_URL = SERVER_URL; // the harness makes a database of its own on this server
  const postgres = await openTestDatabase();
  if (!postgres.url) throw new Error("no PostgreSQL database");
  try {
    const imported = await importInto(postgres, file);
    console.log("import (check every line, then write; nothing is written if any line is wrong)");
    console.log(
      `  PostgreSQL                       ${seconds(imported.ms).padStart(8)}   ${(COUNT / (imported.ms / 1000)).toFixed(0)} lines/s`,
    );
    if (WITH_PGLITE) {
      const embedded = openDatabase({ dataDir: null });
      await embedded.migrate();
      const onPglite = await importInto(embedded, file);
      console.log(
        `  PGlite (in memory)               ${seconds(onPglite.ms).padStart(8)}   ${(COUNT / (onPglite.ms / 1000)).toFixed(0)} lines/s`,
      );
      await embedded.close();
    }

    const memory = await indexMemory(postgres.url);
    const bytes = memory.heap + memory.arrays;
    console.log("lookup index of the batch, in each server process (measured in a process of its own)");
    console.log(
      `  heap ${mb(memory.heap)} + typed arrays ${mb(memory.arrays)} = ${mb(bytes)}   goal < ${GOAL_MEMORY_MB} MB: ${bytes < GOAL_MEMORY_MB * 1024 * 1024 ? "met" : "MISSED"}`,
    );
    console.log(`  loaded from PostgreSQL in ${seconds(memory.loadMs)}`);

    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const profile = process.env.BENCH_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const banshi = await spawnReady(
      "node",
      [...profile, "dist/server/main.js"],
      {
        ...inherited,
        DATABASE_URL: postgres.url,
        DATA_DIR: work,
        SECRET_KEY: SECRET,
        DEMO: "false",
        PORT: "0",
        LOG_LEVEL: "info",
        // One client address sends everything here; the limits are not what is measured.
        RESULTS_LOOKUP_RATE_LIMIT: "10000000",
        RESULTS_LOOKUPS_PER_NUMBER: "1000",
      },
      SERVER_READY,
    );
    const bare = await spawnReady(
      "node",
      ["--import", "tsx", "bench/results-bare.ts", String(COUNT)],
      process.env,
      /ready (http:\S+)/,
    );
    try {
      const pool = [...sampleCandidates(Math.min(COUNT, 200_000))];
      const captchas = createCaptchas({ cipher, once: memoryOnceStore() });
      const tokens = Array.from({ length: 600_000 }, () => captchas.tokenFor("bench"));
      let next = 0;
      const body = (withCaptcha: boolean) => () => {
        const c = pool[next % pool.length];
        const token = tokens[next++ % tokens.length];
        const query = { examNumber: c?.examNumber, idNumber: c?.idNumber, name: c?.name };
        return JSON.stringify(withCaptcha ? { ...query, captchaToken: token, captchaAnswer: "bench" } : query);
      };
      const batchPath = `/api/results/batches/${imported.batchId}/lookup`;
      // The server loads the index in the background after it starts: wait until it answers.
      for (;;) {
        const answer = await fetch(`${banshi.url}${batchPath}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: "banshi_csrf=bench", "x-csrf-token": "bench" },
          body: body(true)(),
        });
        if (answer.status === 200) break;
        if (answer.status !== 503) throw new Error(`lookup answered ${answer.status}: ${await answer.text()}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await load(bare.url, "/", body(false)); // warm-up of both, so neither pays for JIT in its figures
      await load(banshi.url, batchPath, body(true));
      const reference = await load(bare.url, "/", body(false));
      const ours = await load(banshi.url, batchPath, body(true));
      const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
        `  ${name.padEnd(50)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`;
      console.log(`score lookups, ${CONNECTIONS} connections, ${DURATION} s each (every request a real candidate)`);
      console.log(row("bare node:http answering from a Map (reference)", reference));
      console.log(row("Banshi POST /api/results/batches/:id/lookup", ours));
      const ratio = ours.rps / reference.rps;
      console.log(`  ratio ${ratio.toFixed(2)}   goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? "met" : "MISSED"}`);
      console.log(`  p99 ${ours.p99} ms   goal < ${GOAL_P99_MS} ms: ${ours.p99 < GOAL_P99_MS ? "met" : "MISSED"}`);
      console.log(
        `  resident memory of the server process: ${mb(rssOf(banshi.child))}; of the bare server: ${mb(rssOf(bare.child))}`,
      );
    } finally {
      await stop(banshi.child);
      await stop(bare.child);
    }
  } finally {
    await postgres.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

if (!existsSync("dist/server/main.js")) {
  console.error("Run `npm run build` first: the benchmark measures the built server.");
  process.exit(1);
}
await main();
