import { and, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { AuditActor } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { FormValues } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import { type ItemContent, items, validateFormSubmission } from "../catalog/index.js";
import type { LicenceUse } from "../licences/index.js";
import { certificateKindOf, writeCertificate } from "../students/index.js";
import { resumeClock } from "./cases.clock.js";
import { type CasesDeps, caseChanged, type Instant } from "./cases.context.js";
import type { ApplyInput, IntakeInput } from "./cases.contract.js";
import { caseStatusChanged } from "./cases.events.js";
import {
  clockFields,
  contentOf,
  holderOf,
  loadForApplicant,
  loadOwnCase,
  publishedVersionOf,
} from "./cases.loading.js";
import { assertNotBundlePart, caseFacts } from "./cases.machine.js";
import { uploadedKeys } from "./cases.materials.js";
import { filingReceiptBody } from "./cases.notices.js";
import { type CaseRow, cases } from "./cases.tables.js";
import { nextNumber, transition } from "./cases.transition.js";

/**
 * The form answers fit the item's form, the situations exist, and — online, where no clerk sees the paper — every
 * required material the applicant must bring is uploaded. Materials the government issues are fetched by staff.
 */
export function checkApplication(
  content: ItemContent,
  form: FormValues,
  situationKeys: string[],
  uploaded: Set<string> | null,
  committed = false,
): void {
  const problems = validateFormSubmission(content.form, form);
  const known = new Set(content.situations.map((s) => s.key));
  for (const key of situationKeys) {
    if (!known.has(key)) problems.push({ field: "situationKeys", message: `没有“${key}”这种办理情形` });
  }
  for (const material of uploaded ? content.materials : []) {
    const applies =
      material.situationKeys.length === 0 || material.situationKeys.some((k) => situationKeys.includes(k));
    // A signed commitment stands in for the proofs other bodies issue (告知承诺).
    const covered = material.source === "government" || (committed && material.source === "issuer");
    if (applies && material.requirement === "required" && !covered && !uploaded?.has(material.key)) {
      problems.push({ field: `materials.${material.key}`, message: `请上传“${material.name}”` });
    }
  }
  if (problems.length > 0) {
    throw new AppError("FORM_INVALID", `申请表有 ${problems.length} 处需要修改`, { errors: problems });
  }
}

export async function apply(deps: CasesDeps, actor: Actor, input: ApplyInput) {
  if (actor.kind === "staff") throw errors.forbidden("工作人员请通过窗口受理为申请人提交申请");
  return createCase(deps, auditActorOf(actor), actor.userId, "online", null, input);
}

/** 一窗受理: a clerk of any window takes an application for any item on the applicant's behalf. */
export async function intake(deps: CasesDeps, actor: Actor, input: IntakeInput) {
  const { db } = deps;
  assertPermission(actor, "case.intake");
  const [person] = await db.select().from(users).where(eq(users.id, input.applicantId));
  if (!person || person.kind === "staff") throw errors.notFound("申请人");
  return createCase(deps, auditActorOf(actor), person.id, "window", actor.userId, input);
}

export async function createCase(
  deps: CasesDeps,
  by: AuditActor,
  applicantId: string,
  channel: CaseRow["channel"],
  intakeBy: string | null,
  input: ApplyInput,
): Promise<CaseRow> {
  const { db, forms } = deps;
  const existing = await findByKey(deps, applicantId, input.idempotencyKey);
  if (existing) return existing;
  const { item, version, org } = await publishedVersionOf(deps, input.itemId);
  if (input.commitment) await assertMayCommit(deps, applicantId, version.content);
  const uses = licenceUsesOf(version.content, input.licenceUses ?? []);
  if (input.submit) {
    const uploaded = channel === "online" ? new Set(uses.map((u) => u.materialKey)) : null;
    checkApplication(version.content, input.form, input.situationKeys, uploaded, input.commitment);
  }
  const instant = input.submit ? await prepareInstant(deps, applicantId, version.content, org, input.form) : null;
  // The 用证记录 names the org as the holder knows it; looked up only when a licence is used.
  const orgName = uses.length > 0 ? await deps.orgs.displayName(org.id) : "";
  // One transaction from insert to submission: a second request with the same key waits on the unique index for
  // this one to commit, then finds the submitted case, never a half-made draft.
  let madeHere = false;
  const fresh = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(cases)
      .values({
        id: uuidv7(),
        itemId: item.id,
        itemVersionId: version.id,
        orgId: org.id,
        orgPath: org.path,
        applicantId,
        channel,
        intakeBy,
        status: "draft",
        form: forms.seal(version.content.form, input.form),
        situationKeys: input.situationKeys,
        idempotencyKey: input.idempotencyKey,
        commitment: input.commitment
          ? { text: version.content.commitmentText, signedAt: new Date().toISOString() }
          : null,
      })
      .onConflictDoNothing()
      .returning();
    // Lost a race with the same key: the other request made the case.
    if (!created) return (await findByKey(deps, applicantId, input.idempotencyKey, tx)) as CaseRow;
    madeHere = true;
    const made = input.submit ? await submitCase(deps, by, created, version.content, item.code, tx, instant) : created;
    const caseFacts = { id: made.id, number: made.number, itemName: version.content.name, orgId: org.id, orgName };
    await deps.licences.recordUses(
      tx,
      applicantId,
      uses.map((u) => ({ ...u, case: caseFacts })),
    );
    return made;
  });
  if (madeHere) deps.events.committed(caseStatusChanged);
  return fresh;
}

