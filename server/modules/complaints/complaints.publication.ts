import { and, desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import { changeTextColumns } from "../../platform/data-migrations.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { ComplaintsDeps } from "./complaints.context.js";
import { change, load } from "./complaints.handling.js";
import { targetKeyOf } from "./complaints.submit.js";
import { complaints } from "./complaints.tables.js";

/** A founded complaint published as a negative example, in words written for the public. */
export async function publish(
  deps: ComplaintsDeps,
  actor: Actor,
  id: string,
  input: { revision: number; summary: string },
) {
  const row = await load(deps, actor, id);
  return change(
    deps,
    actor,
    row,
    "publish",
    { revision: input.revision, set: { published: true, publishedSummary: input.summary, publishedAt: new Date() } },
    { note: "", summary: "作为反面典型公开" },
  );
}

export async function negativeExamples(deps: ComplaintsDeps) {
  const { db } = deps;
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
export function sealStoredTexts(deps: ComplaintsDeps) {
  return changeTextColumns(
    "complaints.seal-texts",
    "complaints",
    ["title", "content", "target_name", "target_key"],
    (column, text) => {
      if (column !== "target_key") return deps.forms.sealText(text);
      const [, type, orgId, name] = /^(school|person):([^:]+):(.*)$/.exec(text) ?? [];
      return type && orgId && name !== undefined ? targetKeyOf(deps, type, orgId, name) : text;
    },
  );
}
