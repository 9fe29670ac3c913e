import { useQuery } from "@tanstack/react-query";
import { api, call } from "../api/client";
import type { components } from "../api/schema";

export type Org = components["schemas"]["Org"];
export type OrgNode = { key: string; value: string; title: string; org: Org; children: OrgNode[] };

export function useOrgs() {
  return useQuery({ queryKey: ["orgs"], queryFn: () => call(api.GET("/api/orgs")), staleTime: 60_000 });
}

/** The tree below (and including) `rootId`, in the shape antd's Tree and TreeSelect take. */
export function orgSubtree(orgs: Org[], rootId: string | null | undefined): OrgNode[] {
  const byParent = new Map<string | null, Org[]>();
  for (const org of orgs) byParent.set(org.parentId, [...(byParent.get(org.parentId) ?? []), org]);
  const build = (org: Org): OrgNode => ({
    key: org.id,
    value: org.id,
    title: org.name,
    org,
    children: (byParent.get(org.id) ?? []).map(build),
  });
  const root = orgs.find((o) => o.id === rootId);
  return root ? [build(root)] : [];
}
