import { and, count, desc, eq, gte, ilike, isNull, like, lte, or, type SQL } from "drizzle-orm";
import { auditLog, verifyAuditChain } from "../../platform/audit.js";
import { type CheckpointSink, latestCheckpoint, writeCheckpoint } from "../../platform/audit-checkpoints.js";
import { type Actor, assertPermission, withinScope } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { containsPattern, startsWithPattern } from "../../platform/sql.js";
import { orgs } from "../orgs/index.js";
import type { ListAuditQuery } from "./audit.contract.js";

export function createAuditService(db: Db, chain: { key: Buffer; sinks: CheckpointSink[] }) {
  /** Entries of the actor's org subtree; entries of no org (system work, applicants) only for system administrators. */
  function scope(actor: Actor): SQL {
    const subtree = withinScope(actor, orgs.path);
    return actor.roles.includes("system_admin") ? (or(subtree, isNull(auditLog.orgId)) as SQL) : subtree;
  }

  async function list(actor: Actor, query: ListAuditQuery) {
    assertPermission(actor, "audit.view");
    const filters = [scope(actor)];
    if (query.action) filters.push(like(auditLog.action, startsWithPattern(query.action)));
    if (query.actor) filters.push(ilike(auditLog.actorName, containsPattern(query.actor)));
    if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
    if (query.from) filters.push(gte(auditLog.at, new Date(query.from)));
    if (query.to) filters.push(lte(auditLog.at, new Date(query.to)));
    const where = and(...filters);
    const [rows, [total]] = await Promise.all([
      db
        .select({ entry: auditLog, orgName: orgs.name })
        .from(auditLog)
        .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
        .where(where)
        .orderBy(desc(auditLog.seq))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db.select({ n: count() }).from(auditLog).leftJoin(orgs, eq(orgs.id, auditLog.orgId)).where(where),
    ]);
    return {
      items: rows.map(({ entry, orgName }) => ({
        seq: entry.seq,
        at: entry.at.toISOString(),
        actorName: entry.actorName,
        orgName,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        summary: entry.summary,
        hash: entry.hash,
      })),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async function verify(actor: Actor) {
    assertPermission(actor, "audit.view");
    return verifyAuditChain(db, { key: chain.key, checkpoint: await latestCheckpoint(chain.sinks, chain.key) });
  }

  /** Signs the chain as it stands into every checkpoint sink (scheduled, and at shutdown). */
  function checkpoint() {
    return writeCheckpoint(db, chain.sinks);
  }

  return { list, verify, checkpoint };
}

export type AuditService = ReturnType<typeof createAuditService>;
