import { and, eq, inArray, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import {
  indicatorsFor,
  isBadRating,
  RATING_INDICATOR_LABELS,
  RATING_STAGE_LABELS,
  type RatingChannel,
  type RatingLevel,
  type RatingStage,
} from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, isWithinScope } from "../../platform/auth.js";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { type PersonalDataCipher, randomToken, sm3 } from "../../platform/crypto.js";
import { changeTextColumns } from "../../platform/data-migrations.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { Events } from "../../platform/events.js";
import type { FileStore } from "../../platform/files.js";
import type { CalendarService } from "../calendar/index.js";
import { type CaseRow, type CasesService, caseEvents, caseStatusChanged, cases } from "../cases/index.js";
import { itemVersions } from "../catalog/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { OrgService } from "../orgs/index.js";
import type { RatingInput } from "./ratings.contract.js";
import { createRatingQueries, withoutNumbers } from "./ratings.queries.js";
import { createRectifications } from "./ratings.rectifications.js";
import { type RatingRow, ratingLinks, ratings, rectifications } from "./ratings.tables.js";

export type RatingsDeps = {
  events: Events;
  db: Db;
  notifications: NotificationsService;
  calendar: CalendarService;
  cases: CasesService;
  orgs: OrgService;
  cipher: PersonalDataCipher;
  files: FileStore;
  /** Where the platform is reached from outside, for the links sent by SMS. */
  publicUrl: string;
  /** Working days an org has to rectify a bad rating. */
  rectificationDays: number;
  warningDays: number;
  log: { warn(obj: object, msg: string): void };
  /** A rating, a rectification or an appeal changed what the figures count. */
  figuresChanged: () => void;
};

/** How long an SMS rating link stays usable. */
const LINK_DAYS = 30;

/** Whoever rates is never named in the audit trail staff can read: the rating row alone keeps the rater. */
const RATER: AuditActor = { id: null, name: "评价人", orgId: null };