/** The uses of e-licences an application asks for, each for a material that accepts a licence. */
export function licenceUsesOf(
  content: ItemContent,
  chosen: Array<{ materialKey: string; licenceId: string }>,
): Array<Omit<LicenceUse, "case">> {
  return chosen.map(({ materialKey, licenceId }) => {
    const material = content.materials.find((m) => m.key === materialKey);
    if (!material || (material.licenceTypes ?? []).length === 0) {
      throw errors.validation(`材料“${material?.name ?? materialKey}”不能用电子证照代替`);
    }
    return { licenceId, materialKey, materialName: material.name, licenceTypes: material.licenceTypes ?? [] };
  });
}

/**
 * What a case completed on submission needs, looked up before its transaction: the holder, the issuer's name and —
 * for a self-service certificate — the certificate written from the university's records. Null for other cases.
 */
export async function prepareInstant(
  deps: CasesDeps,
  applicantId: string,
  content: ItemContent,
  org: { id: string; path: string },
  form: FormValues,
): Promise<Instant | null> {
  const kind = content.selfService ? certificateKindOf(content.resultName) : null;
  if (!kind && content.reformMode !== "filing") return null;
  const holder = await holderOf(deps, applicantId);
  const issuer = await deps.orgs.displayName(org.id);
  if (!kind) return { issuer, holder, certificate: null };
  const record = holder.idNumberIndex ? await deps.students.recordFor(holder.idNumberIndex, org.path) : undefined;
  if (!record) {
    throw new AppError(
      "STUDENT_RECORD_NOT_FOUND",
      `未在${issuer}的学籍信息中查到您，请确认实名注册的身份证号与学籍信息一致，或到窗口咨询`,
    );
  }
  const written = writeCertificate(kind, content.resultName, record, issuer, form);
  if ("refusal" in written) throw new AppError("CERTIFICATE_REFUSED", written.refusal);
  return { issuer, holder, certificate: written };
}

/** 告知承诺 is for commitment-mode items, and not for anyone with a false commitment or on the black list. */
export async function assertMayCommit(deps: CasesDeps, applicantId: string, content: ItemContent): Promise<void> {
  if (content.reformMode !== "commitment") throw errors.validation("该事项不实行告知承诺");
  if ((await deps.credit.recordsInForce(applicantId)).length > 0) {
    throw new AppError("COMMITMENT_NOT_ALLOWED");
  }
}

export async function findByKey(
  deps: CasesDeps,
  applicantId: string,
  key: string,
  tx: Db = deps.db,
): Promise<CaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.applicantId, applicantId), eq(cases.idempotencyKey, key)));
  return row;
}

