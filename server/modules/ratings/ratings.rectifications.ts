import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import type { RectificationStatus } from "../../../common/vocabulary.js";
import { appendAudit } from "../../platform/audit.js";
import {
  type Actor,
  assertPermission,
  auditActorOf,
  isAboveScope,
  isWithinScope,
  withinScope,
} from "../../platform/auth.js";
import { deadlineWarning, todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { maskName, maskPersonalDataInText, maskPhone } from "../../platform/masking.js";
import { users } from "../accounts/index.js";
import { cases } from "../cases/index.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import { type RectificationAction, rectificationLifecycle } from "./ratings.machine.js";
import { assertAnswersFor, type RatingJoined, type RatingQueries } from "./ratings.queries.js";
import type { RatingsDeps } from "./ratings.service.js";
import { type RectificationRow, ratingAppeals, ratings, rectifications } from "./ratings.tables.js";

const rectificationChanged = () => new AppError("RECTIFICATION_CHANGED");

/**
 * 差评整改 and 申诉复核: the org verifies, answers and calls back the rater, a supervisor over it closes; an appeal is
 * decided a level above. The rater's identity leaves this file only masked, or by the audited contact request.
 */
export function createRectifications(deps: RatingsDeps, queries: RatingQueries) {
  const { db } = deps;
  const { ratingsFrom, ratingView } = queries;
  const rater = alias(users, "rater");

  // ---- rectification ----

  async function warningOf(dueOn: string, status: RectificationStatus) {
    if (status === "closed") return "none" as const;
    return deadlineWarning(todayInChina(), dueOn, deps.warningDays, await deps.calendar.workingCalendar());
  }

  async function listRectifications(actor: Actor, query: { status?: RectificationStatus }) {
    assertAnswersFor(actor);
    const rows = await db
      .select({ task: rectifications, orgName: orgDisplayName, itemName: ratings.itemName, level: ratings.level })
      .from(rectifications)
      .innerJoin(ratings, eq(ratings.id, rectifications.ratingId))
      .innerJoin(orgs, eq(orgs.id, rectifications.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(
        and(
          withinScope(actor, rectifications.orgPath),
          query.status ? eq(rectifications.status, query.status) : undefined,
          // The staff member who was rated does not handle, or see, the complaint about their own work.
          sql`${ratings.staffId} is distinct from ${actor.userId}`,
        ),
      )
      .orderBy(rectifications.dueOn)
      .limit(200);
    const calendar = await deps.calendar.workingCalendar();
    const today = todayInChina();
    return rows.map((r) => ({
      id: r.task.id,
      orgName: r.orgName,
      itemName: r.itemName,
      level: r.level,
      status: r.task.status,
      dueOn: r.task.dueOn,
      warning:
        r.task.status === "closed"
          ? ("none" as const)
          : deadlineWarning(today, r.task.dueOn, deps.warningDays, calendar),
      createdAt: r.task.createdAt.toISOString(),
    }));
  }

  /** One rectification for its handler or supervisor: the case to verify against, the rater masked. */
  async function loadRectification(actor: Actor, id: string) {
    assertAnswersFor(actor);
    const [row] = await ratingsFrom().where(eq(rectifications.id, id));
    const [task] = await db.select().from(rectifications).where(eq(rectifications.id, id));
    if (!row || !task || !isWithinScope(actor, task.orgPath) || row.rating.staffId === actor.userId) {
      throw errors.notFound("整改任务");
    }
    return { row, task };
  }

  async function getRectification(actor: Actor, id: string) {
    const { row, task } = await loadRectification(actor, id);
    const [extra] = await db
      .select({ caseNumber: cases.number, name: rater.name, phone: rater.phoneEncrypted })
      .from(ratings)
      .innerJoin(cases, eq(cases.id, ratings.caseId))
      .innerJoin(rater, eq(rater.id, ratings.raterId))
      .where(eq(ratings.id, task.ratingId));
    return {
      id: task.id,
      revision: task.revision,
      orgName: row.orgName,
      itemName: row.rating.itemName,
      level: row.rating.level,
      status: task.status,
      dueOn: task.dueOn,
      warning: await warningOf(task.dueOn, task.status),
      createdAt: task.createdAt.toISOString(),
      rating: ratingView(row),
      caseId: row.rating.caseId,
      caseNumber: extra?.caseNumber ?? "",
      raterName: maskName(extra?.name ?? ""),
      raterPhone: extra?.phone ? maskPhone(deps.cipher.decrypt(extra.phone)) : null,
      finding: task.finding,
      outcome: task.outcome,
      measures: task.measures,
      reply: task.reply,
      callBack: task.callBack,
      sentBack: task.sentBack,
      closedAt: task.closedAt?.toISOString() ?? null,
      actions: rectificationLifecycle.actionsFor(actor, task),
    };
  }

  /** The full number for the call-back, to the handler only, and every viewing audited. */
  async function contact(actor: Actor, id: string) {
    assertPermission(actor, "feedback.handle");
    const { task } = await loadRectification(actor, id);
    if (task.status === "closed") throw new AppError("RECTIFICATION_CLOSED");
    const [row] = await db
      .select({ phone: rater.phoneEncrypted })
      .from(ratings)
      .innerJoin(rater, eq(rater.id, ratings.raterId))
      .where(eq(ratings.id, task.ratingId));
    await db.transaction((tx) =>
      appendAudit(tx, auditActorOf(actor), {
        action: "rectification.contact",
        targetType: "rectification",
        targetId: task.id,
        summary: "查看差评回访联系电话",
        orgId: task.orgId,
      }),
    );
    return { phone: row?.phone ? deps.cipher.decrypt(row.phone) : null };
  }

  /** Compare-and-set on the task's revision, with its audit entry. */
  async function change(
    actor: Actor,
    task: RectificationRow,
    action: RectificationAction,
    input: { revision: number; set: Partial<RectificationRow> & { status: RectificationStatus } },
    summary: string,
    also?: (tx: Db) => Promise<void>,
  ) {
    if (task.revision !== input.revision) throw rectificationChanged();
    rectificationLifecycle.assertStaffMayTake(actor, action, task);
    const { set } = input;
    await db.transaction(async (tx) => {
      const [next] = await tx
        .update(rectifications)
        .set({ ...set, revision: task.revision + 1 })
        .where(and(eq(rectifications.id, task.id), eq(rectifications.revision, task.revision)))
        .returning();
      if (!next) throw rectificationChanged();
      await also?.(tx);
      await appendAudit(tx, auditActorOf(actor), {
        action: `rectification.${action}`,
        targetType: "rectification",
        targetId: task.id,
        summary,
        orgId: task.orgId,
      });
    });
    deps.figuresChanged();
  }

  /** 核实、整改或解释，并答复评价人: the answer reaches the rater by site message and SMS. */
  async function reply(
    actor: Actor,
    id: string,
    input: { revision: number; finding: string; outcome: "fixed" | "explained"; measures: string; reply: string },
  ) {
    const { row, task } = await loadRectification(actor, id);
    await change(
      actor,
      task,
      "reply",
      {
        revision: input.revision,
        set: {
          status: "replied",
          finding: input.finding,
          outcome: input.outcome,
          measures: input.measures,
          reply: input.reply,
        },
      },
      `差评整改：已核实并答复评价人（${row.rating.itemName}）`,
    );
    await deps.notifications.tell({
      userId: row.rating.raterId,
      caseId: row.rating.caseId,
      text: `您对${row.rating.itemName}的评价已收到答复：${input.reply}`,
    });
    return getRectification(actor, id);
  }

  /** 回访: the call to the rater and what they said. */
  async function callBack(
    actor: Actor,
    id: string,
    input: { revision: number; reached: boolean; satisfied: boolean | null; note: string },
  ) {
    const { task } = await loadRectification(actor, id);
    const record = {
      at: new Date().toISOString(),
      by: actor.name,
      reached: input.reached,
      satisfied: input.reached ? input.satisfied : null,
      note: input.note,
    };
    await change(
      actor,
      task,
      "call_back",
      { revision: input.revision, set: { status: "called_back", callBack: record } },
      `差评回访：${input.reached ? "已联系上评价人" : "未联系上评价人"}`,
    );
    return getRectification(actor, id);
  }

  /** A supervisor over the org closes the task, or sends it back with the reason. */
  async function close(actor: Actor, id: string, revision: number) {
    const { task } = await loadRectification(actor, id);
    await change(
      actor,
      task,
      "close",
      { revision, set: { status: "closed", closedBy: actor.userId, closedAt: new Date() } },
      "差评整改审核通过，办结",
    );
    return getRectification(actor, id);
  }

  async function sendBack(actor: Actor, id: string, input: { revision: number; reason: string }) {
    const { task } = await loadRectification(actor, id);
    await change(
      actor,
      task,
      "send_back",
      { revision: input.revision, set: { status: "open", sentBack: input.reason, callBack: null } },
      `差评整改退回：${input.reason}`,
    );
    return getRectification(actor, id);
  }

  // ---- appeals ----

  async function appeal(
    actor: Actor,
    ratingId: string,
    input: { reason: "mistaken" | "malicious"; statement: string },
  ) {
    assertPermission(actor, "feedback.handle");
    const [rating] = await db.select().from(ratings).where(eq(ratings.id, ratingId));
    if (!rating || !isWithinScope(actor, rating.orgPath) || rating.staffId === actor.userId) {
      throw errors.notFound("评价");
    }
    if (rating.excluded) throw new AppError("APPEAL_DECIDED");
    const id = uuidv7();
    await db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(ratingAppeals)
        .values({ id, ratingId, orgPath: rating.orgPath, filedBy: actor.userId, ...input })
        .onConflictDoNothing()
        .returning();
      if (!saved) throw new AppError("APPEAL_PENDING");
      await appendAudit(tx, auditActorOf(actor), {
        action: "rating.appeal",
        targetType: "rating",
        targetId: ratingId,
        summary: `对${rating.itemName}的评价提出申诉`,
        orgId: rating.orgId,
      });
    });
    return getAppeal(actor, id);
  }

  /** The handler's own org's appeals, or those a supervisor decides: of orgs strictly below their own. */
  function mayDecide(actor: Actor, orgPath: string): boolean {
    return actor.permissions.has("supervision.view") && isAboveScope(actor, orgPath);
  }

  async function loadAppeal(actor: Actor, id: string) {
    const [appealRow] = await db.select().from(ratingAppeals).where(eq(ratingAppeals.id, id));
    if (!appealRow) throw errors.notFound("申诉");
    const [rating] = await ratingsFrom().where(eq(ratings.id, appealRow.ratingId));
    if (!rating) throw errors.notFound("申诉");
    const handler = actor.permissions.has("feedback.handle") && isWithinScope(actor, appealRow.orgPath);
    if (!(handler || mayDecide(actor, appealRow.orgPath)) || rating.rating.staffId === actor.userId) {
      throw errors.notFound("申诉");
    }
    return { appealRow, rating };
  }

  function appealView(a: typeof ratingAppeals.$inferSelect, rating: RatingJoined) {
    return {
      id: a.id,
      rating: ratingView(rating),
      reason: a.reason,
      statement: a.statement,
      hasEvidence: a.evidenceFileId !== null,
      status: a.status,
      decisionNote: a.decisionNote,
      createdAt: a.createdAt.toISOString(),
      decidedAt: a.decidedAt?.toISOString() ?? null,
    };
  }

  async function getAppeal(actor: Actor, id: string) {
    const { appealRow, rating } = await loadAppeal(actor, id);
    return appealView(appealRow, rating);
  }

  async function listAppeals(actor: Actor) {
    assertAnswersFor(actor);
    const rows = await db
      .select({ appeal: ratingAppeals })
      .from(ratingAppeals)
      .where(withinScope(actor, ratingAppeals.orgPath))
      .orderBy(desc(ratingAppeals.createdAt))
      .limit(200);
    if (rows.length === 0) return [];
    const rated = await ratingsFrom().where(inArray(ratings.id, [...new Set(rows.map((r) => r.appeal.ratingId))]));
    const byId = new Map(rated.map((r) => [r.rating.id, r]));
    return rows.flatMap(({ appeal: a }) => {
      const rating = byId.get(a.ratingId);
      // The staff member rated does not see appeals about their own work either.
      return rating && rating.rating.staffId !== actor.userId ? [appealView(a, rating)] : [];
    });
  }

  async function addEvidence(actor: Actor, id: string, file: { name: string; mimeType: string; data: Buffer }) {
    assertPermission(actor, "feedback.handle");
    const { appealRow } = await loadAppeal(actor, id);
    if (appealRow.status !== "pending") throw new AppError("APPEAL_DECIDED", "申诉已复核，不能再补充证据");
    const stored = await deps.files.save({
      ...file,
      visibility: "private",
      uploadedBy: actor.userId,
      kinds: ["pdf", "image"],
      maxBytes: 10 * 1024 * 1024,
    });
    await db.transaction(async (tx) => {
      await tx.update(ratingAppeals).set({ evidenceFileId: stored.id }).where(eq(ratingAppeals.id, id));
      await appendAudit(tx, auditActorOf(actor), {
        action: "rating.appeal_evidence",
        targetType: "rating",
        targetId: appealRow.ratingId,
        summary: `补充申诉证据 ${maskPersonalDataInText(stored.name)}`,
        orgId: actor.orgId,
      });
    });
    return getAppeal(actor, id);
  }

  async function openEvidence(actor: Actor, id: string) {
    const { appealRow } = await loadAppeal(actor, id);
    const file = appealRow.evidenceFileId && (await deps.files.find(appealRow.evidenceFileId));
    if (!file) throw errors.notFound("申诉证据");
    return { file, stream: await deps.files.open(file) };
  }

  /** 申诉复核 by a supervisor of a level above; an upheld appeal takes the rating out of every figure. */
  async function decideAppeal(actor: Actor, id: string, input: { upheld: boolean; note: string }) {
    const { appealRow, rating } = await loadAppeal(actor, id);
    if (!mayDecide(actor, appealRow.orgPath)) {
      throw new AppError("APPEAL_NOT_YOURS");
    }
    await db.transaction(async (tx) => {
      const [decided] = await tx
        .update(ratingAppeals)
        .set({
          status: input.upheld ? "upheld" : "rejected",
          decidedBy: actor.userId,
          decisionNote: input.note,
          decidedAt: new Date(),
        })
        .where(and(eq(ratingAppeals.id, id), eq(ratingAppeals.status, "pending")))
        .returning();
      if (!decided) throw new AppError("APPEAL_DECIDED", "该申诉已复核");
      if (input.upheld) {
        await tx.update(ratings).set({ excluded: true }).where(eq(ratings.id, appealRow.ratingId));
        await tx
          .update(rectifications)
          .set({
            status: "closed",
            outcome: "appeal_upheld",
            closedBy: actor.userId,
            closedAt: new Date(),
            revision: sql`${rectifications.revision} + 1`,
          })
          .where(and(eq(rectifications.ratingId, appealRow.ratingId), sql`${rectifications.status} <> 'closed'`));
      }
      await appendAudit(tx, auditActorOf(actor), {
        action: "rating.appeal_decide",
        targetType: "rating",
        targetId: appealRow.ratingId,
        summary: `申诉复核：${input.upheld ? "申诉成立，该评价不计入统计" : "申诉不成立"}（${rating.rating.itemName}）`,
        orgId: rating.rating.orgId,
      });
    });
    deps.figuresChanged();
    return getAppeal(actor, id);
  }

  return {
    listRectifications,
    getRectification,
    contact,
    reply,
    callBack,
    close,
    sendBack,
    appeal,
    listAppeals,
    getAppeal,
    addEvidence,
    openEvidence,
    decideAppeal,
  };
}
