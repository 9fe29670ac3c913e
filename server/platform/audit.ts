import { asc, desc, gt, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { auditLog } from "./audit.tables.js";
import { canonicalJson } from "./canonical-json.js";
import { deriveKey, hmacSm3, sm3 } from "./crypto.js";
import type { DataMigration } from "./data-migrations.js";
import type { Db } from "./db.js";

export { auditLog };

export const GENESIS_HASH = "0".repeat(64);

/** Who did it: a signed-in user, or the system itself (seeding, scheduled work). */
export type AuditActor = { id: string | null; name: string; orgId: string | null };

export const systemActor: AuditActor = { id: null, name: "系统", orgId: null };

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string;
  /** A short Chinese description, already masked: it is shown on the admin page. */
  summary: string;
  before?: unknown;
  after?: unknown;
  /** The org the change belongs to, when it is not the actor's own (a province admin editing a county's user). */
  orgId?: string | null;
};

type AuditRow = typeof auditLog.$inferSelect;
type ChainedFields = Omit<AuditRow, "seq" | "hash">;

/**
 * The chain's key: HMAC-SM3 over each link, derived from SECRET_KEY and never stored in the database, so whoever can
 * write the table still cannot forge a link. One process writes with one key; it is set at start (the app, the CLI).
 */
let processKey: Buffer | null = null;

export function auditKeyOf(secretHex: string): Buffer {
  return deriveKey(secretHex, "audit-chain", 32);
}

export function setAuditKey(secretHex: string): void {
  processKey = auditKeyOf(secretHex);
}

function currentKey(): Buffer {
  if (!processKey) throw new Error("audit key not set: call setAuditKey(SECRET_KEY) at start");
  return processKey;
}

function linkOf(key: Buffer, fields: ChainedFields): string {
  const { prevHash, ...rest } = fields;
  return hmacSm3(key, `${prevHash}|${canonicalJson(rest)}`);
}

/** The unkeyed link of chains written before links were keyed; only `rechainLegacyEntries` reads it. */
function legacyLinkOf(fields: ChainedFields): string {
  const { prevHash, ...rest } = fields;
  return sm3(`${prevHash}|${canonicalJson(rest)}`);
}

const digest = (value: unknown) => (value === undefined ? null : sm3(canonicalJson(value)));

// Serialises appends across connections and processes: the chain has exactly one head.
const AUDIT_CHAIN_LOCK = 4_770_002;

/** Appends one entry to the chain. Call it inside the transaction that makes the change, so both land or neither. */
export async function appendAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const key = currentKey();
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [head] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const fields: ChainedFields = {
    id: uuidv7(),
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    orgId: entry.orgId === undefined ? actor.orgId : entry.orgId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    summary: entry.summary,
    beforeDigest: digest(entry.before),
    afterDigest: digest(entry.after),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...fields, hash: linkOf(key, fields) });
}

/**
 * A signed statement of the chain at one moment — how many entries and which is the newest — kept outside the
 * audit table (`audit-checkpoints.ts`), so that deleting the newest entries, which leaves a shorter but well-linked
 * chain, is still caught.
 */
export type AuditCheckpoint = {
  count: number;
  headSeq: number;
  headId: string;
  headHash: string;
  at: string;
  mac: string;
};

function checkpointMac(key: Buffer, c: Omit<AuditCheckpoint, "mac">): string {
  return hmacSm3(key, `checkpoint|${c.count}|${c.headSeq}|${c.headId}|${c.headHash}|${c.at}`);
}

/** The chain as it stands now, signed; null while it is empty. */
export async function checkpointOf(db: Db, key: Buffer = currentKey()): Promise<AuditCheckpoint | null> {
  // Under the append lock, so the count and the head belong to the same moment.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [head] = await tx.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    if (!head) return null;
    const [total] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const unsigned = {
      count: total?.n ?? 0,
      headSeq: head.seq,
      headId: head.id,
      headHash: head.hash,
      at: new Date().toISOString(),
    };
    return { ...unsigned, mac: checkpointMac(key, unsigned) };
  });
}

