import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { COMPLAINT_FINDING_LABELS, COMPLAINT_KIND_LABELS, type ComplaintStatus } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { addWorkingDays, deadlineWarning, todayInChina } from "../../platform/calendar.js";
import { type PersonalDataCipher, randomCode, sm3 } from "../../platform/crypto.js";
import { changeTextColumns } from "../../platform/data-migrations.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files.js";
import { files } from "../../platform/files.tables.js";
import { maskName, maskPersonalDataInText, maskPhone } from "../../platform/masking.js";
import type { FormSealer } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import type { CalendarService } from "../calendar/index.js";
import { cases } from "../cases/index.js";
import type { NotificationsService } from "../notifications/index.js";
import { type OrgService, orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { AnswerInput, NewComplaint } from "./complaints.contract.js";
import { type ComplaintAction, complaintFacts, complaintLifecycle } from "./complaints.machine.js";
import { type ComplaintRow, complaintAttachments, complaintEvents, complaints } from "./complaints.tables.js";

export type ComplaintsDeps = {
  db: Db;
  notifications: NotificationsService;
  orgs: OrgService;
  calendar: CalendarService;
  cipher: PersonalDataCipher;
  /** Seals what the complainant typed when it holds an ID or mobile number. */
  forms: FormSealer;
  files: FileStore;
  /** Working days to investigate and answer. */
  answerDays: number;
  warningDays: number;
};

const MAX_ATTACHMENTS = 5;
const ANONYMOUS: AuditActor = { id: null, name: "匿名投诉举报人", orgId: null };

const complaintChanged = () => new AppError("COMPLAINT_CHANGED");

/** 16 characters, 80 random bits: the only key to an anonymous complaint, so it cannot be guessed. */
const newTrackingCode = () => randomCode(16);

export function createComplaintsService(deps: ComplaintsDeps) {
  const { db } = deps;

  /** Who must investigate, and the key that links complaints about the same target. */
  async function route(target: NewComplaint["target"]) {
    if (target.type === "case") {
      const [row] = await db.select().from(cases).where(eq(cases.number, target.caseNumber));
      if (!row) throw new AppError("CASE_NOT_FOUND");
      return { orgId: row.orgId, orgPath: row.orgPath, targetCaseId: row.id, targetName: "", key: `case:${row.id}` };
    }
    const org = await deps.orgs.findById(target.orgId);
    if (!org) throw errors.notFound("单位");
    const name = target.type === "org" ? "" : target.name.replace(/\s+/g, "");
    const key = target.type === "org" ? `org:${org.id}` : targetKeyOf(target.type, org.id, name);
    return { orgId: org.id, orgPath: org.path, targetCaseId: null, targetName: name, key };
  }

  /** Links repeats about one school or person by the blind index of its name, which may be a person's. */
  function targetKeyOf(type: string, orgId: string, name: string) {
    return `${type}:${orgId}:${deps.cipher.blindIndex(name)}`;
  }

  /** What the complainant typed, as staff and the tracking page show it: any ID or mobile number masked. */
  const shown = (stored: string) => maskPersonalDataInText(deps.forms.openText(stored));

  async function addEvent(tx: Db, complaintId: string, note: string) {
    await tx.insert(complaintEvents).values({ id: uuidv7(), complaintId, note });
  }

  /** Named (a signed-in applicant) or anonymous (anyone, with nothing about them kept). */
  async function submit(actor: Actor | null, input: NewComplaint) {
    if (!input.anonymous && (!actor || actor.kind === "staff")) {
      throw new AppError("SIGN_IN_REQUIRED");
    }
    const routed = await route(input.target);
    const code = newTrackingCode();
    const calendar = await deps.calendar.workingCalendar();
    const dueOn = addWorkingDays(todayInChina(), deps.answerDays, calendar).date;
    const id = uuidv7();
    const received = `已收到${COMPLAINT_KIND_LABELS[input.kind]}，转${await deps.orgs.displayName(routed.orgId)}核查，${dueOn} 前答复`;
    const number = await db.transaction(async (tx) => {
      const [seq] = await tx.select({ n: sql<string>`nextval('complaint_numbers')` }).from(sql`(select 1) as one`);
      const number = `TS${todayInChina().replaceAll("-", "")}${String(seq?.n ?? 0).padStart(6, "0")}`;
      await tx.insert(complaints).values({
        id,
        number,
        kind: input.kind,
        targetType: input.target.type,
        targetCaseId: routed.targetCaseId,
        targetName: deps.forms.sealText(routed.targetName),
        targetKey: routed.key,
        orgId: routed.orgId,
        orgPath: routed.orgPath,
        title: deps.forms.sealText(input.title),
        content: deps.forms.sealText(input.content),
        complainantId: input.anonymous ? null : (actor?.userId ?? null),
        trackingDigest: sm3(code),
        dueOn,
      });
      await addEvent(tx, id, received);
      await appendAudit(tx, input.anonymous || !actor ? ANONYMOUS : auditActorOf(actor), {
        action: "complaint.submit",
        targetType: "complaint",
        targetId: id,
        summary: `${COMPLAINT_KIND_LABELS[input.kind]} ${number}：${maskPersonalDataInText(input.title)}`,
        orgId: routed.orgId,
      });
      return number;
    });
    return { number, trackingCode: code };
  }

  async function byCode(code: string): Promise<ComplaintRow> {
    const [row] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.trackingDigest, sm3(code)));
    if (!row) throw new AppError("TRACKING_CODE_UNKNOWN");
    return row;
  }

  async function eventsOf(complaintId: string) {
    const rows = await db
      .select({ at: complaintEvents.at, note: complaintEvents.note })
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, complaintId))
      .orderBy(asc(complaintEvents.at));
    return rows.map((e) => ({ at: e.at.toISOString(), note: e.note }));
  }

  async function attachmentsOf(complaintId: string) {
    return db
      .select({ fileId: files.id, name: files.name, size: files.size })
      .from(complaintAttachments)
      .innerJoin(files, eq(files.id, complaintAttachments.fileId))
      .where(eq(complaintAttachments.complaintId, complaintId))
      .orderBy(asc(complaintAttachments.createdAt));
  }

  async function progressOf(row: ComplaintRow) {
    return {
      number: row.number,
      kind: row.kind,
      title: shown(row.title),
      orgName: await deps.orgs.displayName(row.orgId),
      status: row.status,
      dueOn: row.dueOn,
      createdAt: row.createdAt.toISOString(),
      events: await eventsOf(row.id),
      answer:
        row.status === "answered" && row.finding && row.answeredAt
          ? {
              finding: row.finding,
              measures: row.measures ?? "",
              reply: row.reply ?? "",
              answeredAt: row.answeredAt.toISOString(),
            }
          : null,
      attachments: (await attachmentsOf(row.id)).length,
    };
  }

  async function track(code: string) {
    return progressOf(await byCode(code));
  }

  async function listMine(actor: Actor) {
    const rows = await db
      .select()
      .from(complaints)
      .where(eq(complaints.complainantId, actor.userId))
      .orderBy(desc(complaints.createdAt))
      .limit(100);
    return Promise.all(rows.map(progressOf));
  }

  /** Attachments go with the tracking code, until the org starts to investigate. */
  async function attach(code: string, file: { name: string; mimeType: string; data: Buffer }) {
    const row = await byCode(code);
    if (row.status !== "received") {
      throw new AppError("COMPLAINT_IN_HAND");
    }
    if ((await attachmentsOf(row.id)).length >= MAX_ATTACHMENTS) {
      throw new AppError("TOO_MANY_FILES", `附件最多 ${MAX_ATTACHMENTS} 个`);
    }
    const stored = await deps.files.save({
      ...file,
      visibility: "private",
      uploadedBy: row.complainantId,
      kinds: ["pdf", "image", "word"],
      maxBytes: 10 * 1024 * 1024,
    });
    await db.transaction(async (tx) => {
      await tx.insert(complaintAttachments).values({ complaintId: row.id, fileId: stored.id }).onConflictDoNothing();
      await appendAudit(
        tx,
        row.complainantId ? { id: row.complainantId, name: "投诉举报人", orgId: null } : ANONYMOUS,
        {
          action: "complaint.attach",
          targetType: "complaint",
          targetId: row.id,
          summary: `${row.number}：补充附件 ${maskPersonalDataInText(stored.name)}`,
          orgId: row.orgId,
        },
      );
    });
    return progressOf(row);
  }

  // ---- staff ----

  function assertHandles(actor: Actor) {
    if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
  }

  const related = sql<number>`(select count(*)::int - 1 from complaints c where c.target_key = ${complaints.targetKey})`;

  async function list(actor: Actor, query: { status?: ComplaintStatus }) {
    assertHandles(actor);
    const rows = await db
      .select({ row: complaints, orgName: orgDisplayName, related })
      .from(complaints)
      .innerJoin(orgs, eq(orgs.id, complaints.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(
        and(withinScope(actor, complaints.orgPath), query.status ? eq(complaints.status, query.status) : undefined),
      )
      .orderBy(asc(complaints.dueOn))
      .limit(200);
    const calendar = await deps.calendar.workingCalendar();
    const today = todayInChina();
    return rows.map((r) =>
      summaryOf(r.row, r.orgName, r.related, deadlineWarning(today, r.row.dueOn, deps.warningDays, calendar)),
    );
  }

  function summaryOf(row: ComplaintRow, name: string, relatedCount: number, warning: "none" | "yellow" | "red") {
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      title: shown(row.title),
      orgName: name,
      targetType: row.targetType,
      targetName: shown(row.targetName),
      status: row.status,
      dueOn: row.dueOn,
      warning: row.status === "answered" ? ("none" as const) : warning,
      anonymous: row.complainantId === null,
      related: relatedCount,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function load(actor: Actor, id: string): Promise<ComplaintRow> {
    assertHandles(actor);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
    if (!row || !isWithinScope(actor, row.orgPath)) throw errors.notFound("投诉举报");
    return row;
  }

  async function get(actor: Actor, id: string) {
    const row = await load(actor, id);
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
        row,
        await deps.orgs.displayName(row.orgId),
        others.length,
        deadlineWarning(todayInChina(), row.dueOn, deps.warningDays, calendar),
      ),
      revision: row.revision,
      content: shown(row.content),
      actions: complaintLifecycle.actionsFor(actor, complaintFacts(row)),
      caseNumber: caseRow?.number ?? null,
      complainant: person
        ? { name: maskName(person.name), phone: person.phone ? maskPhone(deps.cipher.decrypt(person.phone)) : null }
        : null,
      attachments: await attachmentsOf(row.id),
      investigation: row.investigation,
      finding: row.finding,
      measures: row.measures,
      reply: row.reply,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      sentBack: row.sentBack,
      published: row.published,
      publishedSummary: row.publishedSummary,
      relatedComplaints: others.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
      events: await eventsOf(row.id),
    };
  }

  async function openAttachment(actor: Actor, id: string, fileId: string) {
    const row = await load(actor, id);
    const [attached] = await db
      .select({ fileId: complaintAttachments.fileId })
      .from(complaintAttachments)
      .where(and(eq(complaintAttachments.complaintId, row.id), eq(complaintAttachments.fileId, fileId)));
    const file = attached && (await deps.files.find(attached.fileId));
    if (!file) throw errors.notFound("附件");
    return { file, stream: await deps.files.open(file) };
  }

  /** Compare-and-set on the revision, with the complainant's timeline entry and the audit entry. */
  async function change(
    actor: Actor,
    row: ComplaintRow,
    action: ComplaintAction,
    input: { revision: number; set: Partial<ComplaintRow> },
    entry: { note: string; summary: string },
  ) {
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
    return get(actor, row.id);
  }

  /** 有诉必查: the org starts its investigation and says how. */
  async function investigate(actor: Actor, id: string, input: { revision: number; investigation: string }) {
    const row = await load(actor, id);
    return change(
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

  async function answer(actor: Actor, id: string, input: AnswerInput) {
    const row = await load(actor, id);
    return change(
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
  async function sendBack(actor: Actor, id: string, input: { revision: number; reason: string }) {
    const row = await load(actor, id);
    return change(
      actor,
      row,
      "send_back",
      { revision: input.revision, set: { status: "investigating", sentBack: input.reason, answeredAt: null } },
      { note: "上级部门审查后要求重新核查", summary: `退回重办：${input.reason}` },
    );
  }

  /** A founded complaint published as a negative example, in words written for the public. */
  async function publish(actor: Actor, id: string, input: { revision: number; summary: string }) {
    const row = await load(actor, id);
    return change(
      actor,
      row,
      "publish",
      { revision: input.revision, set: { published: true, publishedSummary: input.summary, publishedAt: new Date() } },
      { note: "", summary: "作为反面典型公开" },
    );
  }

  async function negativeExamples() {
    const rows = await db
      .select({ row: complaints, orgName: orgDisplayName })
      .from(complaints)
      .innerJoin(orgs, eq(orgs.id, complaints.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(and(eq(complaints.published, true), inArray(complaints.finding, ["founded", "partly_founded"])))
      .orderBy(desc(complaints.publishedAt))
      .limit(50);
    return rows.map(({ row, orgName: name }) => ({
      number: row.number,
      kind: row.kind,
      orgName: name,
      finding: row.finding ?? "founded",
      summary: row.publishedSummary ?? "",
      measures: row.measures ?? "",
      publishedOn: row.publishedAt ? todayInChina(row.publishedAt) : "",
    }));
  }

  /** Complaints stored before typed numbers were sealed: their texts sealed, their target keys indexed. */
  const sealStoredTexts = changeTextColumns(
    "complaints.seal-texts",
    "complaints",
    ["title", "content", "target_name", "target_key"],
    (column, text) => {
      if (column !== "target_key") return deps.forms.sealText(text);
      const [, type, orgId, name] = /^(school|person):([^:]+):(.*)$/.exec(text) ?? [];
      return type && orgId && name !== undefined ? targetKeyOf(type, orgId, name) : text;
    },
  );

  return {
    dataMigrations: [sealStoredTexts],
    submit,
    track,
    listMine,
    attach,
    list,
    get,
    openAttachment,
    investigate,
    answer,
    sendBack,
    publish,
    negativeExamples,
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
