import { expect } from "vitest";
import type { ItemContent } from "../modules/catalog/catalog.contract.js";
import { completeContent } from "./catalog-fixtures.js";
import type { TestApp, TestClient } from "./harness.js";

/** The demo org most tests work in, and a published power of it that test items cite. */
export type HarbinCatalog = {
  harbinId: string;
  /** Publishes an item of 哈尔滨市教育局 whose guide differs from a complete one by `overrides`. */
  publishItem(basicCode: string, overrides: Partial<ItemContent>): Promise<string>;
};

export async function harbinCatalog(t: TestApp, admin: TestClient, powerCode: string): Promise<HarbinCatalog> {
  const all = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string; name: string }[];
  const harbinId = all.find((o) => o.name === "哈尔滨市教育局")?.id ?? "";
  const power = await admin.request("POST", "/api/admin/catalog/powers", {
    orgId: harbinId,
    code: powerCode,
    name: "测试用许可",
    kind: "licensing",
    basis: "《教师资格条例》",
    responsibility: "受理、审查、决定、送达责任",
  });
  expect(power.statusCode, power.body).toBe(201);
  const powerId = power.json().id;
  await admin.request("POST", `/api/admin/catalog/powers/${powerId}/publish`);
  const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
  const sampleId = (await admin.upload("/api/files", "样本.pdf", "application/pdf", pdf)).json().id;

  async function publishItem(basicCode: string, overrides: Partial<ItemContent>): Promise<string> {
    const created = await admin.request("POST", "/api/admin/catalog/items", {
      orgId: harbinId,
      basicCode,
      content: completeContent({ powerId, resultSampleFileId: sampleId, ...overrides }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await admin.request("POST", `/api/admin/catalog/items/${created.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    return created.json().id;
  }
  return { harbinId, publishItem };
}

/** A required material the applicant uploads as a PDF, as an item's material list holds it. */
export const pdfMaterial = (key: string, name: string, maxFiles = 1): ItemContent["materials"][number] => ({
  key,
  name,
  requirement: "required",
  form: "original",
  copies: 1,
  medium: "either",
  source: "applicant",
  sourceNote: "",
  blankFormFileId: null,
  sampleFileId: null,
  notes: "",
  situationKeys: [],
  fileKinds: ["pdf"],
  maxFiles,
  maxSizeMb: 1,
});

let keys = 0;
/** A fresh idempotency key, as the web app makes one per application. */
export const idempotencyKey = () => `test-key-${++keys}-${Date.now()}`;

/** Applies online for an item and expects the case to be filed. */
export async function applyFor(client: TestClient, itemId: string, extra: object = {}) {
  const response = await client.request("POST", "/api/cases", {
    itemId,
    idempotencyKey: idempotencyKey(),
    form: { school: "哈尔滨师范大学" },
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Takes one case action and expects it to succeed; returns the case as it now stands. */
export async function actOn(client: TestClient, c: { id: string; revision: number }, path: string, body: object = {}) {
  const response = await client.request("POST", `/api/cases/${c.id}/${path}`, { revision: c.revision, ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
