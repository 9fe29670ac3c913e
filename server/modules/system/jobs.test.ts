import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELIVERY_HEADERS, deliverySignature } from "../../platform/delivery.js";
import { applyFor, harbinCatalog } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";

/** The provincial platform's receiving end: answers 503 to the first delivery to a path, then 200; `/down` is always down. */
type Received = { path: string; headers: Record<string, string>; body: string; status: number };
const received: Received[] = [];
let server: Server;
let url = "";

const SECRET = "s".repeat(40);
let t: TestApp;
let sysadmin: TestClient;
let itemId = "";

beforeAll(async () => {
  const refusedOnce = new Set<string>();
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const up = path !== "/down" && refusedOnce.has(path);
      refusedOnce.add(path);
      const status = up ? 200 : 503;
      received.push({ path, headers: request.headers as Record<string, string>, body, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestApp({
    deliveryEndpoints: [
      { name: "province", url: `${url}/events`, secret: SECRET, events: ["case.status-changed"], retryDelaySeconds: 1 },
      {
        name: "down",
        url: `${url}/down`,
        secret: SECRET,
        events: ["case.status-changed"],
        retryLimit: 1,
        retryDelaySeconds: 1,
      },
    ],
  });
  sysadmin = await staffClient(t, "sysadmin");
  const { publishItem } = await harbinCatalog(t, await staffClient(t, "harbin.admin"), "XK-971");
  itemId = await publishItem("0971", { name: "投递测试事项" });
});
afterAll(async () => {
  await t.close();
  server.close();
});

describe("delivery to outside systems", () => {
  it("sends each case change signed, retried with the same delivery id until the receiver takes it", async () => {
    const zhang = new TestClient(t);
    await zhang.signInApplicant("13800000001");
    const submitted = await applyFor(zhang, itemId);
    const toProvince = () => received.filter((r) => r.path === "/events");
    await vi.waitFor(() => expect(toProvince().some((r) => r.status === 200)).toBe(true), { timeout: 15_000 });

    const [refused, taken] = toProvince();
    expect(refused?.status).toBe(503);
    expect(taken?.headers[DELIVERY_HEADERS.delivery]).toBe(refused?.headers[DELIVERY_HEADERS.delivery]);
    const body = JSON.parse(taken?.body ?? "{}");
    expect(body).toMatchObject({ event: "case.status-changed", data: { caseId: submitted.id, to: "submitted" } });
    // The receiver recomputes the signature from its copy of the secret.
    const timestamp = taken?.headers[DELIVERY_HEADERS.timestamp] ?? "";
    expect(taken?.headers[DELIVERY_HEADERS.signature]).toBe(deliverySignature(SECRET, timestamp, taken?.body ?? ""));
    expect(taken?.headers[DELIVERY_HEADERS.signature]).not.toBe(deliverySignature("x".repeat(40), timestamp, body));
  }, 30_000);

  it("keeps a delivery that ran out of retries for the administrator, who may send it again", async () => {
    const failedNow = async () =>
      (await sysadmin.request("GET", "/api/admin/jobs/failed")).json() as {
        id: string;
        queue: string;
        error: string;
      }[];
    await vi.waitFor(async () => expect(await failedNow()).toHaveLength(1), { timeout: 15_000, interval: 250 });
    const [failed] = await failedNow();
    expect(failed?.queue).toBe("case.status-changed.deliver-down");
    // The reason, in words the administrator reads.
    expect(failed?.error).toBe("down 答复 HTTP 503，未接收");

    // Only an administrator of the platform sees and retries them.
    const clerk = await staffClient(t, "harbin.clerk");
    expect((await clerk.request("GET", "/api/admin/jobs/failed")).statusCode).toBe(403);
    expect((await clerk.request("POST", `/api/admin/jobs/failed/${failed?.id}/retry`)).statusCode).toBe(403);
    expect((await sysadmin.request("POST", `/api/admin/jobs/failed/${crypto.randomUUID()}/retry`)).statusCode).toBe(
      404,
    );

    const attempts = received.filter((r) => r.path === "/down").length;
    expect((await sysadmin.request("POST", `/api/admin/jobs/failed/${failed?.id}/retry`)).statusCode).toBe(204);
    await vi.waitFor(() => expect(received.filter((r) => r.path === "/down").length).toBeGreaterThan(attempts), {
      timeout: 15_000,
    });
    const audit = (await sysadmin.request("GET", "/api/audit?action=jobs.retry")).json();
    expect(JSON.stringify(audit)).toContain("重试失败任务 case.status-changed.deliver-down");
  }, 45_000);

  it("refuses a configuration that subscribes to an event the platform does not publish", async () => {
    await expect(
      startTestApp({ deliveryEndpoints: [{ name: "x", url, secret: SECRET, events: ["case.deleted"] }] }),
    ).rejects.toThrow(/未知事件 case\.deleted/);
  });
});
