import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import {
  indicatorsFor,
  isBadRating,
  RATING_INDICATOR_LABELS,
  RATING_LEVEL_LABELS,
  RATING_STAGE_LABELS,
  type RatingChannel,
  type RatingLevel,
  type RatingStage,
  type RectificationStatus,
} from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope } from "../../platform/auth.js";
import { addWorkingDays, deadlineWarning, todayInChina } from "../../platform/calendar.js";
import { type PersonalDataCipher, randomToken, sm3 } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files.js";
import { maskName, maskPersonalDataInText, maskPhone } from "../../platform/masking.js";
import type { SmsSender } from "../../platform/sms.js";
import { users } from "../accounts/index.js";
import type { CalendarService } from "../calendar/index.js";
import { type CaseRow, type CasesService, caseEvents, cases } from "../cases/index.js";
import { itemVersions } from "../catalog/index.js";
import { orgDisplayName, orgs, parentOrg, withinActorSubtree } from "../orgs/index.js";
import type { RatingInput } from "./ratings.contract.js";
import {
  type RatingRow,
  type RectificationRow,
  ratingAppeals,
  ratingLinks,
  ratings,
  rectifications,
} from "./ratings.tables.js";

export type RatingsDeps = {
  db: Db;
  calendar: CalendarService;
  cases: CasesService;
  sms: SmsSender;
  cipher: PersonalDataCipher;
  files: FileStore;
  /** Where the platform is reached from outside, for the links sent by SMS. */
  publicUrl: string;
  /** Working days an org has to rectify a bad rating. */
  rectificationDays: number;
  warningDays: number;
  log: { warn(obj: object, msg: string): void };
};

/** How long an SMS rating link stays usable. */
const LINK_DAYS = 30;

/** Whoever rates is never named in the audit trail staff can read: the rating row alone keeps the rater. */
const RATER: AuditActor = { id: null, name: "评价人", orgId: null };

const ratingExists = () => new AppError("RATING_EXISTS", 409, "该环节已评价过，评价提交后不能修改");
const rectificationChanged = () =>
  new AppError("RECTIFICATION_CHANGED", 409, "该整改任务刚被他人处理，已为您显示最新状态，请确认后再操作");

