import { and, asc, eq, gt, inArray, ne, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  DELIVERY_METHOD_LABELS,
  type RatingStage,
  SPECIAL_PROCEDURE_LABELS,
} from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import type { PersonalDataCipher } from "../../platform/crypto.js";
import { changeEachRow, type DataMigration } from "../../platform/data-migrations.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { Events } from "../../platform/events.js";
import type { FileStore } from "../../platform/files.js";
import type { FormSealer, FormValues, SealedForm } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import type { CalendarService } from "../calendar/index.js";
import { DEFAULT_REVIEW, type ItemContent, items, itemVersions, validateFormSubmission } from "../catalog/index.js";
import type { CreditService } from "../credit/index.js";
import { type LicencesService, type LicenceUse, licenceUses } from "../licences/index.js";
import type { NotificationsService } from "../notifications/index.js";
import { type OrgService, orgs } from "../orgs/index.js";
import { type CertificateDraft, certificateKindOf, type StudentsService, writeCertificate } from "../students/index.js";
import { type Clock, duesOf, extendClock, pauseClock, resumeClock, startClock } from "./cases.clock.js";
import type { ApplyInput, IntakeInput } from "./cases.contract.js";
import { caseStatusChanged } from "./cases.events.js";
import {
  assertNotBundlePart,
  type CaseAction,
  caseFacts,
  caseLifecycle,
  handlesMaterials,
  mayChangeMaterials,
} from "./cases.machine.js";
import { filingReceiptBody, resultBody } from "./cases.notices.js";
import { createCaseQueries, mayRead } from "./cases.queries.js";
import { createCaseStatusLookup } from "./cases.status.js";
import { type CaseRow, caseCounters, caseEvents, caseMaterials, cases, commitmentChecks } from "./cases.tables.js";

export type CasesDeps = {
  db: Db;
  orgs: OrgService;
  calendar: CalendarService;
  notifications: NotificationsService;
  files: FileStore;
  credit: CreditService;
  students: StudentsService;
  licences: LicencesService;
  cipher: PersonalDataCipher;
  forms: FormSealer;
  events: Events;
  /** Working days before the promised date from which a case shows yellow. */
  warningDays: number;
  log: { warn(obj: object, msg: string): void };
};

/** The clock runs (and can go late) only in these; waiting and finished cases raise no warning. */
const RUNNING_STATUSES: CaseStatus[] = ["reviewing", "deciding"];

/** Working days within which a commitment behind a grant is verified. */
const COMMITMENT_CHECK_DAYS = 20;

const caseChanged = () => new AppError("CASE_CHANGED");

type Change = {
  action: CaseAction | "sweep";
  to: CaseStatus;
  set?: Partial<CaseRow>;
  /** The timeline entry, in words the applicant understands. */
  note: string;
  /** Also sent to the applicant (站内消息 and SMS). */
  notify?: string;
  /** Further writes that must commit or fail with the change. */
  also?: (tx: Db, next: CaseRow) => Promise<void>;
};

/** A case completed on submission: its licence's issuer and holder, and the self-service certificate if it is one. */
type Instant = {
  issuer: string;
  holder: { id: string; name: string; idEncrypted: string | null };
  certificate: CertificateDraft | null;
};

