import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffClient, startTestApp, type TestApp } from "../../test/harness.js";
import { SEARCH_QUERIES } from "./search-queries.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function firstHit(q: string): Promise<string | undefined> {
  const response = await t.app.inject({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent(q)}` });
  return response.json().items[0]?.name;
}

describe("search over the demo catalog", () => {
  it("has the demo catalog: 60+ items of every kind and reform mode", async () => {
    const all = (await t.app.inject({ method: "GET", url: "/api/catalog/items?pageSize=100" })).json();
    expect(all.total).toBeGreaterThanOrEqual(60);
    const kinds = new Set(all.items.map((i: { kind: string }) => i.kind));
    expect(kinds.size).toBe(8);
    const modes = new Set(all.items.map((i: { reformMode: string }) => i.reformMode));
    expect([...modes].sort()).toEqual(["abolished", "commitment", "filing", "none", "streamlined"]);
    const selfService = (await t.app.inject({ method: "GET", url: "/api/catalog/items?selfService=true" })).json();
    expect(selfService.total).toBeGreaterThanOrEqual(10);
  });

  it("has county items that follow one province standard, each with its own desk (同事同标)", async () => {
    const transfers = (
      await t.app.inject({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent("义务教育阶段学生转学")}` })
    ).json();
    const copies = transfers.items.filter((i: { name: string }) => i.name === "义务教育阶段学生转学");
    expect(copies.map((i: { orgName: string }) => i.orgName).sort()).toEqual(
      ["南岗区教育局", "道里区教育局", "香坊区教育局"].sort(),
    );
    const guides = await Promise.all(
      copies.map(async (i: { id: string }) =>
        (await t.app.inject({ method: "GET", url: `/api/catalog/items/${i.id}/guide` })).json(),
      ),
    );
    expect(new Set(guides.map((g) => g.content.place)).size).toBe(3);
    expect(new Set(guides.map((g) => JSON.stringify(g.content.materials))).size).toBe(1);
    const standards = (
      await (await staffClient(t, "harbin.admin")).request("GET", "/api/admin/catalog/standards")
    ).json();
    const standard = standards.find((s: { name: string }) => s.name === "义务教育阶段学生转学");
    const guide = (await t.app.inject({ method: "GET", url: `/api/catalog/items/${standard.id}/guide` })).json();
    expect(guide.localCopies.map((c: { id: string }) => c.id).sort()).toEqual(
      copies.map((c: { id: string }) => c.id).sort(),
    );
  });

  for (const { query, expected } of SEARCH_QUERIES) {
    it(`“${query}” finds ${expected} first`, async () => {
      expect(await firstHit(query)).toContain(expected);
    });
  }

  it("answers nonsense and stop words with nothing rather than noise", async () => {
    expect(await firstHit("怎么办理")).toBeUndefined();
    expect(await firstHit("qwerty")).toBeUndefined();
  });
});
