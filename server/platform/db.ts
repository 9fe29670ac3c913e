import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

/** The query builder every service receives; a transaction has the same type, so services compose inside one. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** SQL text with `$1…$n` placeholders, run as the driver runs it (several statements when there are no values). */
export type RawSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** For libraries that bring their own SQL (the job queue); the platform's own code uses `db`. */
  raw: RawSql;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Embedded PGlite in `dataDir` (or in memory when dataDir is null), or a PostgreSQL server when a URL is given. */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string | null }): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

function openPglite(dataDir: string | null): Database {
  let client: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  } else {
    client = new PGlite();
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: "pglite",
    raw: async (text, values) =>
      values?.length ? client.query(text, values) : ((await client.exec(text)).at(-1) ?? { rows: [] }),
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
  };
}

// Any fixed number: every process that migrates takes the same lock, so two servers starting together migrate once.
const MIGRATION_LOCK = 4_770_001;

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closed (a restart, a failover) would otherwise be an uncaught error that stops the
  // process; the pool drops it and opens a new one on the next query.
  pool.on("error", (error) => process.emitWarning(`PostgreSQL 空闲连接已断开：${error.message}`));
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    db,
    kind: "postgres",
    raw: (text, values) => pool.query(text, values),
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

type Journal = { entries: { idx: number; tag: string; when: number }[] };

let journal: Journal | undefined;

/** Migration level: how many of the committed migrations this database has applied, and the newest one's name. */
export async function migrationLevel(db: Db): Promise<{ applied: number; known: number; latest: string | null }> {
  journal ??= JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  const result = await db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
  const applied = Number(resultRows<{ count: number }>(result)[0]?.count ?? 0);
  return { applied, known: journal.entries.length, latest: journal.entries[applied - 1]?.tag ?? null };
}

/** `db.execute` returns `{ rows }` on both drivers; this reads them with one type. */
export function resultRows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
