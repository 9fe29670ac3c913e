import { eq, sql } from "drizzle-orm";
import { dataMigrations } from "./data-migrations.tables.js";
import { type Db, resultRows } from "./db.js";

/**
 * A change to stored rows that SQL alone cannot make — it needs the secret key, like sealing the personal data of
 * forms written before it was sealed. Each runs once, in one transaction, under a lock shared by every process.
 */
export type DataMigration = {
  name: string;
  run(tx: Db): Promise<number>;
  /** Tables rewritten afterwards when rows changed, so the old versions of the rows leave the data files. */
  compact?: string[];
};

const DATA_MIGRATION_LOCK = 4_770_003;

/** Runs every migration not yet applied; one that fails is logged and tried again at the next start. */
export async function runDataMigrations(
  db: Db,
  migrations: readonly DataMigration[],
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
): Promise<void> {
  for (const migration of migrations) {
    try {
      const changed = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${DATA_MIGRATION_LOCK})`);
        const [done] = await tx.select().from(dataMigrations).where(eq(dataMigrations.name, migration.name));
        if (done) return null;
        const count = await migration.run(tx);
        await tx.insert(dataMigrations).values({ name: migration.name, changed: count });
        return count;
      });
      if (changed === null) continue;
      log.info({ migration: migration.name, changed }, "数据迁移已完成");
      // VACUUM FULL writes the table anew: the rows as they were before are gone from the data files.
      if (changed > 0) for (const table of migration.compact ?? []) await db.execute(sql.raw(`vacuum full ${table}`));
    } catch (error) {
      log.error({ err: error, migration: migration.name }, "数据迁移失败，下次启动时重试");
    }
  }
}

/**
 * Walks a table's rows in id order, a page at a time, for a data migration; `change` says whether it changed the
 * row. Returns how many rows changed.
 */
export async function changeEachRow<Row extends { id: string }>(
  page: (after: string | null) => Promise<Row[]>,
  change: (row: Row) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (let after: string | null = null; ; ) {
    const rows = await page(after);
    if (rows.length === 0) return changed;
    for (const row of rows) if (await change(row)) changed++;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/**
 * A data migration that rewrites free-text columns of a table through `change` (for example sealing the ones that
 * hold personal data); rows whose texts all stay the same are left alone.
 */
export function changeTextColumns(
  name: string,
  table: string,
  columns: readonly string[],
  change: (column: string, text: string) => string,
): DataMigration {
  const selected = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  return {
    name,
    compact: [table],
    run: (tx) =>
      changeEachRow(
        async (after) =>
          resultRows<Record<string, string | null> & { id: string }>(
            await tx.execute(sql`select id::text as id, ${selected} from ${sql.identifier(table)}
              ${after ? sql`where id > ${after}::uuid` : sql``} order by id limit 1000`),
          ),
        async (row) => {
          const changes = columns.flatMap((column) => {
            const text = row[column];
            if (text === null || text === undefined) return [];
            const next = change(column, text);
            return next === text ? [] : [sql`${sql.identifier(column)} = ${next}`];
          });
          if (changes.length === 0) return false;
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${sql.join(changes, sql`, `)} where id = ${row.id}::uuid`,
          );
          return true;
        },
      ),
  };
}
