import { and, eq } from "drizzle-orm";
import { type Actor, isWithinScope } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import { AppError, errors } from "../../platform/errors.js";
import { users } from "../accounts/index.js";
import { type ItemContent, items, itemVersions } from "../catalog/index.js";
import { orgs } from "../orgs/index.js";
import { type Clock, duesOf } from "./cases.clock.js";
import { type CasesDeps, caseChanged } from "./cases.context.js";
import { type CaseAction, caseFacts, caseLifecycle } from "./cases.machine.js";
import { type CaseRow, cases } from "./cases.tables.js";

export async function publishedVersionOf(deps: CasesDeps, itemId: string) {
  const { db } = deps;
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

export async function contentOf(deps: CasesDeps, row: CaseRow): Promise<ItemContent> {
  const { db } = deps;
  const [version] = await db
    .select({ content: itemVersions.content })
    .from(itemVersions)
    .where(eq(itemVersions.id, row.itemVersionId));
  if (!version) throw new Error(`case ${row.id} lost its item version`);
  return version.content;
}

export async function findCase(deps: CasesDeps, caseId: string): Promise<CaseRow | undefined> {
  const { db } = deps;
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

/** The applicant's own case; another person's case is "not found", so case ids reveal nothing. */
export async function loadOwnCase(deps: CasesDeps, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await findCase(deps, caseId);
  if (!row || row.applicantId !== actor.userId) throw errors.notFound("办件");
  return row;
}

/** A case staff may act on: the permission the action needs, the case's org in their subtree, the status right. */
export async function loadForStaff(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  revision: number,
): Promise<CaseRow> {
  caseLifecycle.assertHoldsPermission(actor, action);
  const row = await findCase(deps, caseId);
  if (!row) throw errors.notFound("办件");
  if (!isWithinScope(actor, row.orgPath)) throw errors.outOfScope();
  if (row.revision !== revision) throw caseChanged();
  caseLifecycle.assertStaffMayTake(actor, action, caseFacts(row));
  return row;
}

export async function loadForApplicant(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  revision: number,
) {
  const row = await loadOwnCase(deps, actor, caseId);
  if (row.revision !== revision) throw caseChanged();
  caseLifecycle.assertAllowed(action, caseFacts(row));
  return row;
}

export async function clockFields(deps: CasesDeps, clock: Clock | null) {
  if (!clock) return {};
  const dues = duesOf(clock, await deps.calendar.workingCalendar());
  return { clock, statutoryDue: dues.statutoryDue, promisedDue: dues.promisedDue };
}

/** Who a licence is issued to: the applicant's name and their ID number or credit code as stored (encrypted). */
export async function holderOf(deps: CasesDeps, applicantId: string) {
  const { db } = deps;
  const [person] = await db.select().from(users).where(eq(users.id, applicantId));
  if (!person) throw errors.notFound("申请人");
  return {
    id: person.id,
    name: person.name,
    idEncrypted: person.idNumberEncrypted ?? (person.creditCode ? deps.cipher.encrypt(person.creditCode) : null),
    idNumberIndex: person.idNumberIndex,
  };
}
