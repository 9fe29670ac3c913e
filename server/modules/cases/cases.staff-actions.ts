import { and, inArray, ne, notInArray, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { type CaseStatus, DELIVERY_METHOD_LABELS, SPECIAL_PROCEDURE_LABELS } from "../../../common/vocabulary.js";
import { type Actor, auditActorOf, isWithinScope } from "../../platform/auth.js";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { AppError, errors } from "../../platform/errors.js";
import { DEFAULT_REVIEW, type ItemContent } from "../catalog/index.js";
import { extendClock, pauseClock, resumeClock, startClock } from "./cases.clock.js";
import type { CasesDeps } from "./cases.context.js";
import { clockFields, contentOf, holderOf, loadForStaff } from "./cases.loading.js";
import { resultBody } from "./cases.notices.js";
import { type CaseRow, cases, commitmentChecks } from "./cases.tables.js";
import { transition } from "./cases.transition.js";

/** The clock runs (and can go late) only in these; waiting and finished cases raise no warning. */
const RUNNING_STATUSES: CaseStatus[] = ["reviewing", "deciding"];

/** Working days within which a commitment behind a grant is verified. */
const COMMITMENT_CHECK_DAYS = 20;

export async function precheck(deps: CasesDeps, actor: Actor, caseId: string, revision: number) {
  const row = await loadForStaff(deps, actor, caseId, "precheck", revision);
  return transition(deps, auditActorOf(actor), row, {
    action: "precheck",
    to: "prechecked",
    note: "预审通过，等待受理",
  });
}

/** Starts the clock; an instant item (即办) is granted and completed on the spot. */
export async function accept(deps: CasesDeps, actor: Actor, caseId: string, revision: number) {
  const row = await loadForStaff(deps, actor, caseId, "accept", revision);
  const content = await contentOf(deps, row);
  const now = new Date();
  if (content.instant) {
    return transition(deps, auditActorOf(actor), row, {
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
  const fields = await clockFields(deps, clock);
  return transition(deps, auditActorOf(actor), row, {
    action: "accept",
    to: "reviewing",
    set: { acceptedAt: now, ...fields },
    note: `已受理，承诺 ${fields.promisedDue} 前办结`,
    notify: `您的${content.name}申请已受理，承诺 ${fields.promisedDue} 前办结。`,
  });
}

export async function refuse(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; reason: string; whereToApply: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "refuse", input.revision);
  const where = input.whereToApply ? `；请向${input.whereToApply}申请` : "";
  return transition(deps, auditActorOf(actor), row, {
    action: "refuse",
    to: "refused",
    set: { refusal: { reason: input.reason, whereToApply: input.whereToApply }, completedAt: new Date() },
    note: `不予受理：${input.reason}${where}`,
    notify: `您的申请不予受理：${input.reason}${where}。`,
  });
}

/** 一次性告知: one notice naming everything missing; the clock, if running, waits for the applicant. */
export async function requestSupplement(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; items: string[]; note: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "request_supplement", input.revision);
  const today = todayInChina();
  const list = input.items.map((item, i) => `${i + 1}. ${item}`).join("；");
  return transition(deps, auditActorOf(actor), row, {
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

export async function review(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; opinion: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "review", input.revision);
  const flow = (await contentOf(deps, row)).review ?? DEFAULT_REVIEW;
  const stage = await stageFor(deps, actor, row, flow);
  const reviews = [
    ...row.reviews,
    { stage, userId: actor.userId, name: actor.name, at: new Date().toISOString(), opinion: input.opinion },
  ];
  const complete = flow.mode === "any_of" || new Set(reviews.map((r) => r.stage)).size === flow.stages.length;
  const stageName = flow.stages[stage]?.name ?? "审查";
  return transition(deps, auditActorOf(actor), row, {
    action: "review",
    to: complete ? "deciding" : "reviewing",
    set: { reviews },
    note: complete ? `${stageName}通过，等待作出决定` : `${stageName}通过，转下一审查环节`,
  });
}

/** The review stage this staff member may sign now, by the item's mode, their roles and their org. */
export async function stageFor(
  deps: CasesDeps,
  actor: Actor,
  row: CaseRow,
  flow: ItemContent["review"],
): Promise<number> {
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

export async function startSpecial(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; kind: keyof typeof SPECIAL_PROCEDURE_LABELS; reason: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "start_special", input.revision);
  const today = todayInChina();
  const label = SPECIAL_PROCEDURE_LABELS[input.kind];
  return transition(deps, auditActorOf(actor), row, {
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

export async function endSpecial(deps: CasesDeps, actor: Actor, caseId: string, revision: number) {
  const row = await loadForStaff(deps, actor, caseId, "end_special", revision);
  const clock = row.clock && resumeClock(row.clock, todayInChina(), await deps.calendar.workingCalendar());
  const fields = await clockFields(deps, clock);
  return transition(deps, auditActorOf(actor), row, {
    action: "end_special",
    to: row.resumeStatus ?? "reviewing",
    set: { resumeStatus: null, special: null, ...fields },
    note: `特别程序结束，办理时限恢复计算，承诺 ${fields.promisedDue ?? "—"} 前办结`,
    notify: `您的办件特别程序已结束，承诺 ${fields.promisedDue ?? "—"} 前办结。`,
  });
}

/** An extension is approved by someone who may decide, with a reason; both limits move. */
export async function extend(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; days: number; reason: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "extend", input.revision);
  if (!row.clock) throw new AppError("CASE_NOT_ACCEPTED");
  const fields = await clockFields(deps, extendClock(row.clock, input.days));
  return transition(deps, auditActorOf(actor), row, {
    action: "extend",
    to: row.status,
    set: fields,
    note: `经 ${actor.name} 批准延长办理时限 ${input.days} 天：${input.reason}；承诺 ${fields.promisedDue} 前办结`,
    notify: `您的办件办理时限延长 ${input.days} 天（${input.reason}），承诺 ${fields.promisedDue} 前办结。`,
  });
}

export async function decide(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; decision: "granted" | "denied"; reason: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "decide", input.revision);
  const granted = input.decision === "granted";
  const verifyBy = addWorkingDays(todayInChina(), COMMITMENT_CHECK_DAYS, await deps.calendar.workingCalendar()).date;
  return transition(deps, auditActorOf(actor), row, {
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
export async function issue(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number; resultNumber: string },
) {
  const row = await loadForStaff(deps, actor, caseId, "issue", input.revision);
  const content = await contentOf(deps, row);
  const name = content.resultName || "办理结果";
  const holder = await holderOf(deps, row.applicantId);
  const issuer = await deps.orgs.displayName(row.orgId);
  const by = auditActorOf(actor);
  return transition(deps, by, row, {
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

export async function deliver(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: { revision: number } & (
    | { method: "pickup" | "online" }
    | { method: "express"; carrier: string; trackingNumber: string }
  ),
) {
  const row = await loadForStaff(deps, actor, caseId, "deliver", input.revision);
  const at = new Date().toISOString();
  const delivery =
    input.method === "express"
      ? { method: "express" as const, carrier: input.carrier, trackingNumber: input.trackingNumber, at }
      : { method: input.method, at };
  const how =
    input.method === "express"
      ? `已交${input.carrier}寄出，运单号 ${input.trackingNumber}`
      : DELIVERY_METHOD_LABELS[input.method];
  return transition(deps, auditActorOf(actor), row, {
    action: "deliver",
    to: "completed",
    set: { delivery, completedAt: new Date() },
    note: `办理结果已送达（${how}），办件办结`,
    notify: `您的办件已办结，办理结果${how}。`,
  });
}

/**
 * Sets every running case's warning from its promised date: red once it has passed, yellow from `warningDays`
 * working days before. Two set-based updates, so a sweep over a million cases is one pass of the database.
 */
export async function sweepWarnings(
  deps: CasesDeps,
  today = todayInChina(),
): Promise<{ yellow: number; red: number; cleared: number }> {
  const { db } = deps;
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
