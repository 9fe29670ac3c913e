import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import type { ConsultationStatus } from "../../../common/vocabulary.js";
import { appendAudit } from "../../platform/audit.js";
import {
  type Actor,
  assertPermission,
  assertWithinScope,
  auditActorOf,
  isWithinScope,
  withinScope,
} from "../../platform/auth.js";
import { addWorkingDays, deadlineWarning, todayInChina } from "../../platform/calendar.js";
import { changeTextColumns } from "../../platform/data-migrations.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { maskName, maskPersonalDataInText } from "../../platform/masking.js";
import type { FormSealer } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import type { CalendarService } from "../calendar/index.js";
import { items, itemVersions } from "../catalog/index.js";
import type { NotificationsService } from "../notifications/index.js";
import { type OrgService, orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { AskInput } from "./consultations.contract.js";
import { type ConsultationRow, consultations, itemDesks } from "./consultations.tables.js";

export type ConsultationsDeps = {
  db: Db;
  notifications: NotificationsService;
  orgs: OrgService;
  calendar: CalendarService;
  /** Seals a question that holds an ID or mobile number. */
  forms: FormSealer;
  /** Working days to answer. */
  answerDays: number;
  warningDays: number;
};

const changed = () => new AppError("CONSULTATION_CHANGED");

export function createConsultationsService(deps: ConsultationsDeps) {
  const { db } = deps;
  const asker = alias(users, "asker");
  const assignee = alias(users, "assignee");

  /** The item's org and current name, and who answers for it. */
  async function itemFacts(itemId: string) {
    const [row] = await db
      .select({ orgId: items.orgId, name: itemVersions.name, staffId: itemDesks.staffId })
      .from(items)
      .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.status, "published")))
      .leftJoin(itemDesks, eq(itemDesks.itemId, items.id))
      .where(and(eq(items.id, itemId), eq(items.standard, false)));
    if (!row) throw errors.notFound("事项");
    return row;
  }

  async function ask(actor: Actor, input: AskInput) {
    const item = input.itemId ? await itemFacts(input.itemId) : null;
    const org = await deps.orgs.findById(item?.orgId ?? input.orgId ?? "");
    if (!org) throw errors.notFound("单位");
    const calendar = await deps.calendar.workingCalendar();
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(consultations).values({
        id,
        askerId: actor.userId,
        orgId: org.id,
        orgPath: org.path,
        itemId: input.itemId ?? null,
        itemName: item?.name ?? null,
        assigneeId: item?.staffId ?? null,
        question: deps.forms.sealText(input.question),
        dueOn: addWorkingDays(todayInChina(), deps.answerDays, calendar).date,
      });
      await appendAudit(tx, auditActorOf(actor), {
        action: "consultation.ask",
        targetType: "consultation",
        targetId: id,
        summary: `向${org.name}咨询${item ? `“${item.name}”` : ""}`,
        orgId: org.id,
      });
    });
    const [row] = await select().where(eq(consultations.id, id));
    if (!row) throw new Error(`consultation ${id} vanished after its insert`);
    return (await viewsOf([row]))[0] as ConsultationView;
  }

  const columns = { row: consultations, orgName: orgDisplayName, askerName: asker.name, assigneeName: assignee.name };

  function select() {
    return db
      .select(columns)
      .from(consultations)
      .innerJoin(orgs, eq(orgs.id, consultations.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .innerJoin(asker, eq(asker.id, consultations.askerId))
      .leftJoin(assignee, eq(assignee.id, consultations.assigneeId));
  }

  type Joined = { row: ConsultationRow; orgName: string; askerName: string; assigneeName: string | null };

  type ConsultationView = Awaited<ReturnType<typeof viewsOf>>[number];

  async function viewsOf(rows: Joined[]) {
    const calendar = await deps.calendar.workingCalendar();
    const today = todayInChina();
    return rows.map(({ row, orgName }) => ({
      id: row.id,
      orgName,
      itemId: row.itemId,
      itemName: row.itemName,
      // Asker and staff alike read any number in the question masked.
      question: maskPersonalDataInText(deps.forms.openText(row.question)),
      status: row.status,
      dueOn: row.dueOn,
      warning:
        row.status === "answered" ? ("none" as const) : deadlineWarning(today, row.dueOn, deps.warningDays, calendar),
      answer: row.answer,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  async function listMine(actor: Actor) {
    const rows = await select()
      .where(eq(consultations.askerId, actor.userId))
      .orderBy(desc(consultations.createdAt))
      .limit(100);
    return viewsOf(rows);
  }

  async function staffViewsOf(actor: Actor, rows: Joined[]) {
    const views = await viewsOf(rows);
    return rows.map((r, i) => ({
      ...(views[i] as (typeof views)[number]),
      revision: r.row.revision,
      askerName: maskName(r.askerName),
      assignedToMe: r.row.assigneeId === actor.userId,
      assigneeName: r.assigneeName,
      faq: r.row.faq,
      faqQuestion: r.row.faqQuestion,
      faqAnswer: r.row.faqAnswer,
    }));
  }

  /** The org subtree's questions: those assigned to the reader first, then by due date. */
  async function queue(actor: Actor, query: { status?: ConsultationStatus }) {
    assertPermission(actor, "consultation.answer");
    const rows = await select()
      .where(
        and(
          withinScope(actor, consultations.orgPath),
          query.status ? eq(consultations.status, query.status) : undefined,
        ),
      )
      .orderBy(sql`${consultations.assigneeId} = ${actor.userId} desc nulls last`, asc(consultations.dueOn))
      .limit(200);
    return staffViewsOf(actor, rows);
  }

  async function load(actor: Actor, id: string) {
    assertPermission(actor, "consultation.answer");
    const [row] = await select().where(eq(consultations.id, id));
    if (!row || !isWithinScope(actor, row.row.orgPath)) throw errors.notFound("咨询");
    return row;
  }

  async function update(
    actor: Actor,
    id: string,
    revision: number,
    set: Partial<ConsultationRow>,
    audit: { action: string; summary: string },
  ) {
    const current = await load(actor, id);
    if (current.row.revision !== revision) throw changed();
    await db.transaction(async (tx) => {
      const [next] = await tx
        .update(consultations)
        .set({ ...set, revision: revision + 1 })
        .where(and(eq(consultations.id, id), eq(consultations.revision, revision)))
        .returning();
      if (!next) throw changed();
      await appendAudit(tx, auditActorOf(actor), {
        ...audit,
        targetType: "consultation",
        targetId: id,
        orgId: current.row.orgId,
      });
    });
    const [row] = await select().where(eq(consultations.id, id));
    return (await staffViewsOf(actor, row ? [row] : []))[0];
  }

  async function answer(actor: Actor, id: string, input: { revision: number; answer: string }) {
    const current = await load(actor, id);
    if (current.row.status === "answered") throw new AppError("CONSULTATION_ANSWERED");
    const view = await update(
      actor,
      id,
      input.revision,
      { status: "answered", answer: input.answer, answeredBy: actor.userId, answeredAt: new Date() },
      { action: "consultation.answer", summary: `答复咨询${current.row.itemName ? `“${current.row.itemName}”` : ""}` },
    );
    await deps.notifications.tell({
      userId: current.row.askerId,
      caseId: null,
      text: `您的咨询已答复：${input.answer}`,
    });
    return view;
  }

  /** 常见问题: an answered question, in words edited for the public, shown on the item's guide. */
  async function setFaq(
    actor: Actor,
    id: string,
    input: { revision: number; published: boolean; question: string; answer: string },
  ) {
    const current = await load(actor, id);
    if (current.row.status !== "answered" || !current.row.itemId) {
      throw new AppError("NOT_FAQ_MATERIAL");
    }
    return update(
      actor,
      id,
      input.revision,
      { faq: input.published, faqQuestion: input.question, faqAnswer: input.answer },
      { action: "consultation.faq", summary: input.published ? "设为常见问题" : "撤下常见问题" },
    );
  }

  /** What the guide shows: who answers for the item, and its FAQ. */
  async function faqOf(itemId: string) {
    const item = await itemFacts(itemId);
    const [staff] = item.staffId
      ? await db.select({ name: users.name }).from(users).where(eq(users.id, item.staffId))
      : [];
    const rows = await db
      .select({ q: consultations.faqQuestion, a: consultations.faqAnswer, at: consultations.answeredAt })
      .from(consultations)
      .where(and(eq(consultations.itemId, itemId), eq(consultations.faq, true)))
      .orderBy(desc(consultations.answeredAt))
      .limit(50);
    return {
      responsibleStaff: staff?.name ?? null,
      orgName: await deps.orgs.displayName(item.orgId),
      faq: rows.map((r) => ({ question: r.q ?? "", answer: r.a ?? "", answeredOn: r.at ? todayInChina(r.at) : "" })),
    };
  }

  /** An item's administrator names the staff member who answers for it, from the item's org and below. */
  async function setDesk(actor: Actor, itemId: string, staffId: string | null) {
    assertPermission(actor, "catalog.manage");
    const item = await itemFacts(itemId);
    const itemOrg = await deps.orgs.findById(item.orgId);
    if (!itemOrg) throw errors.notFound("事项");
    assertWithinScope(actor, itemOrg.path);
    let staffName: string | null = null;
    if (staffId) {
      const [staff] = await db
        .select({ name: users.name, kind: users.kind, orgPath: orgs.path })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(eq(users.id, staffId));
      if (
        staff?.kind !== "staff" ||
        !(staff.orgPath === itemOrg.path || staff.orgPath.startsWith(`${itemOrg.path}/`))
      ) {
        throw errors.validation("责任人须是本事项所属单位（或其下级）的工作人员");
      }
      staffName = staff.name;
    }
    await db.transaction(async (tx) => {
      if (staffId) {
        await tx
          .insert(itemDesks)
          .values({ itemId, staffId })
          .onConflictDoUpdate({ target: itemDesks.itemId, set: { staffId, updatedAt: new Date() } });
      } else {
        await tx.delete(itemDesks).where(eq(itemDesks.itemId, itemId));
      }
      await appendAudit(tx, auditActorOf(actor), {
        action: "consultation.desk",
        targetType: "item",
        targetId: itemId,
        summary: staffName ? `指定“${item.name}”的责任人：${staffName}` : `取消“${item.name}”的责任人`,
        orgId: item.orgId,
      });
    });
    return { staffId, staffName };
  }

  /**
   * Names a responsible staff member for every item that has none: a window clerk of the item's own org, or of one of
   * its offices (a university's 教务处). Items of an org without a window clerk keep none, as their guide then says.
   */
  async function assignDefaultDesks(): Promise<void> {
    await db.execute(sql`
      insert into ${itemDesks} (item_id, staff_id)
      select distinct on (i.id) i.id, u.id
      from ${items} i
      join ${orgs} o on o.id = i.org_id
      join ${users} u on u.kind = 'staff' and 'window_clerk' = any(u.roles)
      join ${orgs} uo on uo.id = u.org_id
      where not i.standard and (uo.id = o.id or (uo.parent_id = o.id and uo.kind = 'office'))
      order by i.id, u.created_at
      on conflict do nothing`);
  }

  /** Questions stored before typed numbers were sealed. */
  const sealStoredQuestions = changeTextColumns(
    "consultations.seal-questions",
    "consultations",
    ["question"],
    (_, text) => deps.forms.sealText(text),
  );

  return {
    dataMigrations: [sealStoredQuestions],
    ask,
    listMine,
    queue,
    answer,
    setFaq,
    faqOf,
    setDesk,
    assignDefaultDesks,
  };
}

export type ConsultationsService = ReturnType<typeof createConsultationsService>;