export function createCasesService(deps: CasesDeps) {
  const { db, forms } = deps;
  const applicant = alias(users, "applicant");

  // ---- loading ----

  async function publishedVersionOf(itemId: string) {
    const [row] = await db
      .select({ item: items, version: itemVersions, org: orgs })
      .from(items)
      .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.status, "published")))
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .where(eq(items.id, itemId));
    if (!row || (row.version.endDate && row.version.endDate <= todayInChina())) throw errors.notFound("事项");
    if (row.item.standard) {
      throw new AppError("ITEM_NOT_APPLICABLE");
    }
    if (row.version.content.reformMode === "abolished") {
      throw new AppError("ITEM_NOT_APPLICABLE", "该审批已直接取消，无需申请");
    }
    return row;
  }

  async function contentOf(row: CaseRow): Promise<ItemContent> {
    const [version] = await db
      .select({ content: itemVersions.content })
      .from(itemVersions)
      .where(eq(itemVersions.id, row.itemVersionId));
    if (!version) throw new Error(`case ${row.id} lost its item version`);
    return version.content;
  }

  async function findCase(caseId: string): Promise<CaseRow | undefined> {
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    return row;
  }

  /** The applicant's own case; another person's case is "not found", so case ids reveal nothing. */
  async function loadOwnCase(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await findCase(caseId);
    if (!row || row.applicantId !== actor.userId) throw errors.notFound("办件");
    return row;
  }

  /** A case staff may act on: the permission the action needs, the case's org in their subtree, the status right. */
  async function loadForStaff(actor: Actor, caseId: string, action: CaseAction, revision: number): Promise<CaseRow> {
    caseLifecycle.assertHoldsPermission(actor, action);
    const row = await findCase(caseId);
    if (!row) throw errors.notFound("办件");
    if (!isWithinScope(actor, row.orgPath)) throw errors.outOfScope();
    if (row.revision !== revision) throw caseChanged();
    caseLifecycle.assertStaffMayTake(actor, action, caseFacts(row));
    return row;
  }

  async function loadForApplicant(actor: Actor, caseId: string, action: CaseAction, revision: number) {
    const row = await loadOwnCase(actor, caseId);
    if (row.revision !== revision) throw caseChanged();
    caseLifecycle.assertAllowed(action, caseFacts(row));
    return row;
  }

  // ---- writing ----

  /** Compare-and-set on the revision: of two people acting at once, one wins and the other is told. */
  /** `within`: the caller's transaction, when the change must commit together with the caller's own writes. */
  async function transition(by: AuditActor, row: CaseRow, change: Change, within?: Db): Promise<CaseRow> {
    const write = async (tx: Db) => {
      const [next] = await tx
        .update(cases)
        .set({ ...change.set, status: change.to, revision: row.revision + 1, updatedAt: new Date() })
        .where(and(eq(cases.id, row.id), eq(cases.revision, row.revision)))
        .returning();
      if (!next) throw caseChanged();
      await tx.insert(caseEvents).values({
        id: uuidv7(),
        caseId: row.id,
        action: change.action,
        actorId: by.id,
        actorName: by.name,
        fromStatus: row.status,
        toStatus: change.to,
        note: change.note,
      });
      if (change.notify) {
        await deps.notifications.record(tx, {
          userId: row.applicantId,
          caseId: row.id,
          text: change.notify,
          subject: `办件通知 ${next.number ?? ""}`.trim(),
        });
      }
      await change.also?.(tx, next);
      if (row.status !== next.status) {
        await deps.events.publish(tx, caseStatusChanged, {
          caseId: row.id,
          from: row.status,
          to: next.status,
          stage: stageReached(row, next),
          bundleCaseId: row.bundleCaseId,
        });
      }
      await appendAudit(tx, by, {
        action: `case.${change.action}`,
        targetType: "case",
        targetId: row.id,
        summary: `办件 ${next.number ?? "（草稿）"}：${change.note}`,
        orgId: row.orgId,
      });
      return next;
    };
    const updated = within ? await write(within) : await db.transaction(write);
    // Within a caller's transaction nothing is committed yet: the subscribers find the event at their next poll.
    if (!within) deps.events.committed(caseStatusChanged);
    return updated;
  }

  /**
   * 一事一评: a case can be rated once it is accepted (or refused) and again once it is completed. An instant case
   * passes both at once; the applicant is invited once, to rate its completion.
   */
  function stageReached(before: CaseRow, after: CaseRow): RatingStage | null {
    if (after.status === "completed" && before.status !== "completed") return "completion";
    if (after.status === "refused" || (before.acceptedAt === null && after.acceptedAt !== null)) return "acceptance";
    return null;
  }

  /** 事项编码-YYYYMMDD-NNNN, the sequence counted per item and day. */
  async function nextNumber(tx: Db, itemCode: string): Promise<string> {
    const prefix = `${itemCode}-${todayInChina().replaceAll("-", "")}`;
    const [counter] = await tx
      .insert(caseCounters)
      .values({ prefix, last: 1 })
      .onConflictDoUpdate({ target: caseCounters.prefix, set: { last: sql`${caseCounters.last} + 1` } })
      .returning();
    return `${prefix}-${String(counter?.last ?? 1).padStart(4, "0")}`;
  }

  /**
   * The form answers fit the item's form, the situations exist, and — online, where no clerk sees the paper — every
   * required material the applicant must bring is uploaded. Materials the government issues are fetched by staff.
   */
  function checkApplication(
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

  // ---- applying ----

  async function apply(actor: Actor, input: ApplyInput) {
    if (actor.kind === "staff") throw errors.forbidden("工作人员请通过窗口受理为申请人提交申请");
    return createCase(auditActorOf(actor), actor.userId, "online", null, input);
  }

  /** 一窗受理: a clerk of any window takes an application for any item on the applicant's behalf. */
  async function intake(actor: Actor, input: IntakeInput) {
    assertPermission(actor, "case.intake");
    const [person] = await db.select().from(users).where(eq(users.id, input.applicantId));
    if (!person || person.kind === "staff") throw errors.notFound("申请人");
    return createCase(auditActorOf(actor), person.id, "window", actor.userId, input);
  }

  async function createCase(
    by: AuditActor,
    applicantId: string,
    channel: CaseRow["channel"],
    intakeBy: string | null,
    input: ApplyInput,
  ): Promise<CaseRow> {
    const existing = await findByKey(applicantId, input.idempotencyKey);
    if (existing) return existing;
    const { item, version, org } = await publishedVersionOf(input.itemId);
    if (input.commitment) await assertMayCommit(applicantId, version.content);
    const uses = licenceUsesOf(version.content, input.licenceUses ?? []);
    if (input.submit) {
      const uploaded = channel === "online" ? new Set(uses.map((u) => u.materialKey)) : null;
      checkApplication(version.content, input.form, input.situationKeys, uploaded, input.commitment);
    }
    const instant = input.submit ? await prepareInstant(applicantId, version.content, org, input.form) : null;
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
      if (!created) return (await findByKey(applicantId, input.idempotencyKey, tx)) as CaseRow;
      madeHere = true;
      const made = input.submit ? await submitCase(by, created, version.content, item.code, tx, instant) : created;
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
  function licenceUsesOf(
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
  async function prepareInstant(
    applicantId: string,
    content: ItemContent,
    org: { id: string; path: string },
    form: FormValues,
  ): Promise<Instant | null> {
    const kind = content.selfService ? certificateKindOf(content.resultName) : null;
    if (!kind && content.reformMode !== "filing") return null;
    const holder = await holderOf(applicantId);
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

  /** Who a licence is issued to: the applicant's name and their ID number or credit code as stored (encrypted). */
  async function holderOf(applicantId: string) {
    const [person] = await db.select().from(users).where(eq(users.id, applicantId));
    if (!person) throw errors.notFound("申请人");
    return {
      id: person.id,
      name: person.name,
      idEncrypted: person.idNumberEncrypted ?? (person.creditCode ? deps.cipher.encrypt(person.creditCode) : null),
      idNumberIndex: person.idNumberIndex,
    };
  }

  /** 告知承诺 is for commitment-mode items, and not for anyone with a false commitment or on the black list. */
  async function assertMayCommit(applicantId: string, content: ItemContent): Promise<void> {
    if (content.reformMode !== "commitment") throw errors.validation("该事项不实行告知承诺");
    if ((await deps.credit.recordsInForce(applicantId)).length > 0) {
      throw new AppError("COMMITMENT_NOT_ALLOWED");
    }
  }

  async function findByKey(applicantId: string, key: string, tx: Db = db): Promise<CaseRow | undefined> {
    const [row] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.applicantId, applicantId), eq(cases.idempotencyKey, key)));
    return row;
  }

  /** Filing-mode items (审批改为备案) are done on submission: the filing receipt is the result. */
  async function submitCase(
    by: AuditActor,
    row: CaseRow,
    content: ItemContent,
    itemCode: string,
    tx?: Db,
    instant?: Instant | null,
  ) {
    const number = await nextNumber(tx ?? db, itemCode);
    const now = new Date();
    if (instant) {
      const certificate = instant.certificate;
      const name = certificate ? content.resultName : "备案回执";
      return transition(
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

  async function saveDraft(
    actor: Actor,
    caseId: string,
    input: { form: FormValues; situationKeys: string[]; revision: number },
  ) {
    const row = await loadOwnCase(actor, caseId);
    assertNotBundlePart(caseFacts(row));
    if (row.status !== "draft") throw new AppError("CASE_NOT_DRAFT");
    if (row.revision !== input.revision) throw caseChanged();
    const { form: fields } = await contentOf(row);
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

  async function submit(actor: Actor, caseId: string, revision: number) {
    const row = await loadForApplicant(actor, caseId, "submit", revision);
    const content = await contentOf(row);
    const uploaded = row.channel === "online" ? await uploadedKeys(row.id) : null;
    const form = forms.open(row.form);
    checkApplication(content, form, row.situationKeys, uploaded, row.commitment !== null);
    const [item] = await db.select({ code: items.code }).from(items).where(eq(items.id, row.itemId));
    const org = { id: row.orgId, path: row.orgPath };
    const instant = await prepareInstant(row.applicantId, content, org, form);
    return submitCase(auditActorOf(actor), row, content, item?.code ?? "", undefined, instant);
  }

  async function resubmit(actor: Actor, caseId: string, input: { revision: number; form?: Record<string, unknown> }) {
    const row = await loadForApplicant(actor, caseId, "resubmit", input.revision);
    const content = await contentOf(row);
    checkApplication(content, input.form ?? forms.open(row.form), row.situationKeys, null);
    const form = input.form ? forms.seal(content.form, input.form) : row.form;
    const back = row.resumeStatus ?? "submitted";
    const clock = row.clock && resumeClock(row.clock, todayInChina(), await deps.calendar.workingCalendar());
    return transition(auditActorOf(actor), row, {
      action: "resubmit",
      to: back,
      set: { form, resumeStatus: null, supplement: null, ...(await clockFields(clock)) },
      note: row.clock ? "申请人已补正，办理时限恢复计算" : "申请人已补正，等待窗口重新预审",
    });
  }

  async function withdraw(actor: Actor, caseId: string, input: { revision: number; reason: string }) {
    const row = await loadForApplicant(actor, caseId, "withdraw", input.revision);
    return transition(auditActorOf(actor), row, {
      action: "withdraw",
      to: "withdrawn",
      set: { completedAt: new Date(), warning: "none" },
      note: `申请人撤回申请${input.reason ? `：${input.reason}` : ""}`,
    });
  }

  // ---- staff actions ----

  async function clockFields(clock: Clock | null) {
    if (!clock) return {};
    const dues = duesOf(clock, await deps.calendar.workingCalendar());
    return { clock, statutoryDue: dues.statutoryDue, promisedDue: dues.promisedDue };
  }

  async function precheck(actor: Actor, caseId: string, revision: number) {
    const row = await loadForStaff(actor, caseId, "precheck", revision);
    return transition(auditActorOf(actor), row, {
      action: "precheck",
      to: "prechecked",
      note: "预审通过，等待受理",
    });
  }

  /** Starts the clock; an instant item (即办) is granted and completed on the spot. */
  async function accept(actor: Actor, caseId: string, revision: number) {
    const row = await loadForStaff(actor, caseId, "accept", revision);
    const content = await contentOf(row);
    const now = new Date();
    if (content.instant) {
      return transition(auditActorOf(actor), row, {
        action: "accept",
        to: "completed",
        set: {
          acceptedAt: now,
          decidedAt: now,
          completedAt: now,
          decision: "granted",
          result: { name: content.resultName || "办理结果", number: row.number ?? "" },
        },
        note: "即办件：已受理并当场办结",
        notify: `您的${content.name}已办结。`,
      });
    }
    const clock = startClock(todayInChina(), {
      unit: content.promisedLimit.unit,
      statutoryDays: content.statutoryLimit.days,
      promisedDays: content.promisedLimit.days,
    });
    const fields = await clockFields(clock);
    return transition(auditActorOf(actor), row, {
      action: "accept",
      to: "reviewing",
      set: { acceptedAt: now, ...fields },
      note: `已受理，承诺 ${fields.promisedDue} 前办结`,
      notify: `您的${content.name}申请已受理，承诺 ${fields.promisedDue} 前办结。`,
    });
  }

  async function refuse(
    actor: Actor,
    caseId: string,
    input: { revision: number; reason: string; whereToApply: string },
  ) {
    const row = await loadForStaff(actor, caseId, "refuse", input.revision);
    const where = input.whereToApply ? `；请向${input.whereToApply}申请` : "";
    return transition(auditActorOf(actor), row, {
      action: "refuse",
      to: "refused",
      set: { refusal: { reason: input.reason, whereToApply: input.whereToApply }, completedAt: new Date() },
      note: `不予受理：${input.reason}${where}`,
      notify: `您的申请不予受理：${input.reason}${where}。`,
    });
  }

  /** 一次性告知: one notice naming everything missing; the clock, if running, waits for the applicant. */
  async function requestSupplement(
    actor: Actor,
    caseId: string,
    input: { revision: number; items: string[]; note: string },
  ) {
    const row = await loadForStaff(actor, caseId, "request_supplement", input.revision);
    const today = todayInChina();
    const list = input.items.map((item, i) => `${i + 1}. ${item}`).join("；");
    return transition(auditActorOf(actor), row, {
      action: "request_supplement",
      to: "supplement",
      set: {
        resumeStatus: row.status,
        supplement: { items: input.items, note: input.note, requestedAt: today, by: actor.name },
        warning: "none",
        ...(row.clock ? { clock: pauseClock(row.clock, today) } : {}),
      },
      note: `请一次性补正以下内容：${list}${row.clock ? "（补正期间不计入办理时限）" : ""}`,
      notify: `您的办件需要补正：${list}。请登录后在“我的办件”中补正。`,
    });
  }

  async function review(actor: Actor, caseId: string, input: { revision: number; opinion: string }) {
    const row = await loadForStaff(actor, caseId, "review", input.revision);
    const flow = (await contentOf(row)).review ?? DEFAULT_REVIEW;
    const stage = await stageFor(actor, row, flow);
    const reviews = [
      ...row.reviews,
      { stage, userId: actor.userId, name: actor.name, at: new Date().toISOString(), opinion: input.opinion },
    ];
    const complete = flow.mode === "any_of" || new Set(reviews.map((r) => r.stage)).size === flow.stages.length;
    const stageName = flow.stages[stage]?.name ?? "审查";
    return transition(auditActorOf(actor), row, {
      action: "review",
      to: complete ? "deciding" : "reviewing",
      set: { reviews },
      note: complete ? `${stageName}通过，等待作出决定` : `${stageName}通过，转下一审查环节`,
    });
  }

  /** The review stage this staff member may sign now, by the item's mode, their roles and their org. */
  async function stageFor(actor: Actor, row: CaseRow, flow: ItemContent["review"]): Promise<number> {
    const done = new Set(row.reviews.map((r) => r.stage));
    const firstOpen = flow.stages.findIndex((_, i) => !done.has(i));
    for (const [index, stage] of flow.stages.entries()) {
      if (done.has(index)) continue;
      if (flow.mode === "sequential" && index !== firstOpen) continue;
      const orgPath = stage.orgId ? (await deps.orgs.getById(stage.orgId)).path : row.orgPath;
      const hasRole = actor.roles.includes(stage.role) || actor.roles.includes("system_admin");
      if (hasRole && isWithinScope(actor, orgPath)) return index;
    }
    throw errors.forbidden("当前审查环节不由您负责");
  }

  async function startSpecial(
    actor: Actor,
    caseId: string,
    input: { revision: number; kind: keyof typeof SPECIAL_PROCEDURE_LABELS; reason: string },
  ) {
    const row = await loadForStaff(actor, caseId, "start_special", input.revision);
    const today = todayInChina();
    const label = SPECIAL_PROCEDURE_LABELS[input.kind];
    return transition(auditActorOf(actor), row, {
      action: "start_special",
      to: "special",
      set: {
        resumeStatus: row.status,
        special: { kind: input.kind, reason: input.reason, startedOn: today },
        warning: "none",
        ...(row.clock ? { clock: pauseClock(row.clock, today) } : {}),
      },
      note: `进入特别程序（${label}）：${input.reason}。特别程序所需时间不计入办理时限`,
      notify: `您的办件进入特别程序（${label}），所需时间不计入办理时限。`,
    });
  }

  async function endSpecial(actor: Actor, caseId: string, revision: number) {
    const row = await loadForStaff(actor, caseId, "end_special", revision);
    const clock = row.clock && resumeClock(row.clock, todayInChina(), await deps.calendar.workingCalendar());
    const fields = await clockFields(clock);
    return transition(auditActorOf(actor), row, {
      action: "end_special",
      to: row.resumeStatus ?? "reviewing",
      set: { resumeStatus: null, special: null, ...fields },
      note: `特别程序结束，办理时限恢复计算，承诺 ${fields.promisedDue ?? "—"} 前办结`,
      notify: `您的办件特别程序已结束，承诺 ${fields.promisedDue ?? "—"} 前办结。`,
    });
  }

  /** An extension is approved by someone who may decide, with a reason; both limits move. */
  async function extend(actor: Actor, caseId: string, input: { revision: number; days: number; reason: string }) {
    const row = await loadForStaff(actor, caseId, "extend", input.revision);
    if (!row.clock) throw new AppError("CASE_NOT_ACCEPTED");
    const fields = await clockFields(extendClock(row.clock, input.days));
    return transition(auditActorOf(actor), row, {
      action: "extend",
      to: row.status,
      set: fields,
      note: `经 ${actor.name} 批准延长办理时限 ${input.days} 天：${input.reason}；承诺 ${fields.promisedDue} 前办结`,
      notify: `您的办件办理时限延长 ${input.days} 天（${input.reason}），承诺 ${fields.promisedDue} 前办结。`,
    });
  }

  async function decide(
    actor: Actor,
    caseId: string,
    input: { revision: number; decision: "granted" | "denied"; reason: string },
  ) {
    const row = await loadForStaff(actor, caseId, "decide", input.revision);
    const granted = input.decision === "granted";
    const verifyBy = addWorkingDays(todayInChina(), COMMITMENT_CHECK_DAYS, await deps.calendar.workingCalendar()).date;
    return transition(auditActorOf(actor), row, {
      also:
        granted && row.commitment
          ? async (tx) => {
              await tx
                .insert(commitmentChecks)
                .values({ id: uuidv7(), caseId: row.id, orgPath: row.orgPath, dueOn: verifyBy });
            }
          : undefined,
      action: "decide",
      to: granted ? "issuing" : "delivering",
      set: { decision: input.decision, decisionReason: input.reason, decidedAt: new Date(), warning: "none" },
      note: granted ? "作出准予决定，正在制作办理结果" : `作出不予决定：${input.reason}`,
      notify: granted ? "您的申请已获准予，办理结果制作完成后将送达。" : `您的申请未获准予：${input.reason}。`,
    });
  }

  /** 制证: the result is issued as an e-licence, in the same transaction as the step. */
  async function issue(actor: Actor, caseId: string, input: { revision: number; resultNumber: string }) {
    const row = await loadForStaff(actor, caseId, "issue", input.revision);
    const content = await contentOf(row);
    const name = content.resultName || "办理结果";
    const holder = await holderOf(row.applicantId);
    const issuer = await deps.orgs.displayName(row.orgId);
    const by = auditActorOf(actor);
    return transition(by, row, {
      action: "issue",
      to: "delivering",
      set: { result: { name, number: input.resultNumber } },
      note: `已制作${name}（编号 ${input.resultNumber}，电子证照），等待送达`,
      also: async (tx) => {
        await deps.licences.issue(tx, by, {
          type: name,
          number: input.resultNumber,
          body: resultBody({
            resultName: name,
            itemName: content.name,
            caseNumber: row.number ?? "",
            holderName: holder.name,
            decisionReason: row.decisionReason,
            decidedOn: todayInChina(row.decidedAt ?? new Date()),
          }),
          itemId: row.itemId,
          caseId: row.id,
          holder,
          org: { id: row.orgId, path: row.orgPath, name: issuer },
          validMonths: null,
        });
      },
    });
  }

  async function deliver(
    actor: Actor,
    caseId: string,
    input: { revision: number } & (
      | { method: "pickup" | "online" }
      | { method: "express"; carrier: string; trackingNumber: string }
    ),
  ) {
    const row = await loadForStaff(actor, caseId, "deliver", input.revision);
    const at = new Date().toISOString();
    const delivery =
      input.method === "express"
        ? { method: "express" as const, carrier: input.carrier, trackingNumber: input.trackingNumber, at }
        : { method: input.method, at };
    const how =
      input.method === "express"
        ? `已交${input.carrier}寄出，运单号 ${input.trackingNumber}`
        : DELIVERY_METHOD_LABELS[input.method];
    return transition(auditActorOf(actor), row, {
      action: "deliver",
      to: "completed",
      set: { delivery, completedAt: new Date() },
      note: `办理结果已送达（${how}），办件办结`,
      notify: `您的办件已办结，办理结果${how}。`,
    });
  }

  // ---- commitment checks ----

  async function listChecks(actor: Actor) {
    assertPermission(actor, "case.review");
    if (!actor.orgPath) throw errors.outOfScope();
    const rows = await db
      .select({
        check: commitmentChecks,
        number: cases.number,
        itemName: itemVersions.name,
        applicantName: applicant.name,
      })
      .from(commitmentChecks)
      .innerJoin(cases, eq(cases.id, commitmentChecks.caseId))
      .innerJoin(itemVersions, eq(itemVersions.id, cases.itemVersionId))
      .innerJoin(applicant, eq(applicant.id, cases.applicantId))
      .where(withinScope(actor, commitmentChecks.orgPath))
      .orderBy(sql`${commitmentChecks.status} = 'open' desc`, asc(commitmentChecks.dueOn))
      .limit(200);
    return rows.map((r) => ({
      id: r.check.id,
      caseId: r.check.caseId,
      caseNumber: r.number,
      itemName: r.itemName,
      applicantName: r.applicantName,
      dueOn: r.check.dueOn,
      status: r.check.status,
      finding: r.check.finding,
    }));
  }

  /**
   * Records the verification of a commitment. A false one revokes the grant (the case becomes 已撤销) and writes the
   * applicant's credit record, which bars them from the commitment system.
   */
  async function resolveCheck(
    actor: Actor,
    checkId: string,
    input: { outcome: "confirmed" | "false"; finding: string },
  ) {
    assertPermission(actor, "case.review");
    const [check] = await db.select().from(commitmentChecks).where(eq(commitmentChecks.id, checkId));
    if (!check || !isWithinScope(actor, check.orgPath)) throw errors.notFound("核查任务");
    if (check.status !== "open") throw new AppError("CHECK_CLOSED");
    const row = (await findCase(check.caseId)) as CaseRow;
    const by = auditActorOf(actor);
    const close = async (tx: Db) => {
      const [closed] = await tx
        .update(commitmentChecks)
        .set({ status: input.outcome, finding: input.finding, checkedBy: actor.userId, checkedAt: new Date() })
        .where(and(eq(commitmentChecks.id, check.id), eq(commitmentChecks.status, "open")))
        .returning();
      if (!closed) throw new AppError("CHECK_CLOSED");
    };
    if (input.outcome === "confirmed") {
      await db.transaction(close);
      return;
    }
    caseLifecycle.assertAllowed("revoke", caseFacts(row));
    await transition(by, row, {
      action: "revoke",
      to: "revoked",
      set: { warning: "none", completedAt: row.completedAt ?? new Date() },
      note: `经核查承诺不实，撤销准予决定：${input.finding}`,
      notify: `经核查，您在申请中作出的承诺与实际不符，准予决定已撤销，并记入信用记录：${input.finding}`,
      also: async (tx) => {
        await close(tx);
        await deps.credit.record(tx, by, {
          subjectId: row.applicantId,
          kind: "false_commitment",
          reason: `办件 ${row.number}：${input.finding}`,
          caseId: row.id,
        });
        await deps.licences.revokeForCase(tx, by, row.id, `经核查承诺不实，准予决定已撤销：${input.finding}`);
      },
    });
  }

  // ---- materials ----

  /** The materials a case has: uploaded, or stood in for by an e-licence. */
  async function uploadedKeys(caseId: string): Promise<Set<string>> {
    const [uploaded, licensed] = await Promise.all([
      db.select({ key: caseMaterials.materialKey }).from(caseMaterials).where(eq(caseMaterials.caseId, caseId)),
      db.select({ key: licenceUses.materialKey }).from(licenceUses).where(eq(licenceUses.caseId, caseId)),
    ]);
    return new Set([...uploaded, ...licensed].map((r) => r.key));
  }

  /** An e-licence the case issued or used, for the applicant and the staff who may read the case. */
  async function openLicence(actor: Actor, caseId: string, licenceId: string) {
    const row = await findCase(caseId);
    if (!row || !mayRead(actor, row)) throw errors.notFound("办件");
    return deps.licences.openForCase(row.id, licenceId);
  }

  /** Materials change before submission and during 补正 (the applicant), or until acceptance at the window (the clerk). */
  async function loadForMaterials(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await findCase(caseId);
    if (!row || !mayRead(actor, row)) throw errors.notFound("办件");
    const facts = caseFacts(row);
    if (!handlesMaterials(actor, facts)) throw errors.forbidden();
    if (!mayChangeMaterials(actor, facts)) {
      throw new AppError("CASE_MATERIALS_LOCKED", `办件当前为“${CASE_STATUS_LABELS[row.status]}”，不能更改材料`);
    }
    return row;
  }

  async function addMaterial(
    actor: Actor,
    caseId: string,
    materialKey: string,
    file: { name: string; mimeType: string; data: Buffer },
  ) {
    const row = await loadForMaterials(actor, caseId);
    const spec = (await contentOf(row)).materials.find((m) => m.key === materialKey);
    if (!spec) throw errors.validation(`本事项没有“${materialKey}”这项材料`);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseMaterials)
      .where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.materialKey, materialKey)));
    if ((count?.n ?? 0) >= spec.maxFiles) {
      throw new AppError("TOO_MANY_FILES", `“${spec.name}”最多上传 ${spec.maxFiles} 个文件`);
    }
    const stored = await deps.files.save({
      ...file,
      visibility: "private",
      uploadedBy: actor.userId,
      kinds: spec.fileKinds,
      maxBytes: spec.maxSizeMb * 1024 * 1024,
    });
    await db
      .insert(caseMaterials)
      .values({ id: uuidv7(), caseId: row.id, materialKey, fileId: stored.id, uploadedBy: actor.userId });
  }

  async function removeMaterial(actor: Actor, caseId: string, fileId: string) {
    const row = await loadForMaterials(actor, caseId);
    const removed = await db
      .delete(caseMaterials)
      .where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.fileId, fileId)))
      .returning();
    if (removed.length === 0) throw errors.notFound("材料");
  }

  /** A material's file, for the applicant and staff who may read the case; anyone else learns nothing. */
  async function openMaterial(actor: Actor, caseId: string, fileId: string) {
    const row = await findCase(caseId);
    if (!row || !mayRead(actor, row)) throw errors.notFound("办件");
    const [attached] = await db
      .select({ fileId: caseMaterials.fileId })
      .from(caseMaterials)
      .where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.fileId, fileId)));
    const file = attached && (await deps.files.find(attached.fileId));
    if (!file) throw errors.notFound("材料");
    return { file, stream: await deps.files.open(file) };
  }

  /**
   * Sets every running case's warning from its promised date: red once it has passed, yellow from `warningDays`
   * working days before. Two set-based updates, so a sweep over a million cases is one pass of the database.
   */
  async function sweepWarnings(today = todayInChina()): Promise<{ yellow: number; red: number; cleared: number }> {
    const calendar = await deps.calendar.workingCalendar();
    const yellowFrom = addWorkingDays(today, deps.warningDays, calendar).date;
    const level = sql`case when ${cases.promisedDue} < ${today} then 'red' when ${cases.promisedDue} <= ${yellowFrom} then 'yellow' else 'none' end`;
    return db.transaction(async (tx) => {
      const changed = await tx
        .update(cases)
        .set({ warning: sql`${level}` })
        .where(and(inArray(cases.status, RUNNING_STATUSES), sql`${cases.warning} <> ${level}`))
        .returning({ warning: cases.warning });
      const cleared = await tx
        .update(cases)
        .set({ warning: "none" })
        .where(and(ne(cases.warning, "none"), notInArray(cases.status, RUNNING_STATUSES)))
        .returning({ id: cases.id });
      return {
        yellow: changed.filter((c) => c.warning === "yellow").length,
        red: changed.filter((c) => c.warning === "red").length,
        cleared: cleared.length + changed.filter((c) => c.warning === "none").length,
      };
    });
  }

  // ---- bundles ----
  // 办好一件事: the bundles module makes, fills, starts and ends the cases that are the parts of a bundle case.

  /** The version in force of an item a bundle part is filed under; read before the bundle's transaction. */
  async function bundlePartVersion(itemId: string) {
    return publishedVersionOf(itemId);
  }

  /** A draft part of a bundle case, in the caller's transaction. */
  async function insertBundlePart(
    tx: Db,
    input: {
      applicantId: string;
      bundleCaseId: string;
      target: Awaited<ReturnType<typeof publishedVersionOf>>;
      form: SealedForm;
      idempotencyKey: string;
    },
  ): Promise<CaseRow> {
    const { item, version, org } = input.target;
    const [created] = await tx
      .insert(cases)
      .values({
        id: uuidv7(),
        itemId: item.id,
        itemVersionId: version.id,
        orgId: org.id,
        orgPath: org.path,
        applicantId: input.applicantId,
        channel: "online",
        status: "draft",
        form: input.form,
        idempotencyKey: input.idempotencyKey,
        bundleCaseId: input.bundleCaseId,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    return created;
  }

  /** New form answers for the draft parts (the bundle's form mapped to each item's fields). */
  async function setBundlePartForms(tx: Db, parts: { caseId: string; form: SealedForm }[]) {
    for (const { caseId, form } of parts) {
      await tx
        .update(cases)
        .set({ form, revision: sql`${cases.revision} + 1`, updatedAt: new Date() })
        .where(and(eq(cases.id, caseId), eq(cases.status, "draft")));
    }
  }

  /** One stored file serves several parts: a `case_materials` row per part, all pointing at the same file. */
  async function attachBundleFile(
    tx: Db,
    targets: { caseId: string; materialKey: string }[],
    fileId: string,
    uploadedBy: string,
  ): Promise<void> {
    if (targets.length === 0) return;
    await tx
      .insert(caseMaterials)
      .values(targets.map((t) => ({ id: uuidv7(), caseId: t.caseId, materialKey: t.materialKey, fileId, uploadedBy })));
  }

  async function detachBundleFile(tx: Db, caseIds: string[], fileId: string): Promise<void> {
    if (caseIds.length === 0) return;
    await tx.delete(caseMaterials).where(and(inArray(caseMaterials.caseId, caseIds), eq(caseMaterials.fileId, fileId)));
  }

  /** What stops a draft part from being submitted: the same checks as an online application, listed, not thrown. */
  async function bundlePartProblems(row: CaseRow): Promise<{ field: string; message: string }[]> {
    try {
      checkApplication(await contentOf(row), forms.open(row.form), row.situationKeys, await uploadedKeys(row.id));
      return [];
    } catch (error) {
      if (error instanceof AppError && error.code === "FORM_INVALID") {
        return (error.details?.errors as { field: string; message: string }[]) ?? [];
      }
      throw error;
    }
  }

  /** The system submits a waiting part (its predecessor is done, or the bundle was submitted); a compare-and-set. */
  async function startBundlePart(by: AuditActor, row: CaseRow, tx: Db): Promise<CaseRow> {
    if (row.status !== "draft") throw caseChanged();
    const [item] = await tx.select({ code: items.code }).from(items).where(eq(items.id, row.itemId));
    const [version] = await tx
      .select({ content: itemVersions.content })
      .from(itemVersions)
      .where(eq(itemVersions.id, row.itemVersionId));
    if (!version) throw new Error(`case ${row.id} lost its item version`);
    return submitCase(by, row, version.content, item?.code ?? "", tx);
  }

  /** The system ends a part the bundle no longer needs: undecided or never started, with the reason on its timeline. */
  async function endBundlePart(by: AuditActor, row: CaseRow, note: string, tx: Db): Promise<CaseRow> {
    const undecided: CaseStatus[] = ["draft", ...caseLifecycle.transitions.withdraw.from];
    if (!undecided.includes(row.status)) throw caseChanged();
    return transition(
      by,
      row,
      {
        action: "withdraw",
        to: "withdrawn",
        set: { completedAt: new Date(), warning: "none" },
        note,
        notify: row.status === "draft" ? undefined : note,
      },
      tx,
    );
  }

  // ---- data migrations ----

  /** Cases whose forms were stored before personal answers were sealed, sealed now (once, at start). */
  const sealStoredForms: DataMigration = {
    name: "cases.seal-forms",
    compact: ["cases"],
    async run(tx) {
      const versions = await tx
        .select({ id: itemVersions.id, content: itemVersions.content })
        .from(itemVersions)
        .where(inArray(itemVersions.id, tx.selectDistinct({ id: cases.itemVersionId }).from(cases)));
      const fieldsOf = new Map(versions.map((v) => [v.id, v.content.form]));
      return changeEachRow(
        (after) =>
          tx
            .select({ id: cases.id, versionId: cases.itemVersionId, form: cases.form })
            .from(cases)
            .where(after ? gt(cases.id, after) : undefined)
            .orderBy(asc(cases.id))
            .limit(1000),
        async (row) => {
          const sealed = forms.resealed(fieldsOf.get(row.versionId) ?? [], row.form);
          if (sealed) await tx.update(cases).set({ form: sealed }).where(eq(cases.id, row.id));
          return sealed !== null;
        },
      );
    },
  };

  return {
    dataMigrations: [sealStoredForms],
    ...createCaseQueries(db, { findCase, contentOf, licences: deps.licences, forms }),
    statusFor: createCaseStatusLookup(deps.db, deps.cipher),
    apply,
    listChecks,
    resolveCheck,
    addMaterial,
    removeMaterial,
    openMaterial,
    openLicence,
    intake,
    saveDraft,
    submit,
    resubmit,
    withdraw,
    precheck,
    accept,
    refuse,
    requestSupplement,
    review,
    startSpecial,
    endSpecial,
    extend,
    decide,
    issue,
    deliver,
    sweepWarnings,
    bundlePartVersion,
    insertBundlePart,
    setBundlePartForms,
    attachBundleFile,
    detachBundleFile,
    bundlePartProblems,
    startBundlePart,
    endBundlePart,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
