import { asc, desc, gt, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { auditLog } from "./audit.tables.js";
import { canonicalJson } from "./canonical-json.js";
import { sm3 } from "./crypto.js";
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

type ChainedFields = Omit<typeof auditLog.$inferSelect, "seq" | "hash">;

function entryHash(fields: ChainedFields): string {
  const { prevHash, ...rest } = fields;
  return sm3(`${prevHash}|${canonicalJson(rest)}`);
}

const digest = (value: unknown) => (value === undefined ? null : sm3(canonicalJson(value)));

// Serialises appends across connections and processes: the chain has exactly one head.
const AUDIT_CHAIN_LOCK = 4_770_002;

/** Appends one entry to the chain. Call it inside the transaction that makes the change, so both land or neither. */
export async function appendAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
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
  await tx.insert(auditLog).values({ ...fields, hash: entryHash(fields) });
}

export type ChainVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { seq: number; id: string; reason: string } };

/** Recomputes every hash in order; names the first entry whose content or link no longer matches. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const { seq, hash, ...fields } of rows) {
      if (fields.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: { seq, id: fields.id, reason: "与前一条记录的链接不符（记录被删除或插入）" },
        };
      }
      if (entryHash(fields) !== hash) {
        return { ok: false, checked, brokenAt: { seq, id: fields.id, reason: "记录内容与其哈希不符（记录被篡改）" } };
      }
      prevHash = hash;
      lastSeq = seq;
      checked++;
    }
  }
}
