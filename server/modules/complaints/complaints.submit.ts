import { asc, desc, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { COMPLAINT_KIND_LABELS } from "../../../common/vocabulary.js";
import { appendAudit } from "../../platform/audit.js";
import { type Actor, auditActorOf } from "../../platform/auth.js";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { sm3 } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { files } from "../../platform/files.tables.js";
import { maskPersonalDataInText } from "../../platform/masking.js";
import { cases } from "../cases/index.js";
import { ANONYMOUS, type ComplaintsDeps, MAX_ATTACHMENTS, newTrackingCode } from "./complaints.context.js";
import type { NewComplaint } from "./complaints.contract.js";
import { type ComplaintRow, complaintAttachments, complaintEvents, complaints } from "./complaints.tables.js";

/** Who must investigate, and the key that links complaints about the same target. */
export async function route(deps: ComplaintsDeps, target: NewComplaint["target"]) {
  const { db } = deps;
  if (target.type === "case") {
    const [row] = await db.select().from(cases).where(eq(cases.number, target.caseNumber));
    if (!row) throw new AppError("CASE_NOT_FOUND");
    return { orgId: row.orgId, orgPath: row.orgPath, targetCaseId: row.id, targetName: "", key: `case:${row.id}` };
  }
  const org = await deps.orgs.findById(target.orgId);
  if (!org) throw errors.notFound("单位");
  const name = target.type === "org" ? "" : target.name.replace(/\s+/g, "");
  const key = target.type === "org" ? `org:${org.id}` : targetKeyOf(deps, target.type, org.id, name);
  return { orgId: org.id, orgPath: org.path, targetCaseId: null, targetName: name, key };
}

/** Links repeats about one school or person by the blind index of its name, which may be a person's. */
export function targetKeyOf(deps: ComplaintsDeps, type: string, orgId: string, name: string) {
  return `${type}:${orgId}:${deps.cipher.blindIndex(name)}`;
}

/** What the complainant typed, as staff and the tracking page show it: any ID or mobile number masked. */
export function shown(deps: ComplaintsDeps, stored: string) {
  return maskPersonalDataInText(deps.forms.openText(stored));
}

export async function addEvent(tx: Db, complaintId: string, note: string) {
  await tx.insert(complaintEvents).values({ id: uuidv7(), complaintId, note });
}

/** Named (a signed-in applicant) or anonymous (anyone, with nothing about them kept). */
export async function submit(deps: ComplaintsDeps, actor: Actor | null, input: NewComplaint) {
  const { db } = deps;
  if (!input.anonymous && (!actor || actor.kind === "staff")) {
    throw new AppError("SIGN_IN_REQUIRED");
  }
  const routed = await route(deps, input.target);
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

export async function byCode(deps: ComplaintsDeps, code: string): Promise<ComplaintRow> {
  const { db } = deps;
  const [row] = await db
    .select()
    .from(complaints)
    .where(eq(complaints.trackingDigest, sm3(code)));
  if (!row) throw new AppError("TRACKING_CODE_UNKNOWN");
  return row;
}

export async function eventsOf(deps: ComplaintsDeps, complaintId: string) {
  const { db } = deps;
  const rows = await db
    .select({ at: complaintEvents.at, note: complaintEvents.note })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at));
  return rows.map((e) => ({ at: e.at.toISOString(), note: e.note }));
}

export async function attachmentsOf(deps: ComplaintsDeps, complaintId: string) {
  const { db } = deps;
  return db
    .select({ fileId: files.id, name: files.name, size: files.size })
    .from(complaintAttachments)
    .innerJoin(files, eq(files.id, complaintAttachments.fileId))
    .where(eq(complaintAttachments.complaintId, complaintId))
    .orderBy(asc(complaintAttachments.createdAt));
}

export async function progressOf(deps: ComplaintsDeps, row: ComplaintRow) {
  return {
    number: row.number,
    kind: row.kind,
    title: shown(deps, row.title),
    orgName: await deps.orgs.displayName(row.orgId),
    status: row.status,
    dueOn: row.dueOn,
    createdAt: row.createdAt.toISOString(),
    events: await eventsOf(deps, row.id),
    answer:
      row.status === "answered" && row.finding && row.answeredAt
        ? {
            finding: row.finding,
            measures: row.measures ?? "",
            reply: row.reply ?? "",
            answeredAt: row.answeredAt.toISOString(),
          }
        : null,
    attachments: (await attachmentsOf(deps, row.id)).length,
  };
}

export async function track(deps: ComplaintsDeps, code: string) {
  return progressOf(deps, await byCode(deps, code));
}

export async function listMine(deps: ComplaintsDeps, actor: Actor) {
  const { db } = deps;
  const rows = await db
    .select()
    .from(complaints)
    .where(eq(complaints.complainantId, actor.userId))
    .orderBy(desc(complaints.createdAt))
    .limit(100);
  return Promise.all(rows.map((row) => progressOf(deps, row)));
}

/** Attachments go with the tracking code, until the org starts to investigate. */
export async function attach(
  deps: ComplaintsDeps,
  code: string,
  file: { name: string; mimeType: string; data: Buffer },
) {
  const { db } = deps;
  const row = await byCode(deps, code);
  if (row.status !== "received") {
    throw new AppError("COMPLAINT_IN_HAND");
  }
  if ((await attachmentsOf(deps, row.id)).length >= MAX_ATTACHMENTS) {
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
    await appendAudit(tx, row.complainantId ? { id: row.complainantId, name: "投诉举报人", orgId: null } : ANONYMOUS, {
      action: "complaint.attach",
      targetType: "complaint",
      targetId: row.id,
      summary: `${row.number}：补充附件 ${maskPersonalDataInText(stored.name)}`,
      orgId: row.orgId,
    });
  });
  return progressOf(deps, row);
}
