import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { COMPLAINT_FINDING_LABELS, type ComplaintStatus } from "../../../common/vocabulary.js";
import { appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { deadlineWarning, todayInChina } from "../../platform/calendar.js";
import { errors } from "../../platform/errors.js";
import { maskName, maskPhone } from "../../platform/masking.js";
import { users } from "../accounts/index.js";
import { cases } from "../cases/index.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import { type ComplaintsDeps, complaintChanged } from "./complaints.context.js";
import type { AnswerInput } from "./complaints.contract.js";
import { type ComplaintAction, complaintFacts, complaintLifecycle } from "./complaints.machine.js";

import { addEvent, attachmentsOf, eventsOf, shown } from "./complaints.submit.js";
import { type ComplaintRow, complaintAttachments, complaints } from "./complaints.tables.js";

export function assertHandles(actor: Actor) {
  if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
}

export const related = sql<number>`(select count(*)::int - 1 from complaints c where c.target_key = ${complaints.targetKey})`;

export async function list(deps: ComplaintsDeps, actor: Actor, query: { status?: ComplaintStatus }) {
  const { db } = deps;
  assertHandles(actor);
  const rows = await db
    .select({ row: complaints, orgName: orgDisplayName, related })
    .from(complaints)
    .innerJoin(orgs, eq(orgs.id, complaints.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
    .where(and(withinScope(actor, complaints.orgPath), query.status ? eq(complaints.status, query.status) : undefined))
    .orderBy(asc(complaints.dueOn))
    .limit(200);
  const calendar = await deps.calendar.workingCalendar();
  const today = todayInChina();
  return rows.map((r) =>
    summaryOf(deps, r.row, r.orgName, r.related, deadlineWarning(today, r.row.dueOn, deps.warningDays, calendar)),
  );
}

export function summaryOf(
  deps: ComplaintsDeps,
  row: ComplaintRow,
  name: string,
  relatedCount: number,
  warning: "none" | "yellow" | "red",
) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: shown(deps, row.title),
    orgName: name,
    targetType: row.targetType,
    targetName: shown(deps, row.targetName),
    status: row.status,
    dueOn: row.dueOn,
    warning: row.status === "answered" ? ("none" as const) : warning,
    anonymous: row.complainantId === null,
    related: relatedCount,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function load(deps: ComplaintsDeps, actor: Actor, id: string): Promise<ComplaintRow> {
  const { db } = deps;
  assertHandles(actor);
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  if (!row || !isWithinScope(actor, row.orgPath)) throw errors.notFound("投诉举报");
  return row;
}

export async function get(deps: ComplaintsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const row = await load(deps, actor, id);
  const others = await db
    .select({
      id: complaints.id,
      number: complaints.number,
      status: complaints.status,
      createdAt: complaints.createdAt,
    })
    .from(complaints)
    .where(and(eq(complaints.targetKey, row.targetKey), ne(complaints.id, row.id)))
    .orderBy(desc(complaints.createdAt))
    .limit(50);
  const [person] = row.complainantId
    ? await db
        .select({ name: users.name, phone: users.phoneEncrypted })
        .from(users)
        .where(eq(users.id, row.complainantId))
    : [];
  const [caseRow] = row.targetCaseId
    ? await db.select({ number: cases.number }).from(cases).where(eq(cases.id, row.targetCaseId))
    : [];
  const calendar = await deps.calendar.workingCalendar();
  return {
    ...summaryOf(
      deps,
      row,
      await deps.orgs.displayName(row.orgId),
      others.length,
      deadlineWarning(todayInChina(), row.dueOn, deps.warningDays, calendar),
    ),
    revision: row.revision,
    content: shown(deps, row.content),
    actions: complaintLifecycle.actionsFor(actor, complaintFacts(row)),
    caseNumber: caseRow?.number ?? null,
    complainant: person
      ? { name: maskName(person.name), phone: person.phone ? maskPhone(deps.cipher.decrypt(person.phone)) : null }
      : null,
    attachments: await attachmentsOf(deps, row.id),
    investigation: row.investigation,
    finding: row.finding,
    measures: row.measures,
    reply: row.reply,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    sentBack: row.sentBack,
    published: row.published,
    publishedSummary: row.publishedSummary,
    relatedComplaints: others.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    events: await eventsOf(deps, row.id),
  };
}

export async function openAttachment(deps: ComplaintsDeps, actor: Actor, id: string, fileId: string) {
  const { db } = deps;
  const row = await load(deps, actor, id);
  const [attached] = await db
    .select({ fileId: complaintAttachments.fileId })
    .from(complaintAttachments)
    .where(and(eq(complaintAttachments.complaintId, row.id), eq(complaintAttachments.fileId, fileId)));
  const file = attached && (await deps.files.find(attached.fileId));
  if (!file) throw errors.notFound("附件");
  return { file, stream: await deps.files.open(file) };
}

/** Compare-and-set on the revision, with the complainant's timeline entry and the audit entry. */
export async function change(
  deps: ComplaintsDeps,
  actor: Actor,
  row: ComplaintRow,
  action: ComplaintAction,
  input: { revision: number; set: Partial<ComplaintRow> },
  entry: { note: string; summary: string },
) {
  const { db } = deps;
  if (row.revision !== input.revision) throw complaintChanged();
  complaintLifecycle.assertStaffMayTake(actor, action, complaintFacts(row));
  await db.transaction(async (tx) => {
    const [next] = await tx
      .update(complaints)
      .set({ ...input.set, revision: row.revision + 1 })
      .where(and(eq(complaints.id, row.id), eq(complaints.revision, row.revision)))
      .returning();
    if (!next) throw complaintChanged();
    if (entry.note) await addEvent(tx, row.id, entry.note);
    await appendAudit(tx, auditActorOf(actor), {
      action: `complaint.${action}`,
      targetType: "complaint",
      targetId: row.id,
      summary: `${row.number}：${entry.summary}`,
      orgId: row.orgId,
    });
  });
  if (row.complainantId && entry.note) {
    await deps.notifications.tell({
      userId: row.complainantId,
      caseId: null,
      text: `您的投诉举报 ${row.number}：${entry.note}`,
    });
  }
  return get(deps, actor, row.id);
}

/** 有诉必查: the org starts its investigation and says how. */
export async function investigate(
  deps: ComplaintsDeps,
  actor: Actor,
  id: string,
  input: { revision: number; investigation: string },
) {
  const row = await load(deps, actor, id);
  return change(
    deps,
    actor,
    row,
    "investigate",
    { revision: input.revision, set: { status: "investigating", investigation: input.investigation } },
    {
      note: `${await deps.orgs.displayName(row.orgId)}已开始核查`,
      summary: "开始核查",
    },
  );
}

export async function answer(deps: ComplaintsDeps, actor: Actor, id: string, input: AnswerInput) {
  const row = await load(deps, actor, id);
  return change(
    deps,
    actor,
    row,
    "answer",
    {
      revision: input.revision,
      set: {
        status: "answered",
        investigation: input.investigation,
        finding: input.finding,
        measures: input.measures,
        reply: input.reply,
        answeredAt: new Date(),
      },
    },
    {
      note: `已答复，核查结论：${COMPLAINT_FINDING_LABELS[input.finding]}`,
      summary: `答复，结论${COMPLAINT_FINDING_LABELS[input.finding]}`,
    },
  );
}

/** A supervisor of a level above finds the answer wanting: the org investigates again. */
export async function sendBack(
  deps: ComplaintsDeps,
  actor: Actor,
  id: string,
  input: { revision: number; reason: string },
) {
  const row = await load(deps, actor, id);
  return change(
    deps,
    actor,
    row,
    "send_back",
    { revision: input.revision, set: { status: "investigating", sentBack: input.reason, answeredAt: null } },
    { note: "上级部门审查后要求重新核查", summary: `退回重办：${input.reason}` },
  );
}