/** The newest checkpoint whose signature holds; forged or damaged ones are ignored. */
export function newestValidCheckpoint(candidates: readonly unknown[], key: Buffer): AuditCheckpoint | null {
  let newest: AuditCheckpoint | null = null;
  for (const c of candidates) {
    const cp = c as AuditCheckpoint;
    if (typeof cp?.mac !== "string" || typeof cp.count !== "number") continue;
    const { mac, ...unsigned } = cp;
    if (checkpointMac(key, unsigned) !== mac) continue;
    if (!newest || cp.count > newest.count) newest = cp;
  }
  return newest;
}

export type ChainVerification =
  | { ok: true; checked: number; checkpoint: { count: number; at: string } | null }
  | { ok: false; checked: number; brokenAt: { seq: number; id: string; reason: string } };

/**
 * Recomputes every link in order and names the first entry whose content or link no longer matches; with a
 * checkpoint, also that the entry it names is still there, unchanged, at its place — so a cut tail is reported.
 */
export async function verifyAuditChain(
  db: Db,
  options: { key?: Buffer; checkpoint?: AuditCheckpoint | null; batchSize?: number } = {},
): Promise<ChainVerification> {
  const key = options.key ?? currentKey();
  const checkpoint = options.checkpoint ?? null;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(options.batchSize ?? 1000);
    if (rows.length === 0) break;
    for (const { seq, hash, ...fields } of rows) {
      if (fields.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: { seq, id: fields.id, reason: "与前一条记录的链接不符（记录被删除或插入）" },
        };
      }
      if (linkOf(key, fields) !== hash) {
        return { ok: false, checked, brokenAt: { seq, id: fields.id, reason: "记录内容与其校验码不符（记录被篡改）" } };
      }
      checked++;
      if (checkpoint && checked === checkpoint.count && hash !== checkpoint.headHash) {
        return {
          ok: false,
          checked: checked - 1,
          brokenAt: {
            seq,
            id: fields.id,
            reason: `与检查点（${checkpoint.at}）记载的第 ${checkpoint.count} 条记录不符（记录被替换）`,
          },
        };
      }
      prevHash = hash;
      lastSeq = seq;
    }
  }
  if (checkpoint && checked < checkpoint.count) {
    return {
      ok: false,
      checked,
      brokenAt: {
        seq: checkpoint.headSeq,
        id: checkpoint.headId,
        reason: `缺失：检查点（${checkpoint.at}）记载共 ${checkpoint.count} 条，现仅存 ${checked} 条，自第 ${checked + 1} 条起的最新记录被删除`,
      },
    };
  }
  return { ok: true, checked, checkpoint: checkpoint && { count: checkpoint.count, at: checkpoint.at } };
}

/**
 * Chains written before links were keyed are linked again with the key, once, and only if their unkeyed links
 * still hold: a chain already broken is left as it is, for `verify-audit` to report. Returns the entries relinked.
 */
export async function rechainLegacyEntries(tx: Db, key: Buffer = currentKey()): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [first] = await tx.select().from(auditLog).orderBy(asc(auditLog.seq)).limit(1);
  if (!first) return 0;
  const { seq: _seq, hash: firstHash, ...firstFields } = first;
  if (legacyLinkOf(firstFields) !== firstHash) return 0;
  const rows: AuditRow[] = await tx.select().from(auditLog).orderBy(asc(auditLog.seq));
  let prevLegacy = GENESIS_HASH;
  for (const { seq: _s, hash, ...fields } of rows) {
    if (fields.prevHash !== prevLegacy || legacyLinkOf(fields) !== hash) {
      throw new Error(`audit chain broken before keying, at entry ${fields.id}: left unkeyed for verify-audit`);
    }
    prevLegacy = hash;
  }
  let prevHash = GENESIS_HASH;
  for (const { seq, hash: _h, ...fields } of rows) {
    const relinked = { ...fields, prevHash };
    const hash = linkOf(key, relinked);
    await tx.update(auditLog).set({ prevHash, hash }).where(sql`${auditLog.seq} = ${seq}`);
    prevHash = hash;
  }
  return rows.length;
}

export const rechainAudit: DataMigration = { name: "audit.keyed-links", run: (tx) => rechainLegacyEntries(tx) };
