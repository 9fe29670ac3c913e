import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openApiDocument } from "./openapi-document.js";

/**
 * Lints the server's OpenAPI document with Redocly CLI's recommended rules (redocly.yaml) and fails on any error or
 * warning, so that generated clients and standard tools keep accepting it.
 */
type Problem = { ruleId: string; severity: string; message: string; location: { pointer: string }[] };
const dir = mkdtempSync(path.join(tmpdir(), "banshi-openapi-"));
try {
  const file = path.join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(await openApiDocument()));
  const redocly = path.resolve("node_modules/.bin/redocly");
  const { stdout } = await promisify(execFile)(redocly, ["lint", file, "--format=json", "--max-problems=1000"], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: Problem[] };
  for (const p of report.problems) {
    process.stderr.write(`${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ""})\n`);
  }
  process.stdout.write(`redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings\n`);
  if (report.totals.errors + report.totals.warnings > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
