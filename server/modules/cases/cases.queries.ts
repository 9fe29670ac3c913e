import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { CASE_QUEUES, type CaseQueue, type CaseStatus } from "../../../common/vocabulary.js";
import { type Actor, assertPermission, isWithinScope, withinScope } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { errors } from "../../platform/errors.js";
import { files } from "../../platform/files.tables.js";
import { isValidIdNumber, isValidMobile } from "../../platform/identity.js";
import type { FormSealer } from "../../platform/sealed-form.js";
import { containsPattern } from "../../platform/sql.js";
import { users } from "../accounts/index.js";
import { DEFAULT_REVIEW, type ItemContent, itemVersions } from "../catalog/index.js";
import type { LicencesService } from "../licences/index.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { CaseSummary, QueueQuery } from "./cases.contract.js";
import { caseFacts, caseLifecycle, mayChangeMaterials } from "./cases.machine.js";
import { assertNoticeAvailable, type NoticeFacts, type NoticeKind } from "./cases.notices.js";
import { type CaseRow, caseEvents, caseMaterials, cases } from "./cases.tables.js";

/** The read side of cases: one case as its readers see it, the applicant's list, the workbench queues, notices. */

const QUEUE_STATUSES: Record<Exclude<CaseQueue, "due_soon" | "overdue">, CaseStatus[]> = {
  precheck: ["submitted"],
  acceptance: ["prechecked"],
  review: ["reviewing"],
  decision: ["deciding"],
  delivery: ["issuing", "delivering"],
};

/** Where the applicant must be able to correct their answers, they see them whole; the case shows them masked else. */
const EDITABLE_STATUSES: CaseStatus[] = ["draft", "supplement"];

/** Who sees the answers whole: whoever may see any personal data whole, and the applicant where they edit them. */
export function seesFormWhole(actor: Actor, row: Pick<CaseRow, "applicantId" | "status">): boolean {
  if (actor.permissions.has("personal_data.view_full")) return true;
  return row.applicantId === actor.userId && EDITABLE_STATUSES.includes(row.status);
}

/** The applicant reads their own cases; staff those of their subtree and those they took in at a window. */
export function mayRead(actor: Actor, row: CaseRow): boolean {
  if (row.applicantId === actor.userId) return true;
  return actor.kind === "staff" && (isWithinScope(actor, row.orgPath) || row.intakeBy === actor.userId);
}

