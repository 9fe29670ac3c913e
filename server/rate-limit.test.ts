import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./test/harness.js";

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((app) => app.close())));

// A fresh client address per run, so counts left in a shared Redis by an earlier run do not matter.
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A sign-in as it arrives: from the socket `remoteAddress` (light-my-request's default is 127.0.0.1). */
async function attemptSignIn(app: TestApp, forwardedFor: string | null, remoteAddress = "127.0.0.1") {
  return app.app.inject({
    method: "POST",
    url: "/api/auth/staff/sign-in",
    remoteAddress,
    headers: {
      ...(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor }),
      cookie: "banshi_csrf=t",
      "x-csrf-token": "t",
    },
    payload: { username: "nobody", password: "Wrong#Pass1" },
  });
}

describe("sign-in rate limit", () => {
  it("refuses the request over the limit with a Chinese message", async () => {
    const app = await startTestApp({ signInRateLimit: 3, trustProxy: 1 });
    apps.push(app);
    const address = clientAddress();
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attemptSignIn(app, address)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await attemptSignIn(app, address);
    expect(limited.json()).toEqual({ code: "TOO_MANY_REQUESTS", message: "请求过于频繁，请稍后再试" });
    expect((await attemptSignIn(app, clientAddress())).statusCode).toBe(401);
  });

  it.runIf(process.env.REDIS_URL)("is shared by every server process through Redis", async () => {
    const redisUrl = process.env.REDIS_URL;
    const first = await startTestApp({ signInRateLimit: 3, trustProxy: 1, redisUrl });
    const second = await startTestApp({ signInRateLimit: 3, trustProxy: 1, redisUrl });
    apps.push(first, second);
    const address = clientAddress();
    const codes = [];
    for (const app of [first, second, first, second]) codes.push((await attemptSignIn(app, address)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});

describe("client address behind proxies (TRUST_PROXY)", () => {
  it("with one hop, counts the address the proxy saw, whatever the client wrote to the left of it", async () => {
    const app = await startTestApp({ signInRateLimit: 20, trustProxy: 1 });
    apps.push(app);
    const real = clientAddress();
    const codes: number[] = [];
    // 25 sign-ins, each claiming another left-most address; the proxy appended the one it saw.
    for (let i = 0; i < 25; i++) codes.push((await attemptSignIn(app, `${clientAddress()}, ${real}`)).statusCode);
    expect(codes).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
    // Someone else behind the same proxy is counted apart.
    expect((await attemptSignIn(app, `${real}, ${clientAddress()}`)).statusCode).toBe(401);
  });

  it("with an address list, believes X-Forwarded-For only from a listed proxy", async () => {
    const app = await startTestApp({ signInRateLimit: 3, trustProxy: ["10.0.0.5", "10.9.0.0/16"] });
    apps.push(app);
    const real = "198.51.100.7";
    const throughProxies = [];
    for (const proxy of ["10.0.0.5", "10.9.3.4", "10.0.0.5", "10.9.200.1"]) {
      throughProxies.push((await attemptSignIn(app, `${clientAddress()}, ${real}`, proxy)).statusCode);
    }
    expect(throughProxies).toEqual([401, 401, 401, 429]);
    // A direct client naming the limited address is counted under its own socket address, not the header's.
    const direct = [];
    for (let i = 0; i < 4; i++) direct.push((await attemptSignIn(app, real, "203.0.113.9")).statusCode);
    expect(direct).toEqual([401, 401, 401, 429]);
    // And a direct client cannot escape its own limit by naming fresh addresses.
    expect((await attemptSignIn(app, clientAddress(), "203.0.113.9")).statusCode).toBe(429);
  });

  it("without proxies, ignores X-Forwarded-For entirely", async () => {
    const app = await startTestApp({ signInRateLimit: 3, trustProxy: false });
    apps.push(app);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attemptSignIn(app, clientAddress(), "192.0.2.44")).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