const ratingExists = () => new AppError("RATING_EXISTS", "该环节已评价过，评价提交后不能修改");
const bundleRatedAsWhole = () => new AppError("BUNDLE_RATED_AS_WHOLE");
export function createRatingsService(deps: RatingsDeps) {
  const { db } = deps;
  const queries = createRatingQueries(db);

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
    // 一件事一评: the applicant rates the bundle as a whole, which rates each of its parts at once (rateBundle).
    if (row.bundleCaseId) throw bundleRatedAsWhole();
    if (!stagesReached(row).includes(stage)) {
      throw new AppError("RATING_NOT_OPEN", `办件尚未到${RATING_STAGE_LABELS[stage]}，暂不能评价`);
    }
    const level = checkScores(channel, input);
    const calendar = await deps.calendar.workingCalendar();
    const itemName = await itemNameOf(db, row);
    const saved = await db.transaction(async (tx) => {
      await within?.(tx);
      return insertRating(tx, row, stage, channel, input, level, itemName, staffId, calendar);
    });
    deps.figuresChanged();
    return saved;
  }

  /** One rating row, and its rectification when bad, in the caller's transaction. */
  async function insertRating(
    tx: Db,
    row: CaseRow,
    stage: RatingStage,
    channel: RatingChannel,
    input: RatingInput,
    level: RatingLevel,
    itemName: string,
    staffId: string | null,
    calendar: Awaited<ReturnType<CalendarService["workingCalendar"]>>,
  ): Promise<RatingRow> {
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
        // Kept without the numbers a rater may write: no reader may see them (see withoutNumbers).
        comment: withoutNumbers(input.comment),
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
      // No level in the summary: staff who read the org's audit trail may include the one rated, who can see the
      // org's case entries beside it. The level is kept on the rating, for those who answer for it.
      summary: `${itemName}${RATING_STAGE_LABELS[stage]}收到一条评价`,
      orgId: row.orgId,
      after: { level, channel },
    });
    return rating;
  }

  /**
   * 一件事一评: one rating of a bundle case, recorded with the same levels and comment as one completion rating per
   * completed part, in one transaction, so each org that handled a part counts it (and rectifies it when bad).
   * `within` marks the bundle case rated in the same transaction.
   */
  async function rateBundle(
    parts: CaseRow[],
    channel: RatingChannel,
    input: RatingInput,
    within: (tx: Db) => Promise<void>,
  ): Promise<void> {
    const done = parts.filter((row) => row.status === "completed");
    if (done.length === 0) throw new AppError("RATING_NOT_OPEN", "这件事没有已办结的事项，暂不能评价");
    const level = checkScores(channel, input);
    const calendar = await deps.calendar.workingCalendar();
    const names = new Map<string, string>();
    for (const row of done) names.set(row.id, await itemNameOf(db, row));
    await db.transaction(async (tx) => {
      await within(tx);
      for (const row of done) {
        await insertRating(tx, row, "completion", channel, input, level, names.get(row.id) ?? "", null, calendar);
      }
    });
    deps.figuresChanged();
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

  /** A case the window's pad may show: in the clerk's org subtree, or taken in at their window. */
  async function caseAtWindow(actor: Actor, caseId: string): Promise<CaseRow> {
    assertPermission(actor, "case.intake");
    const row = await findCase(caseId);
    if (!row || !(isWithinScope(actor, row.orgPath) || row.intakeBy === actor.userId)) throw errors.notFound("办件");
    return row;
  }

  /** 窗口评价器: the window's pad shows the rating screen to the applicant in front of the clerk. */
  async function rateAtWindow(actor: Actor, caseId: string, input: RatingInput & { stage: RatingStage }) {
    const row = await caseAtWindow(actor, caseId);
    await record(row, input.stage, "window", input, actor.userId);
    return stagesForPad(row);
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

  /**
   * What the pad needs, and no more: which stages the applicant can still rate here, and which were rated on a pad.
   * The clerk holding it is usually the one rated and sees whose case it is, so a level, a comment, a time or the
   * channel of a rating given elsewhere would tell them who said what of their work.
   */
  async function stagesForPad(row: CaseRow) {
    const given = await db
      .select({ stage: ratings.stage, channel: ratings.channel })
      .from(ratings)
      .where(eq(ratings.caseId, row.id));
    return stagesReached(row).map((stage) => {
      const rating = given.find((g) => g.stage === stage);
      return { stage, open: !rating, ratedAtWindow: rating?.channel === "window" };
    });
  }

  async function stagesAtWindow(actor: Actor, caseId: string) {
    return stagesForPad(await caseAtWindow(actor, caseId));
  }

  // ---- the SMS link ----

  /** Sends the applicant a one-time link to rate the stage the case has just reached. */
  /**
   * Sends the invitation to rate a stage, once: a redelivered event finds the link already made. A failed SMS takes
   * its link back, so that the retry sends it again.
   */
  async function invite(caseId: string, stage: RatingStage): Promise<void> {
    const row = await findCase(caseId);
    // A bundle's parts are rated together, from the bundle case; no invitation per part.
    if (!row || row.bundleCaseId) return;
    const [sent] = await db
      .select({ caseId: ratingLinks.caseId })
      .from(ratingLinks)
      .where(and(eq(ratingLinks.caseId, caseId), eq(ratingLinks.stage, stage)));
    if (sent) return;
    const token = randomToken(24);
    const tokenDigest = sm3(token);
    const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000);
    await db.insert(ratingLinks).values({ tokenDigest, caseId, stage, expiresAt });
    const name = await itemNameOf(db, row);
    try {
      await deps.notifications.text(
        row.applicantId,
        `请为您的${name}（${row.number}）${RATING_STAGE_LABELS[stage]}评价：${deps.publicUrl}/rate/${token} ，${LINK_DAYS} 天内有效。`,
      );
    } catch (error) {
      await db.delete(ratingLinks).where(eq(ratingLinks.tokenDigest, tokenDigest));
      throw error;
    }
  }

  const linkGone = () => new AppError("RATING_LINK_GONE");

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
    const [rated] = await db
      .select({ id: ratings.id })
      .from(ratings)
      .where(and(eq(ratings.caseId, row.id), eq(ratings.stage, link.stage)));
    return {
      itemName: await itemNameOf(db, row),
      orgName: await deps.orgs.displayName(row.orgId),
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

  // A bundle's parts are rated together, from the bundle case: no invitation per part.
  deps.events.subscribe(
    caseStatusChanged,
    "ratings",
    async ({ caseId, stage }) => {
      if (stage) await invite(caseId, stage);
    },
    { wants: ({ stage, bundleCaseId }) => stage !== null && bundleCaseId === null },
  );

  return {
    /** Comments stored before numbers were taken out at rating time. */
    dataMigrations: [changeTextColumns("ratings.remove-numbers", "ratings", ["comment"], (_, t) => withoutNumbers(t))],
    rateOwn,
    rateAtWindow,
    rateBundle,
    stagesOfOwn,
    stagesAtWindow,
    viewLink,
    rateByLink,
    list: queries.list,
    listMine: queries.listMine,
    ...createRectifications(deps, queries),
  };
}

export type RatingsService = ReturnType<typeof createRatingsService>;