/** Filing-mode items (审批改为备案) are done on submission: the filing receipt is the result. */
export async function submitCase(
  deps: CasesDeps,
  by: AuditActor,
  row: CaseRow,
  content: ItemContent,
  itemCode: string,
  tx?: Db,
  instant?: Instant | null,
) {
  const { db } = deps;
  const number = await nextNumber(tx ?? db, itemCode);
  const now = new Date();
  if (instant) {
    const certificate = instant.certificate;
    const name = certificate ? content.resultName : "备案回执";
    return transition(
      deps,
      by,
      row,
      {
        action: "submit",
        to: "completed",
        set: {
          number,
          submittedAt: now,
          acceptedAt: now,
          decidedAt: now,
          completedAt: now,
          decision: "granted",
          result: { name, number },
          delivery: { method: "online", at: now.toISOString() },
        },
        note: certificate
          ? `系统核验学籍信息后即时出具${name}（电子证照），可在“我的证照”下载或到自助终端打印`
          : "已完成备案，备案回执（电子证照）可在“我的证照”查看",
        notify: certificate
          ? `您申请的${name}已即时出具，编号 ${number}，可在“我的证照”下载。`
          : `您的${content.name}已完成备案，编号 ${number}。`,
        also: async (inner) => {
          await deps.licences.issue(inner, by, {
            type: name,
            number,
            body:
              certificate?.blocks ??
              filingReceiptBody({
                itemName: content.name,
                caseNumber: number,
                holderName: instant.holder.name,
                today: todayInChina(),
              }),
            itemId: row.itemId,
            caseId: row.id,
            holder: instant.holder,
            org: { id: row.orgId, path: row.orgPath, name: instant.issuer },
            validMonths: certificate?.validMonths ?? null,
          });
        },
      },
      tx,
    );
  }
  return transition(
    deps,
    by,
    row,
    {
      action: "submit",
      to: "submitted",
      set: { number, submittedAt: now },
      note: "申请已提交，等待窗口预审",
      notify: `您的${content.name}申请已提交，办件编号 ${number}，可在“我的办件”查看进度。`,
      // A licence chosen on the draft was recorded before the case had its number.
      also: (inner) => deps.licences.numberUses(inner, row.id, number),
    },
    tx,
  );
}

export async function saveDraft(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { form: FormValues; situationKeys: string[]; revision: number },
) {
  const { db, forms } = deps;
  const row = await loadOwnCase(deps, actor, caseId);
  assertNotBundlePart(caseFacts(row));
  if (row.status !== "draft") throw new AppError("CASE_NOT_DRAFT");
  if (row.revision !== input.revision) throw caseChanged();
  const { form: fields } = await contentOf(deps, row);
  const [saved] = await db
    .update(cases)
    .set({
      form: forms.seal(fields, input.form),
      situationKeys: input.situationKeys,
      revision: row.revision + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(cases.id, row.id), eq(cases.revision, row.revision)))
    .returning();
  if (!saved) throw caseChanged();
  return saved;
}

export async function submit(deps: CasesDeps, actor: Actor, caseId: string, revision: number) {
  const { db, forms } = deps;
  const row = await loadForApplicant(deps, actor, caseId, "submit", revision);
  const content = await contentOf(deps, row);
  const uploaded = row.channel === "online" ? await uploadedKeys(deps, row.id) : null;
  const form = forms.open(row.form);
  checkApplication(content, form, row.situationKeys, uploaded, row.commitment !== null);
  const [item] = await db.select({ code: items.code }).from(items).where(eq(items.id, row.itemId));
  const org = { id: row.orgId, path: row.orgPath };
  const instant = await prepareInstant(deps, row.applicantId, content, org, form);
  return submitCase(deps, auditActorOf(actor), row, content, item?.code ?? "", undefined, instant);
}

export async function resubmit(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; form?: Record<string, unknown> },
) {
  const { forms } = deps;
  const row = await loadForApplicant(deps, actor, caseId, "resubmit", input.revision);
  const content = await contentOf(deps, row);
  checkApplication(content, input.form ?? forms.open(row.form), row.situationKeys, null);
  const form = input.form ? forms.seal(content.form, input.form) : row.form;
  const back = row.resumeStatus ?? "submitted";
  const clock = row.clock && resumeClock(row.clock, todayInChina(), await deps.calendar.workingCalendar());
  return transition(deps, auditActorOf(actor), row, {
    action: "resubmit",
    to: back,
    set: { form, resumeStatus: null, supplement: null, ...(await clockFields(deps, clock)) },
    note: row.clock ? "申请人已补正，办理时限恢复计算" : "申请人已补正，等待窗口重新预审",
  });
}

export async function withdraw(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; reason: string },
) {
  const row = await loadForApplicant(deps, actor, caseId, "withdraw", input.revision);
  return transition(deps, auditActorOf(actor), row, {
    action: "withdraw",
    to: "withdrawn",
    set: { completedAt: new Date(), warning: "none" },
    note: `申请人撤回申请${input.reason ? `：${input.reason}` : ""}`,
  });
}
