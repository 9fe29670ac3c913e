import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness.js";
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
