import { createResultsService } from "../server/modules/results/index.js";
import { createPersonalDataCipher } from "../server/platform/crypto.js";
import { openDatabase } from "../server/platform/db.js";

/**
 * For bench/results.ts, in a process of its own so nothing else it allocated blurs the figure: what loading every
 * imported batch's lookup index adds to the heap and to the typed arrays, after collection. Prints one JSON line.
 * Usage: node --expose-gc --import tsx bench/results-memory.ts <DATABASE_URL> <SECRET_KEY>
 */

const [databaseUrl, secret] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!databaseUrl || !secret || !gc) throw new Error("usage: node --expose-gc ... <DATABASE_URL> <SECRET_KEY>");
const database = openDatabase({ databaseUrl, dataDir: null });
const results = createResultsService({
  db: database.db,
  cipher: createPersonalDataCipher(secret),
  log: { info() {}, error() {} },
});
gc();
const before = process.memoryUsage();
const began = performance.now();
await results.refresh();
const loadMs = performance.now() - began;
gc();
const after = process.memoryUsage();
console.log(
  JSON.stringify({
    heap: after.heapUsed - before.heapUsed,
    arrays: after.arrayBuffers - before.arrayBuffers,
    loadMs,
    batches: results.published().length,
  }),
);
await database.close();