export function createRatingsService(deps: RatingsDeps) {
  const { db } = deps;
  const rater = alias(users, "rater");

  // ---- rating ----

  /** The stages a case has reached: accepted or refused, then completed. */
  function stagesReached(row: CaseRow): RatingStage[] {
    const reached: RatingStage[] = [];
    if (row.acceptedAt !== null || row.status === "refused") reached.push("acceptance");
    if (row.status === "completed") reached.push("completion");
    return reached;
  }

  /** Every indicator of the channel rated, and nothing else; 整体满意度 becomes the rating's level. */
  function checkScores(channel: RatingChannel, input: RatingInput): RatingLevel {
    const expected = indicatorsFor(channel);
    const missing = expected.filter((i) => input.scores[i] === undefined);
    if (missing.length > 0) {
      throw errors.validation(`请评价：${missing.map((i) => RATING_INDICATOR_LABELS[i]).join("、")}`);
    }
    const unknown = Object.keys(input.scores).filter((k) => !(expected as readonly string[]).includes(k));
    if (unknown.length > 0) throw errors.validation(`本渠道没有这些评价指标：${unknown.join("、")}`);
    return input.scores.overall as RatingLevel;
  }

  /** The staff member whose work the stage rates: who accepted or refused it, or who completed it. */
  async function staffOf(tx: Db, row: CaseRow, stage: RatingStage): Promise<string | null> {
    const [event] = await tx
      .select({ actorId: caseEvents.actorId })
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.caseId, row.id),
          stage === "acceptance"
            ? inArray(caseEvents.toStatus, ["reviewing", "refused", "completed"])
            : eq(caseEvents.toStatus, "completed"),
        ),
      )
      .orderBy(caseEvents.at)
      .limit(1);
    return event?.actorId ?? null;
  }

  async function itemNameOf(tx: Db, row: CaseRow): Promise<string> {
    const [version] = await tx
      .select({ name: itemVersions.name })
      .from(itemVersions)
      .where(eq(itemVersions.id, row.itemVersionId));
    return version?.name ?? "";
  }

  /**
   * Records one rating. The unique (case, stage) index decides between two at once; a bad rating opens its
   * rectification in the same transaction, so there is never one without the other.
   */
  async function record(
    row: CaseRow,
    stage: RatingStage,
    channel: RatingChannel,
    input: RatingInput,
    staffId: string | null,
    within?: (tx: Db) => Promise<void>,
  ): Promise<RatingRow> {
    if (!stagesReached(row).includes(stage)) {
      throw new AppError("RATING_NOT_OPEN", 409, `办件尚未到${RATING_STAGE_LABELS[stage]}，暂不能评价`);
    }
    const level = checkScores(channel, input);
    const calendar = await deps.calendar.workingCalendar();
    const itemName = await itemNameOf(db, row);
    const saved = await db.transaction(async (tx) => {
      await within?.(tx);
      const [rating] = await tx
        .insert(ratings)
        .values({
          id: uuidv7(),
          caseId: row.id,
          stage,
          orgId: row.orgId,
          orgPath: row.orgPath,
          itemId: row.itemId,
          itemName,
          staffId: staffId ?? (await staffOf(tx, row, stage)),
          raterId: row.applicantId,
          level,
          scores: input.scores,
          comment: input.comment,
          channel,
        })
        .onConflictDoNothing()
        .returning();
      if (!rating) throw ratingExists();
      if (isBadRating(level)) {
        await tx.insert(rectifications).values({
          id: uuidv7(),
          ratingId: rating.id,
          orgId: row.orgId,
          orgPath: row.orgPath,
          dueOn: addWorkingDays(todayInChina(), deps.rectificationDays, calendar).date,
        });
      }
      await appendAudit(tx, RATER, {
        action: "rating.submit",
        targetType: "rating",
        targetId: rating.id,
        summary: `${itemName}${RATING_STAGE_LABELS[stage]}评价：${RATING_LEVEL_LABELS[level]}`,
        orgId: row.orgId,
        after: { level, channel },
      });
      return rating;
    });
    return saved;
  }

  async function findCase(caseId: string): Promise<CaseRow | undefined> {
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    return row;
  }

  async function ownCase(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await findCase(caseId);
    if (!row || row.applicantId !== actor.userId) throw errors.notFound("办件");
    return row;
  }

  /** The applicant rates their own case on the web, a phone or a kiosk. */
  async function rateOwn(
    actor: Actor,
    caseId: string,
    input: RatingInput & { stage: RatingStage; channel: "web" | "mobile" | "kiosk" },
  ) {
    const row = await ownCase(actor, caseId);
    await record(row, input.stage, input.channel, input, null);
    return stagesOf(row);
  }

  /** 窗口评价器: the window's pad shows the rating screen to the applicant in front of the clerk. */
  async function rateAtWindow(actor: Actor, caseId: string, input: RatingInput & { stage: RatingStage }) {
    assertPermission(actor, "case.intake");
    const row = await findCase(caseId);
    if (!row || !(isWithinScope(actor, row.orgPath) || row.intakeBy === actor.userId)) throw errors.notFound("办件");
    await record(row, input.stage, "window", input, actor.userId);
    return stagesOf(row);
  }

  /** Each stage: reached and not yet rated (open), or its rating. */
  async function stagesOf(row: CaseRow) {
    const given = await db
      .select({ stage: ratings.stage, level: ratings.level, channel: ratings.channel, createdAt: ratings.createdAt })
      .from(ratings)
      .where(eq(ratings.caseId, row.id));
    const reached = stagesReached(row);
    return reached.map((stage) => {
      const rating = given.find((g) => g.stage === stage);
      return {
        stage,
        open: !rating,
        rating: rating
          ? { level: rating.level, channel: rating.channel, createdAt: rating.createdAt.toISOString() }
          : null,
      };
    });
  }

  async function stagesOfOwn(actor: Actor, caseId: string) {
    return stagesOf(await ownCase(actor, caseId));
  }

  async function stagesAtWindow(actor: Actor, caseId: string) {
    assertPermission(actor, "case.intake");
    const row = await findCase(caseId);
    if (!row || !(isWithinScope(actor, row.orgPath) || row.intakeBy === actor.userId)) throw errors.notFound("办件");
    return stagesOf(row);
  }

  // ---- the SMS link ----

  /** Sends the applicant a one-time link to rate the stage the case has just reached. */
  async function invite(row: CaseRow, stage: RatingStage): Promise<void> {
    try {
      const token = randomToken(24);
      const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000);
      await db.insert(ratingLinks).values({ tokenDigest: sm3(token), caseId: row.id, stage, expiresAt });
      const [user] = await db.select({ phone: users.phoneEncrypted }).from(users).where(eq(users.id, row.applicantId));
      if (!user?.phone) return;
      const name = await itemNameOf(db, row);
      await deps.sms.send(
        deps.cipher.decrypt(user.phone),
        `【办事】请为您的${name}（${row.number}）${RATING_STAGE_LABELS[stage]}评价：${deps.publicUrl}/rate/${token} ，${LINK_DAYS} 天内有效。`,
      );
    } catch (error) {
      // The applicant can still rate from 我的办件; a lost invitation must not disturb the case.
      deps.log.warn({ err: error, caseId: row.id }, "评价邀请发送失败");
    }
  }

  const linkGone = () => new AppError("RATING_LINK_GONE", 410, "评价链接已使用或已过期，可登录后在“我的办件”中评价");

  async function liveLink(token: string) {
    const [link] = await db
      .select()
      .from(ratingLinks)
      .where(eq(ratingLinks.tokenDigest, sm3(token)));
    if (!link) throw errors.notFound("评价链接");
    const row = await findCase(link.caseId);
    if (!row) throw errors.notFound("评价链接");
    return { link, row };
  }

  async function viewLink(token: string) {
    const { link, row } = await liveLink(token);
    const [org] = await db
      .select({ name: orgDisplayName })
      .from(orgs)
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(eq(orgs.id, row.orgId));
    const [rated] = await db
      .select({ id: ratings.id })
      .from(ratings)
      .where(and(eq(ratings.caseId, row.id), eq(ratings.stage, link.stage)));
    return {
      itemName: await itemNameOf(db, row),
      orgName: org?.name ?? "",
      caseNumber: row.number ?? "",
      stage: link.stage,
      open: !link.usedAt && link.expiresAt > new Date() && !rated,
    };
  }

  /** Rating through the link: the link is spent in the same transaction as the rating is saved. */
  async function rateByLink(token: string, input: RatingInput) {
    const { link, row } = await liveLink(token);
    if (link.usedAt || link.expiresAt <= new Date()) throw linkGone();
    await record(row, link.stage, "sms", input, null, async (tx) => {
      const [spent] = await tx
        .update(ratingLinks)
        .set({ usedAt: new Date() })
        .where(and(eq(ratingLinks.tokenDigest, link.tokenDigest), sql`${ratingLinks.usedAt} is null`))
        .returning();
      if (!spent) throw linkGone();
    });
    return viewLink(token);
  }

  // ---- what staff see ----

  const ratingColumns = {
    rating: ratings,
    orgName: orgDisplayName,
    rectificationId: rectifications.id,
    appealStatus: sql<"pending" | "upheld" | "rejected" | null>`(
      select status from rating_appeals a where a.rating_id = ${ratings.id} order by a.created_at desc limit 1)`,
  };

  function ratingsFrom() {
    return db
      .select(ratingColumns)
      .from(ratings)
      .innerJoin(orgs, eq(orgs.id, ratings.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .leftJoin(rectifications, eq(rectifications.ratingId, ratings.id));
  }

  type RatingJoined = {
    rating: RatingRow;
    orgName: string;
    rectificationId: string | null;
    appealStatus: "pending" | "upheld" | "rejected" | null;
  };

  /** Without the rater and without the case; free text is masked in case the rater wrote a number in it. */
  function ratingView(r: RatingJoined) {
    return {
      id: r.rating.id,
      orgName: r.orgName,
      itemName: r.rating.itemName,
      stage: r.rating.stage,
      level: r.rating.level,
      scores: r.rating.scores,
      comment: maskPersonalDataInText(r.rating.comment),
      channel: r.rating.channel,
      excluded: r.rating.excluded,
      createdAt: r.rating.createdAt.toISOString(),
      rectificationId: r.rectificationId,
      appealStatus: r.appealStatus,
    };
  }

  /** Ratings of the org's subtree, for those who answer for them. */
  async function list(actor: Actor, query: { bad?: "true" | "false"; page: number }) {
    if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
    const where = and(
      withinActorSubtree(actor, ratings.orgPath),
      query.bad === "true" ? sql`${ratings.level} <= 2` : undefined,
      query.bad === "false" ? sql`${ratings.level} > 2` : undefined,
    );
    const rows = await ratingsFrom()
      .where(where)
      .orderBy(desc(ratings.createdAt))
      .limit(20)
      .offset((query.page - 1) * 20);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(ratings).where(where);
    return { items: rows.map(ratingView), total: count?.n ?? 0, page: query.page, pageSize: 20 };
  }

  /** 我的评价: what applicants said of the signed-in staff member's own work, with neither rater nor case. */
  async function listMine(actor: Actor) {
    const rows = await ratingsFrom()
      .where(eq(ratings.staffId, actor.userId))
      .orderBy(desc(ratings.createdAt))
      .limit(100);
    return rows.map((r) => ({ ...ratingView(r), rectificationId: null }));
  }

  // ---- rectification ----

  async function warningOf(dueOn: string, status: RectificationStatus) {
    if (status === "closed") return "none" as const;
    return deadlineWarning(todayInChina(), dueOn, deps.warningDays, await deps.calendar.workingCalendar());
  }

  function assertHandles(actor: Actor) {
    if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
  }

  async function listRectifications(actor: Actor, query: { status?: RectificationStatus }) {
    assertHandles(actor);
    const rows = await db
      .select({ task: rectifications, orgName: orgDisplayName, itemName: ratings.itemName, level: ratings.level })
      .from(rectifications)
      .innerJoin(ratings, eq(ratings.id, rectifications.ratingId))
      .innerJoin(orgs, eq(orgs.id, rectifications.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(
        and(
          withinActorSubtree(actor, rectifications.orgPath),
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
    assertHandles(actor);
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
    };
  }

  /** The full number for the call-back, to the handler only, and every viewing audited. */
  async function contact(actor: Actor, id: string) {
    assertPermission(actor, "feedback.handle");
    const { task } = await loadRectification(actor, id);
    if (task.status === "closed") throw new AppError("RECTIFICATION_CLOSED", 409, "整改已办结，不再提供联系电话");
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
    revision: number,
    from: RectificationStatus[],
    set: Partial<RectificationRow> & { status: RectificationStatus },
    action: string,
    summary: string,
    also?: (tx: Db) => Promise<void>,
  ) {
    if (task.revision !== revision) throw rectificationChanged();
    if (!from.includes(task.status)) {
      throw new AppError("RECTIFICATION_ACTION_NOT_ALLOWED", 409, "整改任务当前状态不能进行此操作，请刷新后查看");
    }
    await db.transaction(async (tx) => {
      const [next] = await tx
        .update(rectifications)
        .set({ ...set, revision: task.revision + 1 })
        .where(and(eq(rectifications.id, task.id), eq(rectifications.revision, task.revision)))
        .returning();
      if (!next) throw rectificationChanged();
      await also?.(tx);
      await appendAudit(tx, auditActorOf(actor), {
        action,
        targetType: "rectification",
        targetId: task.id,
        summary,
        orgId: task.orgId,
      });
    });
  }

  /** 核实、整改或解释，并答复评价人: the answer reaches the rater by site message and SMS. */
  async function reply(
    actor: Actor,
    id: string,
    input: { revision: number; finding: string; outcome: "fixed" | "explained"; measures: string; reply: string },
  ) {
    assertPermission(actor, "feedback.handle");
    const { row, task } = await loadRectification(actor, id);
    await change(
      actor,
      task,
      input.revision,
      ["open"],
      {
        status: "replied",
        finding: input.finding,
        outcome: input.outcome,
        measures: input.measures,
        reply: input.reply,
      },
      "rectification.reply",
      `差评整改：已核实并答复评价人（${row.rating.itemName}）`,
    );
    await deps.cases.tell(
      row.rating.raterId,
      row.rating.caseId,
      `您对${row.rating.itemName}的评价已收到答复：${input.reply}`,
    );
    return getRectification(actor, id);
  }

  /** 回访: the call to the rater and what they said. */
  async function callBack(
    actor: Actor,
    id: string,
    input: { revision: number; reached: boolean; satisfied: boolean | null; note: string },
  ) {
    assertPermission(actor, "feedback.handle");
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
      input.revision,
      ["replied"],
      { status: "called_back", callBack: record },
      "rectification.call_back",
      `差评回访：${input.reached ? "已联系上评价人" : "未联系上评价人"}`,
    );
    return getRectification(actor, id);
  }

  /** A supervisor over the org closes the task, or sends it back with the reason. */
  async function close(actor: Actor, id: string, revision: number) {
    assertPermission(actor, "supervision.view");
    const { task } = await loadRectification(actor, id);
    await change(
      actor,
      task,
      revision,
      ["called_back"],
      { status: "closed", closedBy: actor.userId, closedAt: new Date() },
      "rectification.close",
      "差评整改审核通过，办结",
    );
    return getRectification(actor, id);
  }

  async function sendBack(actor: Actor, id: string, input: { revision: number; reason: string }) {
    assertPermission(actor, "supervision.view");
    const { task } = await loadRectification(actor, id);
    await change(
      actor,
      task,
      input.revision,
      ["replied", "called_back"],
      { status: "open", sentBack: input.reason, callBack: null },
      "rectification.send_back",
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
    if (rating.excluded) throw new AppError("APPEAL_DECIDED", 409, "该评价的申诉已成立，无需再次申诉");
    const id = uuidv7();
    await db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(ratingAppeals)
        .values({ id, ratingId, orgPath: rating.orgPath, filedBy: actor.userId, ...input })
        .onConflictDoNothing()
        .returning();
      if (!saved) throw new AppError("APPEAL_PENDING", 409, "该评价已有待复核的申诉");
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
    return (
      actor.permissions.has("supervision.view") && actor.orgPath !== null && orgPath.startsWith(`${actor.orgPath}/`)
    );
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
    assertHandles(actor);
    const rows = await db
      .select({ appeal: ratingAppeals })
      .from(ratingAppeals)
      .where(withinActorSubtree(actor, ratingAppeals.orgPath))
      .orderBy(desc(ratingAppeals.createdAt))
      .limit(200);
    const views = [];
    for (const { appeal: a } of rows) {
      const [rating] = await ratingsFrom().where(eq(ratings.id, a.ratingId));
      if (rating && rating.rating.staffId !== actor.userId) views.push(appealView(a, rating));
    }
    return views;
  }

  async function addEvidence(actor: Actor, id: string, file: { name: string; mimeType: string; data: Buffer }) {
    assertPermission(actor, "feedback.handle");
    const { appealRow } = await loadAppeal(actor, id);
    if (appealRow.status !== "pending") throw new AppError("APPEAL_DECIDED", 409, "申诉已复核，不能再补充证据");
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
      throw new AppError("APPEAL_NOT_YOURS", 403, "申诉须由被评价单位的上级督查人员复核");
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
      if (!decided) throw new AppError("APPEAL_DECIDED", 409, "该申诉已复核");
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
    return getAppeal(actor, id);
  }

  deps.cases.onStage(invite);

  return {
    rateOwn,
    rateAtWindow,
    stagesOfOwn,
    stagesAtWindow,
    viewLink,
    rateByLink,
    list,
    listMine,
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

export type RatingsService = ReturnType<typeof createRatingsService>;