export function createCaseQueries(
  db: Db,
  loading: {
    findCase(caseId: string): Promise<CaseRow | undefined>;
    contentOf(row: CaseRow): Promise<ItemContent>;
    licences: Pick<LicencesService, "issuedByCase" | "usedByCase">;
    forms: FormSealer;
  },
) {
  const { findCase, contentOf, licences, forms } = loading;
  const applicant = alias(users, "applicant");

  async function materialsOf(caseId: string) {
    return db
      .select({
        fileId: files.id,
        key: caseMaterials.materialKey,
        name: files.name,
        mimeType: files.mimeType,
        size: files.size,
        uploadedAt: caseMaterials.createdAt,
      })
      .from(caseMaterials)
      .innerJoin(files, eq(files.id, caseMaterials.fileId))
      .where(eq(caseMaterials.caseId, caseId))
      .orderBy(asc(caseMaterials.createdAt));
  }

  const summaryColumns = {
    row: cases,
    itemName: itemVersions.name,
    orgName: orgDisplayName,
    applicantName: applicant.name,
  };

  function summarySelect() {
    return db
      .select(summaryColumns)
      .from(cases)
      .innerJoin(itemVersions, eq(itemVersions.id, cases.itemVersionId))
      .innerJoin(orgs, eq(orgs.id, cases.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .innerJoin(applicant, eq(applicant.id, cases.applicantId));
  }

  function toSummary(r: { row: CaseRow; itemName: string; orgName: string; applicantName: string }): CaseSummary {
    return {
      id: r.row.id,
      number: r.row.number,
      itemId: r.row.itemId,
      itemName: r.itemName,
      orgName: r.orgName,
      applicantName: r.applicantName,
      channel: r.row.channel,
      status: r.row.status,
      promisedDue: r.row.promisedDue,
      warning: r.row.warning,
      submittedAt: r.row.submittedAt?.toISOString() ?? null,
      revision: r.row.revision,
    };
  }

  async function listMine(actor: Actor) {
    const rows = await summarySelect()
      .where(eq(cases.applicantId, actor.userId))
      .orderBy(desc(cases.createdAt))
      .limit(200);
    return rows.map(toSummary);
  }

  /** The applicant sees their own case; staff see cases of their subtree and the ones they took in at a window. */
  async function getCase(actor: Actor, caseId: string) {
    const [found] = await summarySelect().where(eq(cases.id, caseId));
    if (!found || !mayRead(actor, found.row)) throw errors.notFound("办件");
    const { row } = found;
    const content = await contentOf(row);
    const timeline = await db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, row.id))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id));
    const flow = content.review ?? DEFAULT_REVIEW;
    const stages = flow.stages;
    return {
      ...toSummary(found),
      itemVersionId: row.itemVersionId,
      form: forms.view(content.form, row.form, seesFormWhole(actor, row)),
      materials: (await materialsOf(row.id)).map((m) => ({ ...m, uploadedAt: m.uploadedAt.toISOString() })),
      materialSpecs: content.materials.map((m) => ({
        key: m.key,
        name: m.name,
        requirement: m.requirement,
        upload: m.source !== "government",
        fileKinds: m.fileKinds ?? ["pdf", "image"],
        maxFiles: m.maxFiles ?? 5,
        maxSizeMb: m.maxSizeMb ?? 10,
        situationKeys: m.situationKeys,
        licenceTypes: m.licenceTypes ?? [],
      })),
      bundleCaseId: row.bundleCaseId,
      licences: await licences.issuedByCase(row.id),
      licenceUses: await licences.usedByCase(row.id),
      formFields: content.form.map((f) => ({ key: f.key, label: f.label })),
      reviewStages: stages.map((st) => ({ name: st.name, role: st.role })),
      reviewMode: flow.mode,
      situationKeys: row.situationKeys,
      statutoryDue: row.statutoryDue,
      clockPaused: Boolean(row.clock?.pausedOn),
      extendedDays: row.clock?.extendedDays ?? 0,
      reviews: row.reviews.map((r) => ({
        stage: r.stage,
        name: stages[r.stage]?.name ?? "审查",
        at: r.at,
        opinion: r.opinion,
      })),
      supplement: row.supplement && {
        items: row.supplement.items,
        note: row.supplement.note,
        requestedAt: row.supplement.requestedAt,
      },
      special: row.special,
      refusal: row.refusal,
      decision: row.decision,
      decisionReason: row.decisionReason,
      result: row.result,
      delivery: row.delivery,
      mayAct: actor.kind === "staff" && isWithinScope(actor, row.orgPath),
      actions: caseLifecycle.actionsFor(actor, caseFacts(row)),
      mayChangeMaterials: mayChangeMaterials(actor, caseFacts(row)),
      commitment: row.commitment,
      nextStepForApplicant: nextStepFor(row),
      timeline: timeline.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actorName: e.actorName,
        toStatus: e.toStatus,
        note: e.note,
      })),
    };
  }

  /** What a notice (受理通知书 and the like) says of a case, for those who may read the case. */
  async function noticeFacts(actor: Actor, caseId: string, kind: NoticeKind): Promise<NoticeFacts> {
    const view = await getCase(actor, caseId);
    const row = (await findCase(caseId)) as CaseRow;
    const content = await contentOf(row);
    const facts: NoticeFacts = {
      number: view.number ?? "",
      itemName: view.itemName,
      orgName: view.orgName,
      applicantName: view.applicantName,
      submittedOn: todayInChina(row.submittedAt ?? row.createdAt),
      consultationPhone: content.consultationPhone,
      acceptedOn: row.acceptedAt ? todayInChina(row.acceptedAt) : null,
      promisedDue: row.promisedDue,
      statutoryDue: row.statutoryDue,
      supplement: view.supplement,
      refusal: view.refusal,
      today: todayInChina(),
    };
    assertNoticeAvailable(kind, facts);
    return facts;
  }

  function nextStepFor(row: CaseRow): string {
    switch (row.status) {
      case "draft":
        return "请上传所需材料，然后提交申请";
      case "supplement":
        return `请补正：${row.supplement?.items.join("；") ?? ""}`;
      case "delivering":
        return row.decision === "denied" ? "请查收不予许可决定书" : "办理结果正在送达";
      default:
        return "";
    }
  }

  function queueCondition(actor: Actor, queue: CaseQueue): SQL {
    const inScope = withinScope(actor, cases.orgPath);
    if (queue === "due_soon" || queue === "overdue") {
      return and(eq(cases.warning, queue === "overdue" ? "red" : "yellow"), inScope) as SQL;
    }
    return and(inArray(cases.status, QUEUE_STATUSES[queue]), inScope) as SQL;
  }

  /**
   * A whole ID or mobile number is found by its blind index — the applicant's account, or any answer of the form —
   * since neither is stored in clear; anything else is part of a case number.
   */
  function searchCondition(text: string): SQL {
    const value = text.toUpperCase();
    if (!isValidIdNumber(value) && !isValidMobile(value)) return sql`${cases.number} like ${containsPattern(value)}`;
    const index = forms.indexOf(value);
    return sql`(${applicant.idNumberIndex} = ${index} or ${applicant.phoneIndex} = ${index}
      or jsonb_path_exists(${cases.form}, '$.*.index ? (@ == $i)', jsonb_build_object('i', ${index}::text)))`;
  }

  async function listQueue(actor: Actor, query: QueueQuery) {
    assertPermission(actor, "workbench.use");
    const where = and(
      queueCondition(actor, query.queue),
      query.number ? searchCondition(query.number) : undefined,
      query.itemId ? eq(cases.itemId, query.itemId) : undefined,
    ) as SQL;
    const [rows, [total]] = await Promise.all([
      summarySelect()
        .where(where)
        .orderBy(sql`${cases.promisedDue} asc nulls last`, asc(cases.submittedAt))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(cases)
        .innerJoin(applicant, eq(applicant.id, cases.applicantId))
        .where(where),
    ]);
    return { items: rows.map(toSummary), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
  }

  async function queueCounts(actor: Actor): Promise<Record<CaseQueue, number>> {
    assertPermission(actor, "workbench.use");
    const counts = await Promise.all(
      CASE_QUEUES.map(async (queue) => {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(cases)
          .where(queueCondition(actor, queue));
        return [queue, row?.n ?? 0] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<CaseQueue, number>;
  }

  return { getCase, noticeFacts, listMine, listQueue, queueCounts };
}
